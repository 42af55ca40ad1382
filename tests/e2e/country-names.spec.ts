import { expect, test, type Page } from '@playwright/test';
import { LOCAL_COUNTRY_LABELS } from '../../src/lib/map/basemap/layers';
import { mapIdle, openApp } from './helpers';

/** A country name drawn on the map: the name and its box on the canvas (CSS px), measured in the label font. */
interface DrawnName {
  name: string;
  box: [number, number, number, number];
}

/** Waits until the map has chosen the names of its view and drawn them (the idle after the names' source was set). */
async function namesSettled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => ((await (window as any).__map.getSource('basemap-country-names').getData()).features.length as number)))
    .toBeGreaterThan(0);
  await mapIdle(page);
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = (window as any).__map;
    map.once('render', () => resolve());
    map.triggerRepaint();
  }));
}

/**
 * The country names drawn, each with the box of its text: the label's point (text centred on it)
 * and the width of the upper-case name in the map's bold font file, letter spacing included.
 */
async function drawnNames(page: Page): Promise<{ names: DrawnName[]; width: number; height: number }> {
  return page.evaluate(async (layer) => {
    const map = (window as any).__map;
    const faces = map.getStyle()['font-faces']['Noto Sans Bold'];
    const font = new FontFace('names-probe', `url(${faces[0].url})`);
    await font.load();
    document.fonts.add(font);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = '13px names-probe';
    const { width, height } = map.getCanvas().getBoundingClientRect();
    const names = map.queryRenderedFeatures({ layers: [layer] }).map((f: any) => {
      const text = String(f.properties.name).toUpperCase();
      const w = ctx.measureText(text).width + 0.15 * 13 * text.length;
      const h = 13 * 1.2;
      const { x, y } = map.project(f.geometry.coordinates);
      return { name: String(f.properties.name), box: [x - w / 2, y - h / 2, x + w / 2, y + h / 2] };
    });
    return { names, width, height };
  }, LOCAL_COUNTRY_LABELS);
}

/** Countries covering at least `share` of the map, sampled on a 20 × 20 grid of the rendered land. */
async function countriesCovering(page: Page, share: number): Promise<string[]> {
  return page.evaluate((share) => {
    const map = (window as any).__map;
    const { width, height } = map.getCanvas().getBoundingClientRect();
    const count = new Map<string, number>();
    for (let i = 0.5; i < 20; i++) {
      for (let j = 0.5; j < 20; j++) {
        const hit = map.queryRenderedFeatures([(width * i) / 20, (height * j) / 20], { layers: ['basemap-land'] }).find((f: any) => f.properties.res === '10m');
        if (hit) count.set(hit.properties.name, (count.get(hit.properties.name) ?? 0) + 1);
      }
    }
    return [...count].filter(([, n]) => n >= share * 400).map(([name]) => name).sort();
  }, share);
}

const SIZES = [[390, 844], [768, 1024], [1280, 800]] as const;
const VIEWS = [
  ['the default view', ''],
  ['Khojaly selected', 'place=khojaly'],
  ['zoom 8 around Khojavand', 'view=8/39.79528/47.11306'],
  ['zoom 11.6 over Khojaly', 'view=11.6/39.91111/46.78917']
] as const;

for (const [width, height] of SIZES) for (const [name, hash] of VIEWS) {
  test(`at ${width} × ${height}, ${name}: every country covering a quarter of the map is named once, whole inside the map`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width, height });
    const seen = await openApp(page, hash);
    await namesSettled(page);
    const large = await countriesCovering(page, 0.25);
    expect(large.length).toBeGreaterThan(0);
    const drawn = await drawnNames(page);
    for (const country of large) expect(drawn.names.filter((d) => d.name === country), country).toHaveLength(1);
    expect(new Set(drawn.names.map((d) => d.name)).size, 'no name twice').toBe(drawn.names.length);
    for (const { name: country, box } of drawn.names) {
      expect(box[0], `${country} left`).toBeGreaterThanOrEqual(0);
      expect(box[1], `${country} top`).toBeGreaterThanOrEqual(0);
      expect(box[2], `${country} right`).toBeLessThanOrEqual(drawn.width);
      expect(box[3], `${country} bottom`).toBeLessThanOrEqual(drawn.height);
    }
    expect(seen.errors).toEqual([]);
  });
}

test('the names follow the view: a move names the countries of the new view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, 'view=11/39.91111/46.78917');
  await namesSettled(page);
  expect((await drawnNames(page)).names.map((d) => d.name)).toEqual(['Azerbaijan']);
  await page.evaluate(() => (window as any).__map.jumpTo({ center: [45.2, 40.2], zoom: 9 }));
  await expect.poll(async () => (await drawnNames(page)).names.map((d) => d.name)).toContain('Armenia');
});

for (const place of ['khojaly', 'khojaly-aghdam-route']) test(`with ${place} selected on a phone, the country name keeps off the route’s corridor`, async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, `place=${place}`);
  await namesSettled(page);
  const { names } = await drawnNames(page);
  expect(names.length).toBeGreaterThan(0);
  for (const { name, box } of names) {
    const [x0, y0, x1, y1] = box;
    const points = [[x0, y0], [x1, y0], [x0, y1], [x1, y1], [(x0 + x1) / 2, (y0 + y1) / 2]];
    const onCorridor = await page.evaluate(
      (points) => points.filter((p) => (window as any).__map.queryRenderedFeatures(p, { layers: ['story-route-corridor'] }).length > 0).length,
      points
    );
    expect(onCorridor, name).toBe(0);
  }
});

test('the names leave while the map zooms and come back for the new view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, 'view=11/39.91111/46.78917');
  await namesSettled(page);
  const during = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const map = (window as any).__map;
        const counts: number[] = [];
        const sample = async () => counts.push((await map.getSource('basemap-country-names').getData()).features.length);
        map.on('zoom', sample);
        map.once('moveend', () => {
          map.off('zoom', sample);
          setTimeout(() => resolve(counts), 50);
        });
        map.easeTo({ zoom: 10, duration: 600 });
      })
  );
  expect(during.length).toBeGreaterThan(0);
  expect(during.every((n) => n === 0)).toBe(true);
  await namesSettled(page);
  expect((await drawnNames(page)).names.map((d) => d.name)).toEqual(['Azerbaijan']);
});
