import type { SourceSpecification } from 'maplibre-gl';

/** Font name for regular text, as used in `text-font`. */
export const FONT_REGULAR = 'Noto Sans Regular';
/** Font name for bold text, as used in `text-font`. */
export const FONT_BOLD = 'Noto Sans Bold';

/** Ids of the basemap's GeoJSON sources. */
export const BASEMAP_SOURCE = {
  land: 'basemap-land',
  borders: 'basemap-borders',
  lakes: 'basemap-lakes',
  rivers: 'basemap-rivers',
  towns: 'basemap-towns',
  labels: 'basemap-labels',
} as const;

/** Id of the GeoJSON source of the country names chosen per view (not a file: the map sets its data). */
export const COUNTRY_NAMES_SOURCE = 'basemap-country-names';

/** The source of the country names chosen per view, empty until the map (or an export) sets them. */
export function countryNamesSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}
