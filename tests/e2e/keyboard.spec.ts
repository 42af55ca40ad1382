import { expect, test, type Page } from '@playwright/test';
import { mapIdle, openApp, pixelAt } from './helpers';
import { shippedModel } from '../support/model';

const model = shippedModel();
const khojaly = model.places.find((p) => p.id === 'khojaly')!;

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 }
];

/** What has the focus: a short description of `document.activeElement`. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const item = el.closest('[data-place-id]')?.getAttribute('data-place-id');
    const test = el.closest('[data-testid]')?.getAttribute('data-testid');
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return [el.tagName.toLowerCase(), test, item, name].filter(Boolean).join(' | ');
  });
}

/** Checks the focus is where expected and on screen. */
async function expectFocus(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(() => focused(page)).toMatch(pattern);
  await expect(page.locator(':focus')).toBeInViewport();
}

for (const size of SIZES) {
  test.describe(`at ${size.width} × ${size.height}`, () => {
    test.use({ viewport: size });

    test('the list: skip link, select by Enter, focus stays on the place and on screen', async ({ page }) => {
      await openApp(page);
      await page.keyboard.press('Tab');
      await expectFocus(page, /^button \| Skip to the list of places/);
      await page.keyboard.press('Enter');
      await expectFocus(page, /^button \| place-list \| khojaly/);
      await page.keyboard.press('Tab');
      await expectFocus(page, new RegExp(`^button \\| place-list \\| ${model.places[1]!.id}`));
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-place-id="khojaly"] button')).toHaveAttribute('aria-pressed', 'true');
      await expectFocus(page, /^button \| place-list \| khojaly/);
    });

    test('Next passage keeps its focus and stays on screen at every step', async ({ page }) => {
      await openApp(page, 'place=khojaly');
      await page.getByRole('button', { name: 'Next passage' }).focus();
      for (let i = 1; i <= khojaly.citations.length; i++) {
        await page.keyboard.press('Enter');
        const n = (i % khojaly.citations.length) + 1;
        await expect(page.getByTestId('passage-count')).toHaveText(`Passage ${n} of ${khojaly.citations.length}`);
        await expectFocus(page, /^button \| passage-nav \| Next passage/);
      }
    });

    test('following a mention by keyboard keeps the focus on that mention', async ({ page }) => {
      await openApp(page);
      await page.locator('[data-testid="source-panel"] button[data-source-id="khojaly-overview"]').focus();
      await page.keyboard.press('Enter');
      await expectFocus(page, /^button \| source-panel/);
      const mention = page.locator('[data-testid="source-panel"] .text a[data-place-id="khankendi"]').first();
      const start = await mention.getAttribute('data-start');
      await mention.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-place-id="khankendi"] button')).toHaveAttribute('aria-pressed', 'true');
      await expectFocus(page, /^a \| source-panel \| khankendi/);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-start'))).toBe(start);
    });

    test('clearing the selection sends the focus to the place in the list', async ({ page }) => {
      await openApp(page, 'place=aghdam');
      await page.getByRole('button', { name: 'Clear selection' }).focus();
      await expectFocus(page, /Clear selection/);
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-testid="place-list"] button[aria-pressed="true"]')).toHaveCount(0);
      await expectFocus(page, /^button \| place-list \| aghdam/);
    });

    test('the focused map shows a focus ring', async ({ page }) => {
      await openApp(page);
      const map = page.getByTestId('map');
      const box = (await map.boundingBox())!;
      const before = await pixelAt(page, await map.screenshot(), 1, box.height / 2);
      await page.locator('[data-testid="map"] canvas').focus();
      await expectFocus(page, /^canvas \| map/);
      const after = await pixelAt(page, await map.screenshot(), 1, box.height / 2);
      expect(after).not.toEqual(before);
      expect(after.map((c, i) => Math.abs(c - [157, 32, 24][i]!)).every((d) => d <= 12)).toBe(true);
    });

    test('on the focused map, N and P move through the places in view (announced) and Enter selects one', async ({ page }) => {
      await openApp(page, 'view=10/39.88/46.85');
      const canvas = page.locator('[data-testid="map"] canvas');
      await canvas.focus();
      await page.keyboard.press('n');
      const live = page.getByTestId('announcement');
      await expect(live).toHaveText(/^.+: 1 of \d+ places in view\. Press Enter to select\./);
      const first = (await live.textContent())!.split(':')[0]!;
      await page.keyboard.press('n');
      await expect(live).toHaveText(/: 2 of \d+ places in view/);
      await page.keyboard.press('p');
      await expect(live).toHaveText(new RegExp(`^${first}: 1 of`));
      await expectFocus(page, /^canvas \| map/);
      const id = model.places.find((p) => p.name === first)!.id;
      const hovered = () => page.evaluate((place) => (window as any).__map.getFeatureState({ source: 'story-marks', id: place }).hover === true, id);
      await expect.poll(hovered).toBe(true);
      await page.keyboard.press('Enter');
      await expect(page.locator(`[data-place-id="${id}"] button`)).toHaveAttribute('aria-pressed', 'true');
      await expect(live).toHaveText(new RegExp(`^${first} selected\\.`));
      await expectFocus(page, /^canvas \| map/);
    });

    test('after a download the focus stays in the dialog, the end is announced, and closing returns to Export', async ({ page }) => {
      await openApp(page);
      await page.getByTestId('export-button').focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('export-dialog')).toBeVisible();
      await page.getByTestId('export-format').selectOption('geojson');
      await page.getByTestId('export-download').focus();
      const download = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      await download;
      await expect(page.getByTestId('export-status')).toHaveText(/^Export finished: .+\.geojson$/);
      await expectFocus(page, /^button \| export-download \| Download/);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('export-dialog')).toHaveCount(0);
      await expectFocus(page, /^button \| export-button|^button \| toolbar \| Export/);
    });

    test('the embed with panel=0 has a main landmark and a live region from the start that announces a selection', async ({ page }) => {
      await page.goto('/embed.html?panel=0');
      await mapIdle(page);
      await expect(page.locator('main')).toHaveCount(1);
      const live = page.getByTestId('announcement');
      await expect(live).toHaveAttribute('aria-live', 'polite');
      await expect(live).toHaveText('');
      await page.getByTestId('embed-place-select').focus();
      await page.getByTestId('embed-place-select').selectOption('aghdam');
      await expect(live).toHaveText(/^Aghdam selected\. Passage 1 of/);
      await expectFocus(page, /^select \| embed-place-select|^select \| embed/);
    });

    test('clearing in the embed sends the focus to the place chooser', async ({ page }) => {
      await page.goto('/embed.html#place=aghdam');
      await mapIdle(page);
      await page.getByRole('button', { name: 'Clear selection' }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('embed-place-select')).toHaveValue('');
      await expectFocus(page, /^select \| embed/);
    });
  });
}

