export { basemapPalette, type Theme } from './palette.ts';
export { BASEMAP_SOURCE, COUNTRY_NAMES_SOURCE, FONT_BOLD, FONT_REGULAR } from './names.ts';
export { BASEMAP_URLS, basemapSources, fontFaces } from './sources.ts';
export { basemapLayers } from './layers.ts';
export { pmtilesBasemapLayers, pmtilesBasemapSources } from './pmtiles.ts';
