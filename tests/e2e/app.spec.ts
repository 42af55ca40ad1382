import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CHROMIUM } from '../../scripts/chromium';
import { activePassage, distinctColours, mapIdle, openApp, projectToPage, watch, renderedPlaceIds } from './helpers';
import { shippedModel } from '../support/model';

const model = shippedModel();
const exacts = (placeId: string) => model.places.find((p) => p.id === placeId)!.citations.map((c) => c.exact);

test('the map renders a drawn canvas with no page error and no request leaving 127.0.0.1', async ({ page }) => {
  const seen = await openApp(page);
  const png = await page.locator('[data-testid="map"] canvas').screenshot();
  expect(await distinctColours(page, png)).toBeGreaterThan(20);
  expect(seen.errors).toEqual([]);
  expect(seen.external).toEqual([]);
});

test('every place is in the place list', async ({ page }) => {
  await openApp(page);
  const ids = await page.locator('[data-testid="place-list"] [data-place-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-place-id')));
  expect(ids.sort()).toEqual(model.places.map((p) => p.id).sort());
});

test('the shipped place list is short enough to be drawn whole, with no row left out for the scroll position', async ({ page }) => {
  await openApp(page);
  const rows = page.locator('[data-testid="place-list"] > li');
  await expect(rows).toHaveCount(model.places.length);
  await expect(page.locator('[data-testid="place-list"] [aria-setsize]')).toHaveCount(0);
});

test('selecting each place highlights a passage that equals one of its citations', async ({ page }) => {
  test.setTimeout(180_000);
  const seen = await openApp(page);
  for (const place of model.places) {
    await page.locator(`[data-testid="place-list"] [data-place-id="${place.id}"] button`).click();
    expect(exacts(place.id)).toContain(await activePassage(page));
    await expect(page.locator('[data-testid="place-details"] [aria-current="true"]')).toBeInViewport();
    await expect(page).toHaveURL(new RegExp(`place=${place.id}`));
  }
  expect(seen.errors).toEqual([]);
});

test('next and previous step through a place’s passages in both texts', async ({ page }) => {
  await openApp(page, 'place=khojaly');
  const all = exacts('khojaly');
  const visited = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    visited.add(await activePassage(page));
    await page.getByRole('button', { name: 'Next passage' }).click();
  }
  expect([...visited].sort()).toEqual([...all].sort());
  await page.getByRole('button', { name: 'Previous passage' }).click();
  expect(await activePassage(page)).toBe(all[all.length - 1]);
});

test('clicking a place name in the text selects the place and moves the map there', async ({ page }) => {
  await openApp(page);
  await page.locator('[data-testid="source-panel"] button[data-source-id="khojaly-overview"]').click();
  await page.locator('[data-testid="source-panel"] .text a[data-place-id="khankendi"]').first().click();
  await expect(page.locator('[data-place-id="khankendi"] button')).toHaveAttribute('aria-pressed', 'true');
  expect(exacts('khankendi')).toContain(await activePassage(page));
  await mapIdle(page);
  const center = await page.evaluate(() => (window as any).__map.getCenter());
  expect(center.lng).toBeCloseTo(46.75194, 2);
  expect(center.lat).toBeCloseTo(39.81528, 2);
});

test('the other spelling "Khankandi" links to the same place', async ({ page }) => {
  await openApp(page);
  await page.locator('[data-testid="source-panel"] button[data-source-id="report-2026-02-26"]').click();
  const link = page.locator('[data-testid="source-panel"] .text a', { hasText: 'Khankandi' });
  await expect(link).toHaveAttribute('data-place-id', 'khankendi');
  await link.click();
  expect(await activePassage(page)).toContain('Khankandi');
});

test('clicking a place on the map selects it', async ({ page }) => {
  await openApp(page);
  const khojavand = model.places.find((p) => p.id === 'khojavand')!;
  const at = await projectToPage(page, (khojavand.geometry as unknown as { coordinates: [number, number] }).coordinates);
  await page.mouse.click(at.x + 2, at.y - 4);
  await expect(page.locator('[data-place-id="khojavand"] button')).toHaveAttribute('aria-pressed', 'true');
  expect(exacts('khojavand')).toContain(await activePassage(page));
});

