import { expect, test } from '@playwright/test';
import { basemapPalette } from '../../src/lib/map/basemap/palette';
import { distinctColours, openApp } from './helpers';

const LABEL_LAYERS = ['basemap-town-labels', 'basemap-water-labels', 'basemap-country-labels-world', 'basemap-country-labels'];

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
  ['Karabakh', 'view=9/39.9/46.8', ['Shusha']],
  ['Baku', 'view=11.5/40.39/49.86', ['Baku']]
] as const;

for (const [name, hash, expected] of VIEWS) {
  test(`the offline basemap renders ${name} with labels and no request leaving 127.0.0.1`, async ({ page }) => {
    const seen = await openApp(page, hash);
    const labels = await renderedLabels(page);
    for (const label of expected) expect(labels).toContain(label);
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
  const pixel = await page.evaluate(() => {
    const canvas = (window as any).__map.getCanvas() as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const p = (window as any).__map.project([51.2, 39.0]);
    return Array.from(ctx.getImageData(Math.round(p.x * devicePixelRatio), Math.round(p.y * devicePixelRatio), 1, 1).data);
  });
  const hex = basemapPalette('dark').water.replace('#', '');
  const expected = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let i = 0; i < 3; i++) expect(Math.abs(pixel[i]! - expected[i]!)).toBeLessThan(12);
});
