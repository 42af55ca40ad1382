import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Box, ChosenName, CountryShape } from './country-names';

/** Least distance from a name to the map's edge, px. */
export const NAME_MARGIN = 8;
/** The least part of the map a country must cover to be named. */
export const NAME_MIN_SHARE = 0.08;
/** Half the side of the box kept around a story symbol, px. */
export const SYMBOL_HALF = 14;

/** The countries' shapes among land features (the 1:10m countries; the world's 1:110m land and the GSHHG fill are left out). */
export function countryShapes(features: readonly Feature<Geometry, Record<string, unknown> | null>[]): CountryShape[] {
  return features.flatMap((f) => {
    const { name, res } = f.properties ?? {};
    if (typeof name !== 'string' || res !== '10m') return [];
    if (f.geometry.type === 'Polygon') return [{ name, polygons: [f.geometry.coordinates] }];
    if (f.geometry.type === 'MultiPolygon') return [{ name, polygons: f.geometry.coordinates }];
    return [];
  });
}

/** The chosen names as the features of the names' source: a point at the centre of each name's box. */
export function countryNamesData(
  names: readonly ChosenName[],
  unproject: (p: [number, number]) => [number, number]
): FeatureCollection<Point, { name: string }> {
  return {
    type: 'FeatureCollection',
    features: names.map(({ name, at }) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Point', coordinates: unproject(at) } }))
  };
}

/**
 * The room a name keeps from a label placed before it (a story place's, the region's): the
 * label's widest line to either side of its point, plus {@link SYMBOL_HALF}, and one and a half
 * times its text size above and below per line (its anchor is not known, so every side is kept).
 */
export function labelRoom([x, y]: readonly [number, number], width: number, size: number, lines = 1): Box {
  const w = width + SYMBOL_HALF;
  const h = size * 1.5 * lines;
  return [x - w, y - h, x + w, y + h];
}
