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
