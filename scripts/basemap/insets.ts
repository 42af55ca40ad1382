import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BBox, FeatureCollection, Point } from 'geojson';
import { BAKU_INSET, LOCATOR_BOUNDS, frameProjection, type Bounds } from '../../src/lib/map/frames.ts';
import { clipLine, clipPolygon, linesOf, polygonsOf, type Ring } from './geo.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BASEMAP = join(ROOT, 'geodata/basemap');

/** Width of an inset picture in its own units (the page scales it). */
export const INSET_WIDTH = 160;
/** Points closer than this (in inset units) to the last kept point are dropped. */
const MIN_STEP = 0.6;

/** One inset picture: SVG path data in a `width` × `height` box, north up, Web Mercator. */
export interface InsetShapes {
  bounds: Bounds;
  width: number;
  height: number;
  /** Land (filled; `evenodd`). Empty when the picture's background is land. */
  land: string;
  /** Seas and lakes (filled; `evenodd`, islands are holes). */
  water: string;
  /** Country borders (stroked). */
  borders: string;
  /** Capitals in the picture: name and position. */
  towns: { name: string; at: [number, number] }[];
}

/** The two inset pictures the map shows: Baku with its bay, and the region for the locator. */
export interface Insets {
  baku: InsetShapes;
  locator: InsetShapes;
}

const read = (name: string): FeatureCollection => JSON.parse(readFileSync(join(BASEMAP, name), 'utf8')) as FeatureCollection;
const bbox = ([[w, s], [e, n]]: Bounds, pad: number): BBox => [w - pad, s - pad, e + pad, n + pad];
const r1 = (v: number) => Math.round(v * 10) / 10;

/** SVG path data of rings projected into the picture, thinned to steps of at least {@link MIN_STEP}. */
function pathOf(rings: Ring[], project: (lng: number, lat: number) => [number, number], closed: boolean): string {
  const parts: string[] = [];
  for (const ring of rings) {
    const kept: [number, number][] = [];
    for (const [lng, lat] of ring) {
      const p = project(lng!, lat!);
      const last = kept[kept.length - 1];
      if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_STEP) kept.push(p);
    }
    if (kept.length < (closed ? 3 : 2)) continue;
    parts.push(`M${kept.map(([x, y]) => `${r1(x)} ${r1(y)}`).join('L')}${closed ? 'Z' : ''}`);
  }
  return parts.join('');
}

/** The shapes of one inset from the committed basemap files. */
export function insetShapes(bounds: Bounds, options: { land: boolean }): InsetShapes {
  const { width, height, project } = frameProjection(bounds, INSET_WIDTH);
  const box = bbox(bounds, 0.05);
  const fillRings = (fc: FeatureCollection, keep: (props: Record<string, unknown>) => boolean) =>
    fc.features
      .filter((f) => keep((f.properties ?? {}) as Record<string, unknown>))
      .flatMap((f) => polygonsOf(f.geometry))
      .flatMap((poly) => clipPolygon(poly, box))
      .flat();
  const land = options.land ? fillRings(read('land.geojson'), (p) => p.res !== '110m') : [];
  const water = fillRings(read('lakes.geojson'), () => true);
  const borders = read('borders.geojson')
    .features.filter((f) => f.properties?.res === '10m')
    .flatMap((f) => linesOf(f.geometry))
    .flatMap((line) => clipLine(line, box));
  const [[w, s], [e, n]] = bounds;
  const towns = read('towns.geojson')
    .features.filter((f) => f.properties?.capital === true && f.geometry.type === 'Point')
    .map((f) => ({ name: String(f.properties!.name), lngLat: (f.geometry as Point).coordinates }))
    .filter(({ lngLat: [lng, lat] }) => lng! >= w && lng! <= e && lat! >= s && lat! <= n)
    .map(({ name, lngLat: [lng, lat] }) => ({ name, at: project(lng!, lat!).map(r1) as [number, number] }));
  return {
    bounds,
    width,
    height: r1(height),
    land: pathOf(land, project, true),
    water: pathOf(water, project, true),
    borders: pathOf(borders, project, false),
    towns
  };
}

/** Both insets, as written to geodata/basemap/insets.json. */
export function buildInsets(): Insets {
  return { baku: insetShapes(BAKU_INSET.bounds, { land: false }), locator: insetShapes(LOCATOR_BOUNDS, { land: true }) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = `${JSON.stringify(buildInsets(), null, 1)}\n`;
  writeFileSync(join(BASEMAP, 'insets.json'), text);
  console.log(`geodata/basemap/insets.json: ${text.length} bytes`);
}
