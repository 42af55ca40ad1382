import { expect, test, type Page, type Route } from '@playwright/test';
import { mapIdle, openApp, renderedPlaceIds } from './helpers';
import { shippedModel } from '../support/model';
import { reservedLeft } from '../../src/lib/map/camera';

const model = shippedModel();
const pointOf = (id: string) => (model.places.find((p) => p.id === id)!.geometry as unknown as { coordinates: [number, number] }).coordinates;

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 }
];

/** The map's centre, once it has stopped moving. */
async function settledCentre(page: Page): Promise<{ lng: number; lat: number }> {
  await mapIdle(page);
  return page.evaluate(() => (window as any).__map.getCenter().toArray()).then(([lng, lat]: [number, number]) => ({ lng, lat }));
}

/**
 * Where the camera puts a place it moves to, once it has stopped moving: the middle of the map
 * right of the edge the insets keep (none on a wide map).
 */
async function settledFocus(page: Page): Promise<{ lng: number; lat: number }> {
  await mapIdle(page);
  const width = await page.evaluate(() => (window as any).__map.getContainer().clientWidth as number);
  const [lng, lat] = await page.evaluate((reserved) => {
    const map = (window as any).__map;
    const box = map.getContainer();
    return map.unproject([reserved + (box.clientWidth - reserved) / 2, box.clientHeight / 2]).toArray();
  }, reservedLeft(width));
  return { lng, lat };
}

/** The place the list shows as selected ('' for none). */
const pressed = (page: Page) => page.locator('[data-testid="place-list"] li:has(button[aria-pressed="true"])').getAttribute('data-place-id', { timeout: 2000 }).catch(() => '');

