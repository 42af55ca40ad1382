/**
 * Builds public/basemap/caucasus.pmtiles: the offline basemap (geodata/basemap/*.geojson) as
 * Mapbox Vector Tiles in one PMTiles v3 archive, one MVT layer per file (land, borders, lakes,
 * rivers, towns, labels). The whole world to zoom PMTILES_WORLD_MAXZOOM, the Caucasus box to
 * PMTILES_MAXZOOM; each tile holds only the features and properties the style draws at its zoom.
 *
 * Run on demand with `npm run basemap:pmtiles` (see README.md beside this file).
 * Same GeoJSON in, same bytes out.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import GeoJSONVT, { type LegacyFeature, type LegacyTile } from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { geometryBounds } from '../../src/lib/data/geojson.ts';
import { basemapLayers, WORLD_LAYERS } from '../../src/lib/map/basemap/layers.ts';
import { BASEMAP_SOURCE } from '../../src/lib/map/basemap/names.ts';
import { PMTILES_DETAIL_BOUNDS, PMTILES_MAXZOOM, PMTILES_WORLD_MAXZOOM } from '../../src/lib/map/basemap/pmtiles.ts';
import { writeArchive, type TileInput } from './pmtiles/writer.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IN = join(ROOT, 'geodata/basemap');
const OUT = join(ROOT, 'public/basemap/caucasus.pmtiles');

/** The MVT layers, in file order; each is `geodata/basemap/<name>.geojson`. */
export const LAYERS = ['land', 'borders', 'lakes', 'rivers', 'towns', 'labels'] as const;
type LayerName = (typeof LAYERS)[number];

const EXTENT = 4096;
/**
 * geojson-vt's simplification tolerance in tile units, below each index's top zoom; at the top
 * zoom (PMTILES_MAXZOOM, which MapLibre overzooms to street level: Baku at 13) geojson-vt keeps
 * every vertex.
 */
const TOLERANCE = 3;
/** The map's own maxZoom: the top zoom's tiles are drawn up to it. */
const MAP_MAX_ZOOM = 18;
const KHOJALY: [number, number] = [46.79028, 39.91297];

const ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain), ' +
  '<a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a> (LGPL), ' +
  '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

type Props = Record<string, unknown>;
type Bbox = [number, number, number, number];

/** A style layer as the archive sees it: which MVT layer it reads, when it is drawn and which features. */
interface StyleUse {
  layer: LayerName;
  minzoom: number;
  maxzoom: number;
  /** Highest zoom of the tiles its source reads; the tiles of that zoom are overzoomed beyond it. */
  sourceMaxZoom: number;
  filter: (zoom: number, feature: LegacyFeature) => boolean;
  properties: Set<string>;
}

function read(name: string): FeatureCollection<Geometry, Props> {
  return JSON.parse(readFileSync(join(IN, `${name}.geojson`), 'utf8')) as FeatureCollection<Geometry, Props>;
}

/** Every `['get', key]` in an expression or a whole layer. */
function keysOf(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    if (value[0] === 'get' && typeof value[1] === 'string') out.add(value[1]);
    for (const v of value) keysOf(v, out);
  } else if (value && typeof value === 'object') for (const v of Object.values(value)) keysOf(v, out);
  return out;
}

/**
 * Properties kept although no layer reads them: the map chooses the country names of each view
 * from the countries' land, the 1:10m polygons' `name` (see src/lib/map/country-names.ts).
 */
const readByTheMap = (layer: LayerName, props: Props): string[] => (layer === 'land' && props.res === '10m' ? ['name'] : []);

