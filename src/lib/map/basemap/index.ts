export { basemapPalette, type Theme } from './palette.ts';
export { BASEMAP_URLS, FONT_BOLD, FONT_REGULAR, basemapSources, fontFaces } from './sources.ts';
export { TOWN_MINZOOM, basemapLayers } from './layers.ts';
export { pmtilesBasemapLayers, pmtilesBasemapSources } from './pmtiles.ts';