test('the URL restores view, layers, place and passage after a reload', async ({ page }) => {
  const hash = 'view=10.5/39.95/46.86&layers=khojaly,escape-route&place=aghdam&cite=1';
  await openApp(page, hash);
  const check = async () => {
    expect(await activePassage(page)).toBe(exacts('aghdam')[1]);
    await expect(page.locator('input[data-layer-id="khankendi"]')).not.toBeChecked();
    await expect(page.locator('input[data-layer-id="escape-route"]')).toBeChecked();
    const view = await page.evaluate(() => ({ zoom: (window as any).__map.getZoom(), center: (window as any).__map.getCenter() }));
    expect(view.zoom).toBeCloseTo(10.5, 1);
    expect(view.center.lat).toBeCloseTo(39.95, 2);
    expect(view.center.lng).toBeCloseTo(46.86, 2);
  };
  await check();
  await page.reload();
  await mapIdle(page);
  await check();
});

test('a bad URL falls back to the default view without an error', async ({ page }) => {
  const seen = await openApp(page, 'view=oops/1/2&layers=<b>x</b>&place=%3Cimg%20src=x%20onerror=alert(1)%3E&cite=-3');
  await expect(page.locator('[data-testid="place-list"] button[aria-pressed="true"]')).toHaveCount(0);
  await expect(page.locator('input[data-layer-id]:checked')).toHaveCount(5);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(seen.errors).toEqual([]);
});

test('keyboard alone can select a place', async ({ page }) => {
  await openApp(page);
  let guard = 0;
  while (guard++ < 40) {
    await page.keyboard.press('Tab');
    const inList = await page.evaluate(() => document.activeElement?.closest('[data-place-id]')?.getAttribute('data-place-id') ?? null);
    if (inList === 'mothers-cry') break;
  }
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-place-id="mothers-cry"] button')).toHaveAttribute('aria-pressed', 'true');
  expect(exacts('mothers-cry')).toContain(await activePassage(page));
});

test('the first Tab offers a skip to the list of places, which keyboard users can then choose from', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to the list of places' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="place-list"] button').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="place-list"] button').first()).toHaveAttribute('aria-pressed', 'true');
});

test('hiding a layer in the legend hides it on the map and in the URL', async ({ page }) => {
  await openApp(page);
  const drawn = () => page.evaluate(() => (window as any).__map.queryRenderedFeatures({ layers: ['story-icons-khankendi'] }).length);
  expect(await drawn()).toBeGreaterThan(0);
  await page.locator('input[data-layer-id="khankendi"]').uncheck();
  await expect.poll(drawn).toBe(0);
  await expect(page).toHaveURL(/layers=khojaly,escape-route,baku-monument,flag-raising-2023/);
  // Khankendi is also a flag-raising town: its label stays while one of its layers is shown.
  const labels = await renderedPlaceIds(page, ['story-labels', 'story-labels-primary']);
  expect(labels).toContain('khankendi');
  await page.locator('input[data-layer-id="khankendi"]').check();
  await expect.poll(drawn).toBeGreaterThan(0);
});