/** The basemap style's layers, each with what it needs from the archive. */
function styleUses(): StyleUse[] {
  const layerOf = Object.fromEntries(Object.entries(BASEMAP_SOURCE).map(([name, source]) => [source, name as LayerName]));
  return basemapLayers('light').flatMap((style: LayerSpecification): StyleUse[] => {
    if (style.type === 'background' || !layerOf[style.source as string]) return [];
    const compiled = featureFilter(style.filter as FilterSpecification | undefined, `${style.id}.filter`);
    return [
      {
        layer: layerOf[style.source as string]!,
        minzoom: style.minzoom ?? 0,
        maxzoom: style.maxzoom ?? 24,
        sourceMaxZoom: WORLD_LAYERS.includes(style.id) ? PMTILES_WORLD_MAXZOOM : PMTILES_MAXZOOM,
        filter: (zoom, f) => compiled.filter({ zoom }, { type: f.type, properties: f.tags ?? {} } as never),
        properties: keysOf([style.filter, style.layout, style.paint], new Set()),
      },
    ];
  });
}

/**
 * Whether a tile of zoom `z` must hold a feature: some style layer reading its MVT layer draws
 * it at a zoom that tile is used for (its own, or every zoom above it when its source stops there).
 * MapLibre evaluates filters at the tile's integer zoom, and builds a tile for every layer whose
 * zoom range reaches it (a layer from zoom 9.5 is in the tiles of zoom 9).
 */
function needed(uses: readonly StyleUse[], z: number, feature: LegacyFeature): boolean {
  return uses.some((use) => {
    if (z > use.sourceMaxZoom) return false;
    const top = z === use.sourceMaxZoom ? MAP_MAX_ZOOM : z;
    for (let d = z; d <= top; d++) if (d >= Math.floor(use.minzoom) && d < use.maxzoom && use.filter(d, feature)) return true;
    return false;
  });
}

/** The features keeping only the properties the style reads (MVT has no null: a null is left out). */
function trimmed(fc: FeatureCollection<Geometry, Props>, keep: Set<string>, also: (props: Props) => string[]): FeatureCollection<Geometry, Props> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      ...f,
      properties: Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k, v]) => (keep.has(k) || also(f.properties ?? {}).includes(k)) && v !== null && v !== undefined)),
    })),
  };
}

