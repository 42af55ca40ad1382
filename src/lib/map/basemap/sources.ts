import type { FontFacesSpecification, SourceSpecification } from 'maplibre-gl';
import landUrl from '../../../../geodata/basemap/land.geojson?url';
import bordersUrl from '../../../../geodata/basemap/borders.geojson?url';
import lakesUrl from '../../../../geodata/basemap/lakes.geojson?url';
import riversUrl from '../../../../geodata/basemap/rivers.geojson?url';
import townsUrl from '../../../../geodata/basemap/towns.geojson?url';
import labelsUrl from '../../../../geodata/basemap/labels.geojson?url';
import regularUrl from './fonts/NotoSans-Regular.woff2?url';
import boldUrl from './fonts/NotoSans-Bold.woff2?url';
import { BASEMAP_SOURCE, COUNTRY_NAMES_SOURCE, countryNamesSource, FONT_BOLD, FONT_REGULAR } from './names.ts';
import { FONT_UNICODE_RANGE } from './unicode.ts';

/** URLs of the committed basemap files, as Vite resolves them (hashed in a build). */
export const BASEMAP_URLS = {
  land: landUrl,
  borders: bordersUrl,
  lakes: lakesUrl,
  rivers: riversUrl,
  towns: townsUrl,
  labels: labelsUrl,
} as const;

const NATURAL_EARTH = 'Borders, river names: <a href="https://www.naturalearthdata.com/">Natural Earth</a>';
const GSHHG = 'Water: <a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a>';
const GEONAMES = 'Towns: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

/**
 * The style's `font-faces`: the two WOFF2 subsets of Noto Sans the labels use, by the names used
 * in `text-font`. Characters outside {@link FONT_UNICODE_RANGE} are not in the files (MapLibre
 * draws them with the system's fonts). The TTFs beside them are for the exports only.
 */
export function fontFaces(): FontFacesSpecification {
  const range = [...FONT_UNICODE_RANGE];
  return {
    [FONT_REGULAR]: [{ url: regularUrl, 'unicode-range': range }],
    [FONT_BOLD]: [{ url: boldUrl, 'unicode-range': range }],
  };
}

/**
 * The basemap's sources, keyed by id (all prefixed `basemap-`). Each is a GeoJSON source
 * loading a committed file from geodata/basemap by URL, so the map needs no network beyond
 * its own origin, but the country names', which the map fills for its view.
 */
export function basemapSources(): Record<string, SourceSpecification> {
  return {
    [BASEMAP_SOURCE.land]: { type: 'geojson', data: landUrl, attribution: NATURAL_EARTH, tolerance: 0.5 },
    [BASEMAP_SOURCE.borders]: { type: 'geojson', data: bordersUrl, tolerance: 0.5 },
    [BASEMAP_SOURCE.lakes]: { type: 'geojson', data: lakesUrl, attribution: GSHHG, tolerance: 0.5 },
    [BASEMAP_SOURCE.rivers]: { type: 'geojson', data: riversUrl, tolerance: 0.5 },
    [BASEMAP_SOURCE.towns]: { type: 'geojson', data: townsUrl, attribution: GEONAMES },
    [BASEMAP_SOURCE.labels]: { type: 'geojson', data: labelsUrl },
    [COUNTRY_NAMES_SOURCE]: countryNamesSource(),
  };
}