test('axe-core finds no accessibility violation, with and without a selection', async ({ page }) => {
  await openApp(page);
  const before = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(before.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await page.locator('[data-place-id="mothers-cry"] button').click();
  const after = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(after.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('pointing at a place name in the text rings the place on the map without selecting it', async ({ page }) => {
  await openApp(page);
  const ringed = () => renderedPlaceIds(page, ['story-hover-halo']);
  expect(await ringed()).toEqual([]);
  await page.locator('[data-testid="source-panel"] .text a[data-place-id="aghdam"]').first().hover();
  await expect.poll(ringed).toEqual(['aghdam']);
  await expect(page.locator('[data-testid="place-list"] button[aria-pressed="true"]')).toHaveCount(0);
  await page.mouse.move(1, 1);
  await expect.poll(ringed).toEqual([]);
});

test('axe-core finds no accessibility violation in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, 'place=khankendi');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('reduced motion moves the camera without animation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await page.locator('[data-place-id="khojavand"] button').click();
  // The camera moves in the frame after the one that paints the selection; then it is there at once, not flying.
  await page.locator('[data-testid="map"][data-camera="pending"]').waitFor({ state: 'detached' });
  const { center, moving } = await page.evaluate(() => ({ center: (window as any).__map.getCenter(), moving: (window as any).__map.isMoving() }));
  expect(moving).toBe(false);
  expect(center.lng).toBeCloseTo(47.11306, 3);
  expect(center.lat).toBeCloseTo(39.79528, 3);
});

test('a selection made on the map is announced to screen readers with its passage', async ({ page }) => {
  await openApp(page);
  const aghdara = model.places.find((p) => p.id === 'aghdara')!;
  const at = await projectToPage(page, (aghdara.geometry as unknown as { coordinates: [number, number] }).coordinates);
  await page.mouse.click(at.x + 2, at.y - 4);
  const live = page.getByTestId('announcement');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText(`Aghdara selected. Passage 1 of 1, from Report, 26 February 2026: ${exacts('aghdara')[0]}`);
});

test('the pointer turns into a hand over a place on the map and back off it', async ({ page }) => {
  await openApp(page);
  const khojaly = model.places.find((p) => p.id === 'khojaly')!;
  const at = await projectToPage(page, (khojaly.geometry as unknown as { coordinates: [number, number] }).coordinates);
  const cursor = () => page.evaluate(() => (window as any).__map.getCanvas().style.cursor);
  await page.mouse.move(at.x, at.y);
  await expect.poll(cursor).toBe('pointer');
  await page.mouse.move(at.x - 120, at.y - 150);
  await expect.poll(cursor).toBe('');
});

test('without WebGL the page says why the map is missing, and the places and sources still work', async ({ playwright, baseURL }) => {
  const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--disable-webgl', '--disable-3d-apis', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.goto(`${baseURL}/#place=khankendi`);
    await expect(page.getByTestId('map-error')).toContainText('The map cannot be drawn in this browser');
    expect(exacts('khankendi')).toContain(await activePassage(page));
    await page.locator('[data-place-id="aghdam"] button').click();
    expect(exacts('aghdam')).toContain(await activePassage(page));
    expect(seen.errors).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('a passage from a hidden layer shows that layer', async ({ page }) => {
  await openApp(page, 'place=khankendi&cite=1&layers=khojaly');
  expect(await activePassage(page)).toBe(exacts('khankendi')[1]);
  await expect(page.locator('input[data-layer-id="flag-raising-2023"]')).toBeChecked();
});

test('a new URL whose view is malformed frames the default view', async ({ page }) => {
  await openApp(page, '');
  const home = await page.evaluate(() => (window as any).__map.getCenter());
  await page.evaluate(() => (window.location.hash = 'view=10/40.4/49.9'));
  await expect.poll(() => page.evaluate(() => (window as any).__map.getZoom())).toBeCloseTo(10, 1);
  await page.evaluate(() => (window.location.hash = 'view=99/1/1'));
  await expect.poll(() => page.evaluate(() => (window as any).__map.getCenter().lng)).toBeCloseTo(home.lng, 1);
  const center = await page.evaluate(() => (window as any).__map.getCenter());
  expect(center.lat).toBeCloseTo(home.lat, 1);
});

test('the place details link each coordinate reference that can be read, in a new tab', async ({ page }) => {
  await openApp(page, 'place=khojaly');
  const link = page.getByTestId('provenance').getByTestId('reference-link');
  await expect(link).toHaveAttribute('href', 'https://www.geonames.org/147774');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(page.getByTestId('provenance')).toContainText('Wikipedia article coordinates');
});
