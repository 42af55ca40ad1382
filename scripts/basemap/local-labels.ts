import type { BBox, Feature, MultiPoint, Point } from 'geojson';
import { latOfMercatorY, mercatorX, mercatorY } from '../../src/lib/map/frames.ts';
import { pointInRing, type Poly, type Pt } from './geo.ts';

/**
 * Where the map zooms in (the Karabakh places with the borders of Armenia to the west and Iran on
 * the Aras to the south; Baku): country names are repeated there at zooms 11–14.
 */
export const STORY_BOXES: BBox[] = [
  [45.8, 39.2, 47.4, 40.35],
  [49.75, 40.3, 50.0, 40.45]
];
/** The region where country names repeat at zooms 9–10. */
export const REGION_BOX: BBox = [44, 38, 51, 42];

/**
 * The grid of the repeated country names, in CSS pixels at the zoom a level starts: points
 * `across` apart in a row, rows `down` apart, every other row shifted by half a step. Two labels
 * of a name are then at least 404 px apart (the diagonal neighbours: hypot(210, 345)), one zoom
 * later twice that; a 1280 × 800 view holds at least one grid point at every zoom of a level.
 */
export const LOCAL_GRID = { across: 420, down: 345 } as const;

/** The zoom levels of the repeated country names: from `from` up to (not including) `until`, within `boxes`. */
export const LOCAL_LEVELS = [9, 10, 11, 12, 13].map((from) => ({
  from,
  until: from === 13 ? 15 : from + 1,
  boxes: from <= 10 ? [REGION_BOX] : STORY_BOXES
}));

/**
 * The name of the region the story is in, as both sources write it ("Karabakh"), at a point
 * chosen by hand among the story's places (between Aghdam and Tartar), away from their labels.
 * It names the region; it draws no boundary.
 */
export const REGION_LABEL = { name: 'Karabakh', at: [47.06, 40.12] as Pt };

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
 * zoom level (`kind: country`, `scale: local`, `from`, `until`), so that at zooms 9–14 every
 * country in view around the story is named, and no name twice within `MIN_REPEAT_PX`.
 */
export function localCountryLabels(countries: { name: string; polys: Poly[] }[]): Feature<MultiPoint>[] {
  const out: Feature<MultiPoint>[] = [];
  for (const { from, until, boxes } of LOCAL_LEVELS) {
    const grid = boxes.flatMap((box) => gridPoints(box, from));
    for (const { name, polys } of countries) {
      const points = grid.filter((pt) => polys.some((p) => inPoly(pt, p)));
      if (points.length) {
        out.push({ type: 'Feature', properties: { kind: 'country', scale: 'local', name, from, until }, geometry: { type: 'MultiPoint', coordinates: points } });
      }
    }
  }
  return out;
}

/** The regional name label (`kind: region`). */
export function regionLabel(): Feature<Point> {
  return { type: 'Feature', properties: { kind: 'region', name: REGION_LABEL.name, rank: 1 }, geometry: { type: 'Point', coordinates: REGION_LABEL.at } };
}
