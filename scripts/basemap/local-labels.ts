import type { BBox, Feature, MultiPoint, Point } from 'geojson';
import { pointInRing, type Poly, type Pt } from './geo.ts';

/** Where the map zooms in (the Karabakh places, Baku): country names are repeated densely there. */
export const STORY_BOXES: BBox[] = [
  [46.6, 39.7, 47.25, 40.3],
  [49.75, 40.3, 50.0, 40.45],
];
/** The region where country names repeat at zooms 9–10. */
export const REGION_BOX: BBox = [44, 38, 51, 42];

/**
 * The zoom levels of the repeated country names: from `from` up to (not including) `until`,
 * points every `spacing` degrees within `boxes`: about 285 px apart at `from` (570 px one zoom
 * later) in the region, 200 px (400 px) around the story, where story labels hide some of them.
 */
export const LOCAL_LEVELS = [9, 10, 11, 12, 13].map((from) => ({
  from,
  until: from === 13 ? 15 : from + 1,
  spacing: Math.round(((from <= 10 ? 200 : 140) / 2 ** from) * 10_000) / 10_000,
  boxes: from <= 10 ? [REGION_BOX] : STORY_BOXES,
}));

/**
 * The name of the region the story is in, as both sources write it ("Karabakh"), at a point
 * chosen by hand among the story's places (between Aghdam and Tartar), away from their labels.
 * It names the region; it draws no boundary.
 */
export const REGION_LABEL = { name: 'Karabakh', at: [47.06, 40.12] as Pt };

const inPoly = (pt: Pt, poly: Poly) => pointInRing(pt, poly[0]!) && !poly.slice(1).some((hole) => pointInRing(pt, hole));

/**
 * Country names repeated on a staggered grid inside each country, one MultiPoint per country and
 * zoom level (`kind: country`, `scale: local`, `from`, `until`), so that at zooms 9–14 every
 * country in view around the story is named, not only where its one label point happens to be.
 */
export function localCountryLabels(countries: { name: string; polys: Poly[] }[]): Feature<MultiPoint>[] {
  const out: Feature<MultiPoint>[] = [];
  for (const { from, until, spacing, boxes } of LOCAL_LEVELS) {
    for (const { name, polys } of countries) {
      const points: Pt[] = [];
      for (const [w, s, e, n] of boxes) {
        for (let row = 0, y = s + spacing / 2; y < n; row++, y += spacing) {
          for (let x = w + (row % 2 ? spacing : spacing / 2); x < e; x += spacing) {
            const pt: Pt = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
            if (polys.some((p) => inPoly(pt, p))) points.push(pt);
          }
        }
      }
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