/** Violations axe-core finds on the page (WCAG 2.1 A and AA), as readable lines. */
async function axeViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** A state of the page to check, reached from the page as loaded. */
type State = [name: string, url: string, reach?: (page: Page) => Promise<void>];

const STATES: State[] = [
  ['the app with nothing selected', '/'],
  ['the app with a place and its passage', '/#place=khojaly&cite=2'],
  ['the app with the other text shown', '/#place=khankendi', (page) => page.locator('button[data-source-id="report-2026-02-26"]').click()],
  ['the app with a place in view picked on the map', '/#view=10/39.88/46.85', async (page) => {
    await page.locator('[data-testid="map"] canvas').focus();
    await page.keyboard.press('n');
  }],
  ['the app’s export dialog', '/', async (page) => {
    await page.getByTestId('export-button').click();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
  }],
  ['the embed with nothing selected', '/embed.html'],
  ['the embed with a place and the sources open', '/embed.html#place=aghdam', async (page) => {
    await page.locator('[data-testid="embed-sources"] summary').click();
    await expect(page.getByTestId('source-panel')).toBeVisible();
  }],
  ['the embed with panel=0', '/embed.html?panel=0'],
  ['the embed with panel=0 and a place', '/embed.html?panel=0#place=khojaly'],
  ['the static embed of fixed height', '/embed.html?static=1&height=400#place=mothers-cry']
];

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`axe at ${size.width} px, ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme });
      for (const [name, url, reach] of STATES) {
        test(`no violation in ${name}`, async ({ page }) => {
          await page.goto(url);
          await mapIdle(page);
          await reach?.(page);
          expect(await axeViolations(page)).toEqual([]);
        });
      }
    });
  }
}
