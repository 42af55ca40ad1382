import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BBox, Feature, FeatureCollection, MultiPoint, MultiPolygon, Point } from 'geojson';
import { NAME_BANDS } from '../../src/lib/map/basemap/bands.ts';
import { latOfMercatorY, mercatorX, mercatorY } from '../../src/lib/map/frames.ts';
import { pointInRing, type Poly, type Pt } from './geo.ts';

/**
 * Where the map zooms in (the Karabakh places with the borders of Armenia to the west and Iran on
 * the Aras to the south; Baku): country names are repeated there from zoom 10.
 */
export const STORY_BOXES: BBox[] = [
  [45.8, 39.2, 47.4, 40.35],
  [49.75, 40.3, 50.0, 40.45]
];
/** The region where country names repeat below zoom 10 (it holds the app's default view at every size). */
export const REGION_BOX: BBox = [44, 38, 51, 42];

/**
 * The grid of the repeated country names, in CSS pixels at the zoom a band starts: points
 * `across` apart in a row, rows `down` apart, every other row shifted by half a step. Two labels
 * of a name are then at least 430 px apart (the diagonal neighbours: hypot(320, 300) ≈ 439); at the
 * end of a band (1.26× later) rows are 378 px apart and points in a row 806 px, so the desktop map
 * pane (about 840 × 480 px at 1280 × 800) crosses a row with a point on it at every zoom.
 */
export const LOCAL_GRID = { across: 640, down: 300 } as const;

/** The bands of the repeated country names with the boxes they fill: the region below zoom 10, the story's boxes above. */
export const LOCAL_LEVELS = NAME_BANDS.map((b) => ({ ...b, boxes: b.from < 10 ? [REGION_BOX] : STORY_BOXES }));

/**
 * The name of the region the story is in, as both sources write it ("Karabakh"), at a point
 * chosen by hand among the story's places (between Aghdam and Tartar), away from their labels.
 * It names the region; it draws no boundary.
 */
export const REGION_LABEL = { name: 'Karabakh', at: [47.06, 40.12] as Pt };

/** The shortest distance between two labels of a name at the zoom their band starts (CSS px). */
export const MIN_REPEAT_PX = 430;

/**
 * Where else a grid point is tried, in px at the band's start: a quarter step across, half a step
 * down, both, then half a step across and down, after every grid point. A tried point is kept for the country it lies in when that name has no label
 * within {@link MIN_REPEAT_PX} yet, so a country that the grid misses (a strip along a border, the
 * Absheron coast between grid points at sea) is still named near the grid point.
 */
const NUDGES: readonly Pt[] = [
  [-160, 0], [160, 0], [0, -150], [0, 150], [-160, -150], [160, -150], [-160, 150], [160, 150], [-320, -150], [320, -150], [-320, 150], [320, 150]
];

/** The point at Web Mercator pixel `x`, `y` of a world `world` px wide, rounded to 4 decimals. */
const at = (x: number, y: number, world: number): Pt => [Math.round(((x / world) * 360 - 180) * 10_000) / 10_000, Math.round(latOfMercatorY(y / world) * 10_000) / 10_000];

const inPoly = (pt: Pt, poly: Poly) => pointInRing(pt, poly[0]!) && !poly.slice(1).some((hole) => pointInRing(pt, hole));

/** The grid's points inside `box` at `zoom` (Web Mercator, anchored at the world's corner so boxes line up), rounded to 4 decimals. */
export function gridPoints([w, s, e, n]: BBox, zoom: number): Pt[] {
  const world = 512 * 2 ** zoom;
  const [x0, x1, y0, y1] = [mercatorX(w) * world, mercatorX(e) * world, mercatorY(n) * world, mercatorY(s) * world];
  const { across, down } = LOCAL_GRID;
  const points: Pt[] = [];
  for (let row = Math.ceil(y0 / down); row * down <= y1; row++) {
    const shift = row % 2 ? across / 2 : 0;
    for (let col = Math.ceil((x0 - shift) / across); col * across + shift <= x1; col++) {
      const pt: Pt = [((col * across + shift) / world) * 360 - 180, latOfMercatorY((row * down) / world)];
      points.push(pt.map((v) => Math.round(v * 10_000) / 10_000) as Pt);
    }
  }
  return points;
}

/**
 * Country names repeated on a staggered grid inside each country, one MultiPoint per country and
 * band (`kind: country`, `scale: local`, `band`, `from`, `until`), so that from the default view
 * to zoom 14 the countries in view around the story are named, and no name twice within 430 px.
 */
export function localCountryLabels(countries: { name: string; polys: Poly[] }[]): Feature<MultiPoint>[] {
  const out: Feature<MultiPoint>[] = [];
  const countryAt = (pt: Pt) => countries.find(({ polys }) => polys.some((p) => inPoly(pt, p)));
  for (const { band, from, until, boxes } of LOCAL_LEVELS) {
    const world = 512 * 2 ** from;
    const px = ([lng, lat]: Pt): Pt => [mercatorX(lng) * world, mercatorY(lat) * world];
    const byName = new Map<string, Pt[]>();
    const far = (name: string, pt: Pt) => (byName.get(name) ?? []).every((q) => Math.hypot(px(q)[0] - px(pt)[0], px(q)[1] - px(pt)[1]) >= MIN_REPEAT_PX);
    const grid = boxes.flatMap((box) => gridPoints(box, from));
    const tried = [...grid, ...grid.flatMap((pt) => NUDGES.map(([dx, dy]) => at(px(pt)[0] + dx, px(pt)[1] + dy, world)))];
    for (const q of tried) {
      const name = countryAt(q)?.name;
      if (name && far(name, q)) byName.set(name, [...(byName.get(name) ?? []), q]);
    }
    for (const { name } of countries) {
      const points = byName.get(name);
      if (points?.length) {
        out.push({ type: 'Feature', properties: { kind: 'country', scale: 'local', name, band, from, until }, geometry: { type: 'MultiPoint', coordinates: points } });
      }
    }
  }
  return out;
}

/** The regional name label (`kind: region`). */
export function regionLabel(): Feature<Point> {
  return { type: 'Feature', properties: { kind: 'region', name: REGION_LABEL.name, rank: 1 }, geometry: { type: 'Point', coordinates: REGION_LABEL.at } };
}

/**
 * Rewrites the repeated country names in geodata/basemap/labels.geojson from the 10m countries of
 * land.geojson, leaving every other label as it is (`npx tsx scripts/basemap/local-labels.ts`; no
 * tools needed, unlike the full build).
 */
function rewriteLocalLabels(dir: string): void {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as FeatureCollection;
  const countries = read('land.geojson')
    .features.filter((f) => f.properties?.res === '10m')
    .map((f) => ({ name: String(f.properties!.name), polys: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry as MultiPolygon).coordinates) as Poly[] }));
  const labels = read('labels.geojson').features;
  const isLocal = (f: Feature) => f.properties?.scale === 'local';
  const at = labels.findIndex(isLocal);
  const kept = labels.filter((f) => !isLocal(f));
  const features = [...kept.slice(0, at), ...localCountryLabels(countries), ...kept.slice(at)];
  writeFileSync(join(dir, 'labels.geojson'), `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  rewriteLocalLabels(resolve(dirname(fileURLToPath(import.meta.url)), '../../geodata/basemap'));
}
