export { basemapPalette, type Theme } from './palette.ts';
export { BASEMAP_SOURCE, BASEMAP_URLS, FONT_BOLD, FONT_REGULAR, basemapSources, fontFaces } from './sources.ts';
export { basemapLayers } from './layers.ts';
export { pmtilesBasemapLayers, pmtilesBasemapSources } from './pmtiles.ts';
