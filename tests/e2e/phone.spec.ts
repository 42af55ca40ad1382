import { expect, test, type Locator, type Page } from '@playwright/test';
import { mapIdle, openApp } from './helpers';
import { shippedModel } from '../support/model';

const pointOf = (id: string) => (shippedModel().places.find((p) => p.id === id)!.geometry as unknown as { coordinates: [number, number] }).coordinates;
const khankendi = pointOf('khankendi');

/** How far right of the insets at the map's left a point lies on screen, in CSS pixels. */
function roomRightOfInsets(page: Page, point: [number, number]): Promise<number> {
  return page.evaluate((at) => {
    const map = (window as any).__map;
    const left = map.getContainer().getBoundingClientRect().left;
    const insets = [...document.querySelectorAll('[data-testid="inset"], [data-testid="locator"]')].map((el) => el.getBoundingClientRect().right);
    return left + map.project(at).x - Math.max(...insets);
  }, point);
}

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1280, height: 800 }
] as const;

const current = (page: Page) => page.locator('[data-testid="place-details"] .citations [aria-current="true"]');
const nav = (page: Page) => page.locator('[data-testid="place-details"] [data-testid="passage-nav"]');

/** Fails unless the element's whole box comes to lie inside the window (the reveal scrolls in the frame after a change). */
async function expectInWindow(page: Page, locator: Locator) {
  const size = page.viewportSize()!;
  await expect(async () => {
    const box = await locator.boundingBox();
    expect(box, 'element has a box').not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(-0.5);
    expect(box!.x).toBeGreaterThanOrEqual(-0.5);
    expect(box!.y + box!.height).toBeLessThanOrEqual(size.height + 0.5);
    expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 0.5);
  }).toPass({ timeout: 5000 });
}

/** Elements under `root` that stick out of it sideways (text-level boxes of 1 px, like visually hidden ones, aside). */
function overflowing(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const container of document.querySelectorAll<HTMLElement>(selector)) {
      const outer = container.getBoundingClientRect();
      for (const el of container.querySelectorAll<HTMLElement>('*')) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || getComputedStyle(el).visibility === 'hidden') continue;
        if (r.left < outer.left - 1 || r.right > outer.right + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(outer.left)}–${Math.round(outer.right)}`);
      }
    }
    return out;
  }, root);
}

for (const size of SIZES) {
  test.describe(`${size.name} ${size.width} × ${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('choosing a place from the list brings its details and active passage into view, with the map still on screen', async ({ page }) => {
      await openApp(page);
      await page.locator('[data-testid="place-list"] li[data-place-id="khojaly"] button').click();
      await expect(current(page)).toHaveCount(1);
      await expectInWindow(page, page.locator('#details-heading'));
      await expectInWindow(page, current(page));
      const map = await page.locator('[data-testid="map"]').boundingBox();
      expect(map!.y + map!.height).toBeGreaterThan(100);
      expect(map!.y).toBeLessThan(size.height / 2);
    });

    test('a place chosen in the URL shows its active passage, and stepping keeps the navigator and the passage in view', async ({ page }) => {
      await openApp(page, 'place=khojaly&cite=5');
      await expect(page.locator('[data-testid="passage-count"]').first()).toHaveText('Passage 6 of 7');
      await expectInWindow(page, current(page));
      for (const expected of ['Passage 7 of 7', 'Passage 1 of 7', 'Passage 2 of 7']) {
        await nav(page).getByRole('button', { name: 'Next passage' }).click();
        await expect(nav(page).getByTestId('passage-count')).toHaveText(expected);
        await expectInWindow(page, nav(page));
        await expectInWindow(page, current(page));
      }
    });

    test('a place chosen lies clear of the insets at the map’s left, with room for its label left of it', async ({ page }) => {
      await openApp(page, 'place=khankendi');
      await mapIdle(page);
      await expect(page.locator('[data-testid="locator"]')).toBeVisible();
      // "Khankendi" and "Xankəndi", left of the icon, take about 95 px.
      expect(await roomRightOfInsets(page, khankendi)).toBeGreaterThanOrEqual(100);
    });

    test('an event framed on the map leaves its westernmost place room for its label right of the insets', async ({ page }) => {
      await openApp(page, 'event=attack-1992');
      await mapIdle(page);
      await expect(page.locator('[data-testid="locator"]')).toBeVisible();
      // Its places: Khojaly, the escape route, Aghdam and, westernmost, Khankendi, whose label takes about 95 px.
      expect(await roomRightOfInsets(page, pointOf('khankendi'))).toBeGreaterThanOrEqual(100);
    });

    test('the “Select a place” hint and the way to the sources are on the first screen', async ({ page }) => {
      await openApp(page);
      await expectInWindow(page, page.getByRole('heading', { name: 'Select a place' }));
      const sources = page.getByTestId('jump').getByRole('button', { name: 'Sources' });
      await expectInWindow(page, sources);
      await sources.click();
      await expectInWindow(page, page.locator('#source-heading'));
      await expect(page.locator('[data-testid="source-panel"] .tabs button').first()).toBeFocused();
    });

    test('nothing in the panel or the header is wider than its container', async ({ page }) => {
      await openApp(page, 'place=khojaly');
      expect(await overflowing(page, '.panel')).toEqual([]);
      expect(await overflowing(page, '.app > header')).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    });
  });
}

test.describe('phone attribution', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('is a collapsed ⓘ that opens on demand', async ({ page }) => {
    await openApp(page);
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect(attribution).toHaveClass(/maplibregl-compact(?!-)/);
    await expect(attribution).not.toHaveClass(/maplibregl-compact-show/);
    expect((await attribution.boundingBox())!.height).toBeLessThan(40);
    await attribution.locator('.maplibregl-ctrl-attrib-button').click();
    await expect(attribution).toHaveClass(/maplibregl-compact-show/);
    await expect(attribution.getByText('GeoNames').first()).toBeVisible();
  });
});

for (const width of [320, 600, 1920]) {
  test(`at ${width} px wide nothing in the panel is wider than the panel`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openApp(page, 'place=khojaly');
    expect(await overflowing(page, '.panel')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

for (const width of [320, 360, 1920]) {
  for (const opener of ['export-button', 'share-button', 'embed-button']) {
    test(`at ${width} px wide the ${opener.replace('-button', '')} dialog fits the window and its content fits the dialog`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await openApp(page);
      await page.getByTestId(opener).click();
      const dialog = page.locator('dialog[open]');
      await expect(dialog).toBeVisible();
      expect(await overflowing(page, 'dialog[open]')).toEqual([]);
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    });
  }
}

test.describe('export dialog at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('its Format and Size selects do not overlap', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('export-button').click();
    const format = (await page.getByTestId('export-format').boundingBox())!;
    const size = (await page.getByTestId('export-size').boundingBox())!;
    const apart = format.x + format.width <= size.x + 0.5 || size.y >= format.y + format.height - 0.5;
    expect(apart).toBe(true);
  });
});