/** Field types for the TileJSON `vector_layers`. */
function fields(fc: FeatureCollection<Geometry, Props>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fc.features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const type = typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
      out[k] = out[k] && out[k] !== type ? 'String' : type;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** The bounding box of some features, [west, south, east, north]. */
function bboxOf(features: readonly Feature<Geometry, Props>[]): Bbox {
  return geometryBounds({ type: 'GeometryCollection', geometries: features.map((f) => f.geometry) });
}

/** The tile's extent in degrees: [west, south, east, north]. */
function tileBbox(z: number, x: number, y: number): Bbox {
  const n = 2 ** z;
  const lat = (t: number): number => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI;
  return [(x / n) * 360 - 180, lat(y + 1), ((x + 1) / n) * 360 - 180, lat(y)];
}

function intersects(a: Bbox, b: Bbox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

const index = (fc: FeatureCollection<Geometry, Props>, maxZoom: number) =>
  new GeoJSONVT(fc, { maxZoom, indexMaxZoom: Math.min(maxZoom, 5), extent: EXTENT, buffer: 64, tolerance: TOLERANCE });

/** The archive's tiles and what its metadata says of each layer, from the committed GeoJSON. */
export function buildTiles(): { tiles: TileInput[]; perZoom: number[]; layers: { name: LayerName; all: FeatureCollection<Geometry, Props> }[] } {
  const uses = styleUses();
  const box = [...PMTILES_DETAIL_BOUNDS] as Bbox;
  const zooms = Array.from({ length: MAP_MAX_ZOOM + 1 }, (_, d) => d);
  /** Features no layer of the box's source draws at any zoom: the world's, kept to the low zooms. */
  const world = (name: LayerName, f: Feature<Geometry, Props>): boolean => {
    const feature = { type: 1, tags: f.properties } as LegacyFeature;
    return !uses.some((use) => use.layer === name && use.sourceMaxZoom === PMTILES_MAXZOOM && zooms.some((d) => d >= Math.floor(use.minzoom) && d < use.maxzoom && use.filter(d, feature)));
  };
  const layers = LAYERS.map((name) => {
    const keep = new Set(uses.filter((use) => use.layer === name).flatMap((use) => [...use.properties]));
    const all = trimmed(read(name), keep, (props) => readByTheMap(name, props));
    const detail: FeatureCollection<Geometry, Props> = { type: 'FeatureCollection', features: all.features.filter((f) => !world(name, f)) };
    if (detail.features.length > 0) {
      const [w, s, e, n] = bboxOf(detail.features);
      if (w < box[0] || s < box[1] || e > box[2] || n > box[3]) throw new Error(`${name}: a feature outside the world layers lies outside the box ${box.join(',')}`);
    }
    return {
      name,
      all,
      uses: uses.filter((use) => use.layer === name),
      low: index(all, PMTILES_MAXZOOM),
      high: index(detail, PMTILES_MAXZOOM),
    };
  });

  const tiles: TileInput[] = [];
  const perZoom = new Array<number>(PMTILES_MAXZOOM + 1).fill(0);
  const visit = (z: number, x: number, y: number): void => {
    if (z > PMTILES_WORLD_MAXZOOM && !intersects(tileBbox(z, x, y), box)) return;
    const content: Record<string, LegacyTile> = {};
    let any = false;
    for (const layer of layers) {
      const source = z <= PMTILES_WORLD_MAXZOOM ? layer.low : layer.high;
      const tile = source.getTile(z, x, y);
      if (!tile || tile.features.length === 0) continue;
      any = true;
      const features = tile.features.filter((f) => needed(layer.uses, z, f));
      if (features.length > 0) content[layer.name] = { ...tile, features };
    }
    if (!any) return; // nothing here, nor in any child tile
    if (Object.keys(content).length > 0) {
      const mvt = fromGeojsonVt(content as never, { version: 2, extent: EXTENT });
      tiles.push({ z, x, y, data: new Uint8Array(gzipSync(mvt, { level: 9 })) });
      perZoom[z]!++;
    }
    if (z < PMTILES_MAXZOOM) for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) visit(z + 1, 2 * x + dx, 2 * y + dy);
  };
  visit(0, 0, 0);
  return { tiles, perZoom, layers };
}

function main(): void {
  const { tiles, perZoom, layers } = buildTiles();
  const box = [...PMTILES_DETAIL_BOUNDS] as Bbox;
  const all = bboxOf(layers.flatMap((l) => l.all.features));
  const bounds: Bbox = [Math.max(all[0], -180), Math.max(all[1], -85.0511), Math.min(all[2], 180), Math.min(all[3], 85.0511)];
  const center: [number, number, number] = [...KHOJALY, 7];
  const metadata = {
    name: 'Khojaly map basemap',
    description: `The offline basemap of the Khojaly map as vector tiles: the world at 1:110m to zoom ${PMTILES_WORLD_MAXZOOM}, the Caucasus box (${box.join(', ')}) at 1:10m with GSHHG water and GeoNames towns to zoom ${PMTILES_MAXZOOM}; each tile holds what the style draws at its zoom.`,
    version: '2',
    type: 'baselayer',
    format: 'pbf',
    attribution: ATTRIBUTION,
    minzoom: 0,
    maxzoom: PMTILES_MAXZOOM,
    bounds,
    center,
    generator: 'scripts/basemap/pmtiles.ts (geojson-vt, vt-pbf)',
    vector_layers: layers.map((l) => ({ id: l.name, description: `geodata/basemap/${l.name}.geojson`, minzoom: 0, maxzoom: PMTILES_MAXZOOM, fields: fields(l.all) })),
  };
  const { bytes, stats } = writeArchive(tiles, { internalCompression: 2, tileCompression: 2, tileType: 1, bounds, center, metadata });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, bytes);
  console.log(`tiles per zoom: ${perZoom.map((n, z) => `z${z} ${n}`).join(', ')}`);
  console.log(
    `addressed ${stats.addressedTiles}, entries ${stats.tileEntries}, contents ${stats.tileContents}; root ${stats.rootBytes} B, leaves ${stats.leaves} (${stats.leafBytes} B), metadata ${stats.metadataBytes} B, tile data ${stats.tileDataBytes} B`,
  );
  console.log(`${OUT.slice(ROOT.length + 1)}: ${bytes.length} bytes`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
