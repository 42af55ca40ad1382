import { describe, expect, it } from 'vitest';
import type { MultiPoint, Position } from 'geojson';
import { mercatorX, mercatorY, viewBounds, type Bounds } from '../../../src/lib/map/frames';
import { contains, readBasemap } from './helpers.ts';

const land = readBasemap('land.geojson').features.filter((f) => f.properties.res === '10m');
const labels = readBasemap('labels.geojson').features;
const inView = ([[w, s], [e, n]]: Bounds, [x, y]: Position) => x! >= w && x! <= e && y! >= s && y! <= n;

/** Countries named by a label point drawn at this zoom inside the view. */
function namedIn(view: Bounds, zoom: number): Set<string> {
  const names = new Set<string>();
  for (const f of labels) {
    const p = f.properties;
    if (p.kind !== 'country' || p.scale !== 'local' || zoom < Number(p.from) || zoom >= Number(p.until)) continue;
    if ((f.geometry as MultiPoint).coordinates.some((pt) => inView(view, pt))) names.add(String(p.name));
  }
  return names;
}

/** Countries covering at least a quarter of the view (sampled on a 10 × 10 grid). */
function largelyIn([[w, s], [e, n]]: Bounds): string[] {
  const count = new Map<string, number>();
  for (let i = 0.5; i < 10; i++) {
    for (let j = 0.5; j < 10; j++) {
      const pt = [w + ((e - w) * i) / 10, s + ((n - s) * j) / 10];
      const country = land.find((f) => contains(f.geometry, pt));
      if (country) count.set(String(country.properties.name), (count.get(String(country.properties.name)) ?? 0) + 1);
    }
  }
  return [...count].filter(([, c]) => c >= 25).map(([name]) => name);
}

const STORY_POINTS: [string, number, number][] = [
  ['Khojaly', 46.78917, 39.91111],
  ['Aghdara', 46.81278, 40.21528],
  ['Khojavand', 47.11306, 39.79528],
  ['Mother’s Cry', 49.873932, 40.382991]
];

describe.each(STORY_POINTS.flatMap(([name, lng, lat]) => [[name, lng, lat, 840, 480], [name, lng, lat, 768, 560]] as const))('around %s (%s, %s), at %s × %s', (_, lng, lat, width, height) => {
  it.each([8.8, 9, 9.3, 9.6, 9.9, 10.2, 10.5, 10.8, 11, 11.4, 11.7, 11.9, 12.5, 13, 13.6, 13.9, 14])('names every country that fills a quarter of the view at zoom %s', (zoom) => {
    const view = viewBounds({ zoom, lat, lng }, width, height);
    const countries = largelyIn(view);
    expect(countries.length).toBeGreaterThan(0);
    for (const country of countries) expect([...namedIn(view, zoom)]).toContain(country);
  });
});

describe('the region', () => {
  it('is named Karabakh, as the sources write it', () => {
    const region = labels.filter((f) => f.properties.kind === 'region').map((f) => f.properties.name);
    expect(region).toEqual(['Karabakh']);
  });
});

describe('the repeated country names', () => {
  const local = labels.filter((f) => f.properties.kind === 'country' && f.properties.scale === 'local');

  it.each(local.map((f) => [String(f.properties.name), Number(f.properties.from), f] as const))(
    'never name %s twice within 430 px at zoom %s, where their band starts',
    (_, zoom, f) => {
      const world = 512 * 2 ** zoom;
      const px = (f.geometry as MultiPoint).coordinates.map(([x, y]) => [mercatorX(x!) * world, mercatorY(y!) * world] as const);
      let nearest = Infinity;
      for (let i = 0; i < px.length; i++) for (let j = i + 1; j < px.length; j++) nearest = Math.min(nearest, Math.hypot(px[i]![0] - px[j]![0], px[i]![1] - px[j]![1]));
      expect(nearest).toBeGreaterThanOrEqual(430);
    }
  );
});
