export { basemapPalette, type BasemapPalette, type Theme } from './palette.ts';
export { BASEMAP_SOURCE, BASEMAP_URLS, FONT_BOLD, FONT_REGULAR, basemapSources, fontFaces } from './sources.ts';
export { TOWN_MINZOOM, basemapLayers } from './layers.ts';
export { FONT_UNICODE_RANGE } from './unicode.ts';
export { PMTILES_MAXZOOM, PMTILES_SOURCE, pmtilesBasemapLayers, pmtilesBasemapSources } from './pmtiles.ts';