for (const size of SIZES) {
  test.describe(`at ${size.width} × ${size.height}`, () => {
    test.use({ viewport: size });

    test('a hash change during a camera flight wins over the flight, every time', async ({ page }) => {
      await openApp(page);
      for (const [flying, typed] of [['mothers-cry', 'aghdam'], ['khojaly', 'khankendi'], ['aghdara', 'mothers-cry']] as const) {
        await page.evaluate((id) => document.querySelector<HTMLElement>(`[data-place-id="${id}"] button`)!.click(), flying);
        // The flight starts in the frame after the one that paints the selection.
        await page.waitForFunction(() => (window as any).__map.isMoving(), null, { timeout: 2000 });
        await page.evaluate((hash) => (window.location.hash = hash), `place=${typed}`);
        const centre = await settledFocus(page);
        expect(await pressed(page)).toBe(typed);
        await expect(page).toHaveURL(new RegExp(`place=${typed}`));
        expect(centre.lng).toBeCloseTo(pointOf(typed)[0], 2);
        expect(centre.lat).toBeCloseTo(pointOf(typed)[1], 2);
      }
    });

    test('a hash change before the flight has started wins over the click', async ({ page }) => {
      await openApp(page);
      await page.evaluate(() => {
        document.querySelector<HTMLElement>('[data-place-id="mothers-cry"] button')!.click();
        window.location.hash = 'place=khankendi';
      });
      const centre = await settledFocus(page);
      expect(await pressed(page)).toBe('khankendi');
      expect(centre.lng).toBeCloseTo(pointOf('khankendi')[0], 2);
      expect(centre.lat).toBeCloseTo(pointOf('khankendi')[1], 2);
    });

    test('a URL with a view typed during a flight leaves the camera at that view', async ({ page }) => {
      await openApp(page);
      await page.evaluate(() => document.querySelector<HTMLElement>('[data-place-id="mothers-cry"] button')!.click());
      await page.evaluate(() => (window.location.hash = 'view=10/39.9/46.8&place=khojaly'));
      const centre = await settledCentre(page);
      expect(centre.lng).toBeCloseTo(46.8, 3);
      expect(centre.lat).toBeCloseTo(39.9, 3);
      expect(await pressed(page)).toBe('khojaly');
    });

    test('a place picked on the map during a flight stops the flight there', async ({ page }) => {
      await openApp(page, 'view=9/39.85/46.85');
      await page.evaluate(() => document.querySelector<HTMLElement>('[data-place-id="mothers-cry"] button')!.click());
      await page.evaluate(() => document.querySelector<HTMLElement>('[data-place-id="khojaly"] button')!.click());
      const centre = await settledFocus(page);
      expect(centre.lng).toBeCloseTo(pointOf('khojaly')[0], 2);
      expect(await pressed(page)).toBe('khojaly');
    });

    test('switching basemaps quickly ends on the last one chosen', async ({ page }) => {
      await openApp(page, 'view=8/40.2/47.2&basemap=offline');
      const held: Route[] = [];
      let holding = true;
      await page.route('**/assets/*.js', (route) => (holding ? held.push(route) : route.continue()));
      await page.getByTestId('basemap-select').selectOption('pmtiles');
      await expect.poll(() => held.length).toBeGreaterThan(0);
      await page.getByTestId('basemap-select').selectOption('offline');
      holding = false;
      const finished = held.map((route) => page.waitForEvent('requestfinished', (r) => r.url() === route.request().url()));
      for (const route of held) await route.continue();
      await page.unroute('**/assets/*.js');
      await Promise.all(finished);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      await mapIdle(page);
      const sources = await page.evaluate(() => Object.keys((window as any).__map.getStyle().sources).filter((id) => id.startsWith('basemap-')));
      expect(sources).not.toContain('basemap-pmtiles');
      expect(sources.length).toBeGreaterThan(0);
      await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'offline');
      expect(page.url()).toContain('basemap=offline');
    });

    test('hiding the selected place’s only layer takes its halo away, and showing it brings it back', async ({ page }) => {
      await openApp(page, 'place=aghdam');
      const halo = () => renderedPlaceIds(page, ['story-selected-halo']);
      await expect.poll(halo).toEqual(['aghdam']);
      await page.locator('input[data-layer-id="escape-route"]').uncheck();
      await expect.poll(halo).toEqual([]);
      await page.locator('input[data-layer-id="escape-route"]').check();
      await expect.poll(halo).toEqual(['aghdam']);
    });

    test('the browser’s Back button returns to the previously selected place, then to none', async ({ page }) => {
      await openApp(page);
      await page.locator('[data-place-id="khojaly"] button').click();
      await expect(page).toHaveURL(/place=khojaly/);
      await mapIdle(page);
      await page.locator('[data-place-id="aghdam"] button').click();
      await expect(page).toHaveURL(/place=aghdam/);
      await mapIdle(page);
      await page.goBack();
      await expect(page.locator('[data-place-id="khojaly"] button')).toHaveAttribute('aria-pressed', 'true');
      await expect(page).toHaveURL(/place=khojaly/);
      await page.goBack();
      await expect(page.locator('[data-testid="place-list"] button[aria-pressed="true"]')).toHaveCount(0);
      await page.goForward();
      await expect(page.locator('[data-place-id="khojaly"] button')).toHaveAttribute('aria-pressed', 'true');
    });

    test('camera moves and passages add no history entry', async ({ page }) => {
      await openApp(page, 'place=khojaly');
      const length = await page.evaluate(() => history.length);
      await page.getByRole('button', { name: 'Next passage' }).click();
      await page.evaluate(() => (window as any).__map.jumpTo({ center: [46.9, 39.95], zoom: 10 }));
      await expect(page).toHaveURL(/view=10\//);
      await expect(page).toHaveURL(/cite=1/);
      expect(await page.evaluate(() => history.length)).toBe(length);
    });

    test('selecting in the embed adds no history entry', async ({ page }) => {
      await page.goto('/embed.html#place=khojaly');
      await mapIdle(page);
      const length = await page.evaluate(() => history.length);
      await page.getByTestId('embed-place-select').selectOption('aghdam');
      await expect(page).toHaveURL(/place=aghdam/);
      expect(await page.evaluate(() => history.length)).toBe(length);
    });
  });
}
