import { expect, test } from '@playwright/test';
import { LOCAL_COUNTRY_LABELS, RIVER_LABELS } from '../../src/lib/map/basemap/layers';
import { basemapPalette } from '../../src/lib/map/basemap/palette';
import { distinctColours, openApp, renderedPlaceIds } from './helpers';

const LABEL_LAYERS = [
  'basemap-town-labels',
  RIVER_LABELS,
  'basemap-water-labels',
  'basemap-country-labels-world',
  'basemap-country-labels',
  LOCAL_COUNTRY_LABELS,
  'basemap-region-labels'
];

/** Names of the basemap labels drawn on screen. */
async function renderedLabels(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate((layers) => {
    const map = (window as any).__map;
    const present = layers.filter((id: string) => map.getLayer(id));
    return map.queryRenderedFeatures({ layers: present }).map((f: any) => String(f.properties.name ?? ''));
  }, LABEL_LAYERS);
}

const VIEWS = [
  ['the Caucasus', 'view=4.6/41.5/45.5', ['Caspian Sea', 'Tbilisi']],
  ['Karabakh', 'view=9/39.9/46.8', ['Shusha', 'Karabakh']],
  ['the Kura and the Aras', 'view=7.5/39.9/47.6', ['Kura', 'Aras']],
  ['the Kura near its mouth', 'view=11/39.6/49.05', ['Kura']],
  ['Baku', 'view=11.5/40.39/49.86', ['Baku', 'Azerbaijan']]
] as const;

for (const basemap of ['offline', 'pmtiles']) for (const [name, hash, expected] of VIEWS) {
  test(`the ${basemap} basemap renders ${name} with labels and no request leaving 127.0.0.1`, async ({ page }) => {
    const seen = await openApp(page, `${hash}&basemap=${basemap}`);
    // The country names are chosen once the view's tiles are there: they appear a frame after the first idle.
    await expect.poll(() => renderedLabels(page)).toEqual(expect.arrayContaining([...expected]));
    const png = await page.locator('[data-testid="map"] canvas').screenshot();
    expect(await distinctColours(page, png)).toBeGreaterThan(20);
    expect(seen.external).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
}

test('the dark theme follows prefers-color-scheme and paints the dark palette', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, 'view=6/41.5/51');
  await expect(page.locator('.app')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => (window as any).__map.getPaintProperty('basemap-background', 'background-color'));
  expect(String(background)).toBe(basemapPalette('dark').background);
  // Three points of open Caspian water; a label or a tile edge may sit on one of them, not on two.
  // The screen map keeps no drawing buffer: its canvas is copied in the frame MapLibre has just drawn.
  const pixels = await page.evaluate(async () => {
    const map = (window as any).__map;
    const canvas = map.getCanvas() as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    await new Promise<void>((resolve) => {
      map.once('render', () => {
        ctx.drawImage(canvas, 0, 0);
        resolve();
      });
      map.triggerRepaint();
    });
    const scale = canvas.width / canvas.clientWidth;
    return [[51.2, 39.0], [49.9, 43.3], [52.0, 41.2]].map((lngLat) => {
      const p = map.project(lngLat);
      return Array.from(ctx.getImageData(Math.round(p.x * scale), Math.round(p.y * scale), 1, 1).data);
    });
  });
  const hex = basemapPalette('dark').water.replace('#', '');
  const expected = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const water = pixels.filter((pixel) => [0, 1, 2].every((i) => Math.abs(pixel[i]! - expected[i]!) < 12));
  expect(water.length, JSON.stringify(pixels)).toBeGreaterThanOrEqual(2);
});

/** Sources and rendered land features of the map's basemap. */
async function basemapState(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const map = (window as any).__map;
    return {
      sources: Object.keys(map.getStyle().sources).filter((id: string) => id.startsWith('basemap-')),
      land: map.queryRenderedFeatures({ layers: ['basemap-land'] }).length,
      labels: map.queryRenderedFeatures({ layers: ['basemap-town-labels'] }).map((f: any) => f.properties.name)
    };
  });
}

test('the URL switches to the self-hosted PMTiles basemap, served by the test server', async ({ page }) => {
  const pmtilesRequests: string[] = [];
  page.on('request', (r) => r.url().endsWith('.pmtiles') && pmtilesRequests.push(r.url()));
  const seen = await openApp(page, 'view=8/40.2/47.2&basemap=pmtiles');
  const state = await basemapState(page);
  expect(state.sources.sort()).toEqual(['basemap-country-names', 'basemap-pmtiles', 'basemap-pmtiles-world']);
  expect(state.land).toBeGreaterThan(0);
  expect(state.labels.length).toBeGreaterThan(0);
  expect(pmtilesRequests.length).toBeGreaterThan(0);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('choosing a basemap in the legend keeps the story layers on top and working', async ({ page }) => {
  await openApp(page, 'view=8/40.0/46.9&basemap=offline');
  await page.getByTestId('basemap-select').selectOption('pmtiles');
  await expect(page.getByTestId('map')).not.toHaveAttribute('data-basemap', 'offline');
  await expect.poll(async () => (await basemapState(page)).sources.sort()).toEqual(['basemap-country-names', 'basemap-pmtiles', 'basemap-pmtiles-world']);
  await expect.poll(async () => (await basemapState(page)).land).toBeGreaterThan(0);
  const layers = await page.evaluate(() => (window as any).__map.getStyle().layers.map((l: any) => l.id));
  const firstStory = layers.findIndex((id: string) => id.startsWith('story-'));
  expect(layers.slice(firstStory).every((id: string) => id.startsWith('story-'))).toBe(true);
  await expect(page).not.toHaveURL(/basemap=offline/);
  await page.locator('[data-place-id="aghdam"] button').click();
  await expect.poll(() => renderedPlaceIds(page, ['story-selected-halo'])).toEqual(['aghdam']);
});
