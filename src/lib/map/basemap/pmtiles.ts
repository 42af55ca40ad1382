import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { basemapLayers } from './layers.ts';
import type { Theme } from './palette.ts';
import { BASEMAP_SOURCE } from './sources.ts';

/** Default id of the vector source of the PMTiles basemap. */
export const PMTILES_SOURCE = 'basemap-pmtiles';

/** Highest zoom in the archive built by scripts/basemap/pmtiles.ts; MapLibre overzooms beyond it. */
export const PMTILES_MAXZOOM = 8;

/** MVT layer name of each GeoJSON source of the offline basemap (the file stem, as the build script names them). */
const SOURCE_LAYER: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(BASEMAP_SOURCE).map(([layer, source]) => [source, layer]),
);

const ATTRIBUTION =
  'Borders: <a href="https://www.naturalearthdata.com/">Natural Earth</a>; ' +
  'water: <a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a>; ' +
  'towns: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

/**
 * The offline basemap's layers drawn from the PMTiles archive instead of the GeoJSON files:
 * the same ids, filters and paint as {@link basemapLayers}, each reading the vector source and
 * the MVT layer named after its file (land, borders, lakes, rivers, towns, labels). The
 * background layer is unchanged.
 *
 * @param theme - `light` or `dark`
 * @param sourceId - id of the vector source, as given to {@link pmtilesBasemapSources}
 */
export function pmtilesBasemapLayers(theme: Theme, sourceId: string = PMTILES_SOURCE): LayerSpecification[] {
  return basemapLayers(theme).map((layer) => {
    if (layer.type === 'background') return layer;
    const sourceLayer = SOURCE_LAYER[layer.source as string];
    if (!sourceLayer) throw new Error(`basemap layer ${layer.id} reads an unknown source ${String(layer.source)}`);
    return { ...layer, source: sourceId, 'source-layer': sourceLayer } as LayerSpecification;
  });
}

/**
 * The vector source of the PMTiles basemap. The `pmtiles://` protocol must be registered with
 * MapLibre by the caller (this module does not load the reader).
 *
 * @param url - absolute URL of the archive, e.g. `https://example.org/basemap/caucasus.pmtiles`
 *   (a URL already starting with `pmtiles://` is kept as is)
 * @param sourceId - id of the source, as given to {@link pmtilesBasemapLayers}
 */
export function pmtilesBasemapSources(url: string, sourceId: string = PMTILES_SOURCE): Record<string, SourceSpecification> {
  return {
    [sourceId]: {
      type: 'vector',
      url: url.startsWith('pmtiles://') ? url : `pmtiles://${url}`,
      maxzoom: PMTILES_MAXZOOM,
      attribution: ATTRIBUTION,
    },
  };
}
