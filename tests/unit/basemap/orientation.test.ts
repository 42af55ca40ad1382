import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { latOfMercatorY, mercatorX, mercatorY, viewBounds, type Bounds } from '../../../src/lib/map/frames';
import { chooseCountryNames } from '../../../src/lib/map/basemap/country-names';
import { countryShapes, NAME_MARGIN, NAME_MIN_SHARE } from '../../../src/lib/map/basemap/country-names-data';
import { contains, readBasemap } from './helpers.ts';

const land = readBasemap('land.geojson').features.filter((f) => f.properties.res === '10m');
const labels = readBasemap('labels.geojson').features;
const shapes = countryShapes(land);

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

/** The country names chosen for a view of `width` × `height` px, as on screen (no story around them). */
function namesOf(view: { zoom: number; lat: number; lng: number }, width: number, height: number) {
  const world = 512 * 2 ** view.zoom;
  const [cx, cy] = [mercatorX(view.lng) * world, mercatorY(view.lat) * world];
  const project = ([lng, lat]: [number, number]): [number, number] => [mercatorX(lng) * world - cx + width / 2, mercatorY(lat) * world - cy + height / 2];
  return chooseCountryNames(shapes, project, { width, height, margin: NAME_MARGIN, minShare: NAME_MIN_SHARE, blocked: [], avoid: [] });
}

const STORY_POINTS: [string, number, number][] = [
  ['Khojaly', 46.78917, 39.91111],
  ['Aghdara', 46.81278, 40.21528],
  ['Khojavand', 47.11306, 39.79528],
  ['Mother’s Cry', 49.873932, 40.382991]
];

describe.each(STORY_POINTS.flatMap(([name, lng, lat]) => [[name, lng, lat, 840, 480], [name, lng, lat, 768, 560], [name, lng, lat, 390, 363]] as const))('around %s (%s, %s), at %s × %s', (_, lng, lat, width, height) => {
  it.each([8, 8.8, 9, 9.3, 9.6, 9.9, 10.2, 10.5, 10.8, 11, 11.4, 11.7, 11.9, 12.5, 13, 13.6, 13.9, 14])('names every country that fills a quarter of the view once, inside the view and the country, at zoom %s', (zoom) => {
    const view = { zoom, lat, lng };
    const countries = largelyIn(viewBounds(view, width, height));
    expect(countries.length).toBeGreaterThan(0);
    const names = namesOf(view, width, height);
    for (const country of countries) expect(names.filter((n) => n.name === country), country).toHaveLength(1);
    for (const { name, box } of names) {
      expect(box[0] >= NAME_MARGIN && box[1] >= NAME_MARGIN && box[2] <= width - NAME_MARGIN && box[3] <= height - NAME_MARGIN, name).toBe(true);
    }
  });
});

describe('the names around Khojavand at zoom 8 (768 × 1024 px)', () => {
  it('name Iran, a strip along the Aras, with its box on Iranian land', () => {
    const [width, height, view] = [768, 1024, { zoom: 8, lat: 39.79528, lng: 47.11306 }];
    const iran = namesOf(view, width, height).find((n) => n.name === 'Iran');
    expect(iran).toBeDefined();
    const world = 512 * 2 ** view.zoom;
    const [cx, cy] = [mercatorX(view.lng) * world, mercatorY(view.lat) * world];
    const lngLat = (x: number, y: number): Position => [((cx + x - width / 2) / world) * 360 - 180, latOfMercatorY((cy + y - height / 2) / world)];
    const [x0, y0, x1, y1] = iran!.box;
    const corners = [lngLat(x0, y0), lngLat(x1, y0), lngLat(x0, y1), lngLat(x1, y1)];
    const country = land.find((f) => f.properties.name === 'Iran')!;
    for (const corner of corners) expect(contains(country.geometry, corner)).toBe(true);
  });
});

describe('the region', () => {
  it('is named Karabakh, as the sources write it', () => {
    const region = labels.filter((f) => f.properties.kind === 'region').map((f) => f.properties.name);
    expect(region).toEqual(['Karabakh']);
  });

  it('has no country names repeated on a grid any more (the map chooses them per view)', () => {
    expect(labels.filter((f) => f.properties.scale === 'local')).toEqual([]);
  });
});
