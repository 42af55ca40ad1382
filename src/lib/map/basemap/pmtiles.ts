import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { basemapLayers, WORLD_LAYERS } from './layers.ts';
import type { Theme } from './palette.ts';
import { BASEMAP_SOURCE, COUNTRY_NAMES_SOURCE, countryNamesSource } from './names.ts';

/** Default id of the vector source of the PMTiles basemap's Caucasus box; the world's is this id + `-world`. */
export const PMTILES_SOURCE = 'basemap-pmtiles';

/** Highest zoom in the archive built by scripts/basemap/pmtiles.ts (the Caucasus box only); MapLibre overzooms beyond it. */
export const PMTILES_MAXZOOM = 10;

/** Highest zoom of the archive's tiles outside the Caucasus box (the 1:110m world); MapLibre overzooms beyond it. */
export const PMTILES_WORLD_MAXZOOM = 5;

/**
 * The Caucasus box, [west, south, east, north]: every feature that is not the 1:110m world lies
 * in it, and only tiles that touch it are in the archive above {@link PMTILES_WORLD_MAXZOOM}.
 */
export const PMTILES_DETAIL_BOUNDS: readonly [number, number, number, number] = [36, 34, 56, 47];

/** MVT layer name of each GeoJSON source of the offline basemap (the file stem, as the build script names them). */
const SOURCE_LAYER: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(BASEMAP_SOURCE).map(([layer, source]) => [source, layer]),
);

const ATTRIBUTION =
  'Borders, river names: <a href="https://www.naturalearthdata.com/">Natural Earth</a>; ' +
  'water: <a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a>; ' +
  'towns: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

/**
 * The offline basemap's layers drawn from the PMTiles archive instead of the GeoJSON files:
 * the same ids, filters and paint as {@link basemapLayers}, each reading the MVT layer named
 * after its file (land, borders, lakes, rivers, towns, labels) from one of the two vector
 * sources of {@link pmtilesBasemapSources}: the world's layers ({@link WORLD_LAYERS}) from
 * `<sourceId>-world`, the others from `sourceId`. The background layer and the country names
 * chosen per view (their own GeoJSON source) are unchanged.
 *
 * @param theme - `light` or `dark`
 * @param sourceId - id of the box's vector source, as given to {@link pmtilesBasemapSources}
 */
export function pmtilesBasemapLayers(theme: Theme, sourceId: string = PMTILES_SOURCE): LayerSpecification[] {
  return basemapLayers(theme).map((layer) => {
    if (layer.type === 'background' || layer.source === COUNTRY_NAMES_SOURCE) return layer;
    const sourceLayer = SOURCE_LAYER[layer.source as string];
    if (!sourceLayer) throw new Error(`basemap layer ${layer.id} reads an unknown source ${String(layer.source)}`);
    const source = WORLD_LAYERS.includes(layer.id) ? `${sourceId}-world` : sourceId;
    return { ...layer, source, 'source-layer': sourceLayer } as LayerSpecification;
  });
}

/**
 * The two vector sources of the PMTiles basemap, both reading one archive by tile URL (no
 * TileJSON round trip): `sourceId`, the Caucasus box up to {@link PMTILES_MAXZOOM}, and
 * `<sourceId>-world`, the whole world up to {@link PMTILES_WORLD_MAXZOOM}. The `pmtiles://`
 * protocol must be registered with MapLibre by the caller (this module does not load the reader).
 *
 * @param url - absolute URL of the archive, e.g. `https://example.org/basemap/caucasus.pmtiles`
 *   (a URL already starting with `pmtiles://` is kept as is)
 * @param sourceId - id of the box's source, as given to {@link pmtilesBasemapLayers}
 */
export function pmtilesBasemapSources(url: string, sourceId: string = PMTILES_SOURCE): Record<string, SourceSpecification> {
  const tiles = [`${url.startsWith('pmtiles://') ? url : `pmtiles://${url}`}/{z}/{x}/{y}`];
  return {
    [`${sourceId}-world`]: { type: 'vector', tiles, minzoom: 0, maxzoom: PMTILES_WORLD_MAXZOOM, attribution: ATTRIBUTION },
    [sourceId]: { type: 'vector', tiles, minzoom: 0, maxzoom: PMTILES_MAXZOOM, bounds: [...PMTILES_DETAIL_BOUNDS], attribution: ATTRIBUTION },
    [COUNTRY_NAMES_SOURCE]: countryNamesSource(),
  };
}
