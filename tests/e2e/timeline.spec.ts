import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { activePassage, mapIdle, openApp, renderedPlaceIds } from './helpers';
import { shippedModel } from '../support/model';

const model = shippedModel();
const MARK_LAYERS = ['story-event-halo', 'story-route-marked', 'story-areas-marked'];

test.use({ reducedMotion: 'reduce' });

/** The place ids the map draws ringed as the selected event's places, once it has settled. */
async function ringedPlaces(page: Page): Promise<string[]> {
  await mapIdle(page);
  return (await renderedPlaceIds(page, MARK_LAYERS)).sort();
}

const current = (page: Page) => page.locator('[data-testid="timeline"] [aria-current="true"]');

test('stepping through the timeline in time order highlights each event’s passage and rings its places', async ({ page }) => {
  const seen = await openApp(page);
  for (const event of model.events) {
    await page.getByTestId('timeline-next').click();
    await expect(current(page)).toHaveAttribute('data-event-id', event.id);
    await expect(current(page)).toHaveAttribute('data-date', event.date ?? '');
    expect(await activePassage(page)).toBe(event.citations[0]!.exact);
    expect(await ringedPlaces(page)).toEqual([...event.places].sort());
    await expect(page).toHaveURL(new RegExp(`event=${event.id}`));
  }
  await expect(page.getByTestId('timeline-next')).toBeDisabled();
  expect(seen.errors).toEqual([]);
});

test('every event element carries its id and ISO date, empty when the texts give none', async ({ page }) => {
  await openApp(page);
  const items = await page
    .locator('[data-testid="timeline"] [data-event-id]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-event-id'), e.getAttribute('data-date')]));
  expect(items).toEqual(model.events.map((e) => [e.id, e.date ?? '']));
  expect(items.find(([id]) => id === 'war-44-day')).toEqual(['war-44-day', '']);
});

test('#event= restores the event, its source and its passage', async ({ page }) => {
  const seen = await openApp(page, 'event=monument');
  await expect(current(page)).toHaveAttribute('data-event-id', 'monument');
  expect(await activePassage(page)).toBe('In 1993, a monument was erected in the Khatai district of Baku in remembrance of the Khojaly genocide victims.');
  await expect(page.locator('[data-testid="event-details"]')).toContainText('quotes this event without a date');
  expect(await ringedPlaces(page)).toEqual(['baku', 'mothers-cry']);
  expect(seen.errors).toEqual([]);
});

test('an unknown #event= falls back to no event, without an error', async ({ page }) => {
  const seen = await openApp(page, 'event=%3Cimg%20src%3Dx%3E');
  await expect(current(page)).toHaveCount(0);
  expect(seen.errors).toEqual([]);
});

test('selecting a place marks the events that concern it', async ({ page }) => {
  await openApp(page);
  await page.locator('[data-testid="place-list"] [data-place-id="khankendi"] button').click();
  const marked = await page
    .locator('[data-testid="timeline"] [data-event-id]')
    .evaluateAll((els) => els.filter((e) => e.textContent!.includes('(concerns the selected place)')).map((e) => e.getAttribute('data-event-id')));
  expect(marked).toEqual(model.events.filter((e) => e.places.includes('khankendi')).map((e) => e.id));
});

test('the arrow keys step through the events and keep the focus on the current one', async ({ page }) => {
  await openApp(page);
  await page.locator(`[data-event-id="${model.events[0]!.id}"]`).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await expect(current(page)).toHaveAttribute('data-event-id', model.events[1]!.id);
  await expect(current(page)).toBeFocused();
});

test('the text-order tour visits the places in the order the text names them', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tour-mode').click();
  await page.getByTestId('tour-source').selectOption('report-2026-02-26');
  await page.locator('[data-source-id="report-2026-02-26"]').first().click();
  const inText = await page
    .locator('[data-testid="source-panel"] .text a[data-place-id]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-place-id')!))]);
  expect(inText.length).toBeGreaterThan(5);
  const visited: string[] = [];
  for (let i = 0; i < inText.length; i++) {
    await page.getByTestId('timeline-next').click();
    const selected = page.locator('[data-testid="place-list"] li:has(button[aria-pressed="true"])');
    await expect(selected).toHaveCount(1);
    visited.push((await selected.getAttribute('data-place-id'))!);
  }
  expect(visited).toEqual(inText);
});

test('a period shows only the places of its events', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('period-from').selectOption('2023');
  await page.getByTestId('period-to').selectOption('2023');
  const shown = await page.locator('[data-testid="timeline"] [data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
  expect(shown).toEqual(['cleared-2023', 'flag-2023']);
  await mapIdle(page);
  const drawn = await page.evaluate(() => {
    const map = (window as any).__map;
    return [...new Set(map.querySourceFeatures('story-points').map((f: any) => f.properties.placeId as string))].sort();
  });
  expect(drawn).toEqual(['aghdara', 'asgaran', 'khankendi', 'khojaly', 'khojavand']);
});

test('the gazetteer lists every place name of both texts, each mapped or with its reason', async ({ page }) => {
  await openApp(page);
  const entries = await page
    .locator('[data-testid="gazetteer"] [data-name]')
    .evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('data-name')!, id: e.getAttribute('data-place-id'), reason: e.getAttribute('data-unmapped-reason') })));
  expect(entries.map((e) => e.name).sort()).toEqual(model.gazetteer.entries.map((e) => e.name).sort());
  for (const name of ['Khojaly', 'Khankendi', 'Khankandi', 'Baku', 'Khatai district', 'Karabakh', 'Palembang', 'Indonesia', 'Pakistan', 'Bosnia and Herzegovina']) {
    expect(entries.map((e) => e.name)).toContain(name);
  }
  const texts = model.sources.map((s) => s.text).join('\n');
  for (const entry of entries) {
    expect(texts).toContain(entry.name);
    expect(Boolean(entry.id) !== Boolean(entry.reason)).toBe(true);
    if (entry.id) await expect(page.locator(`[data-testid="place-list"] [data-place-id="${entry.id}"]`)).toHaveCount(1);
  }
});

test('the timeline and the gazetteer have no axe violations', async ({ page }) => {
  await openApp(page, 'event=flag-2023');
  await page.locator('[data-testid="gazetteer"] [data-name="Karabakh"] summary').click();
  const results = await new AxeBuilder({ page }).include('[data-testid="timeline"]').include('[data-testid="gazetteer"]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('the embed shows the timeline with timeline=1, and restores #event=', async ({ page }) => {
  await page.goto('/embed.html?timeline=1#event=flag-2023');
  await mapIdle(page);
  await expect(current(page)).toHaveAttribute('data-event-id', 'flag-2023');
  expect(await ringedPlaces(page)).toEqual(['aghdara', 'asgaran', 'khankendi', 'khojaly', 'khojavand']);
});

test('the embed has no timeline without timeline=1', async ({ page }) => {
  await page.goto('/embed.html#event=flag-2023');
  await mapIdle(page);
  await expect(page.getByTestId('timeline')).toHaveCount(0);
});

test('the export of a selected event is captioned with its quoted label and dates', async ({ page }) => {
  await openApp(page, 'event=attack-1992');
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-subtitle')).toHaveValue(
    '“attacked the city of Khojaly” — On the night of February 25–26, 1992 [1, 2]; On February 25, 1992 [2]'
  );
});
