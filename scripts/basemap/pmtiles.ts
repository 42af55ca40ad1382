/**
 * Builds public/basemap/caucasus.pmtiles: the offline basemap (geodata/basemap/*.geojson) as
 * Mapbox Vector Tiles in one PMTiles v3 archive, one MVT layer per file (land, borders, lakes,
 * rivers, towns, labels), zooms 0..8.
 *
 * Run on demand with `npx tsx scripts/basemap/pmtiles.ts` (see README.md beside this file).
 * Same GeoJSON in, same bytes out.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { geometryBounds } from '../../src/lib/data/geojson.ts';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, Geometry } from 'geojson';
import GeoJSONVT, { type LegacyTile } from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { writeArchive, type TileInput } from './pmtiles/writer.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IN = join(ROOT, 'geodata/basemap');
const OUT = join(ROOT, 'public/basemap/caucasus.pmtiles');

/** The MVT layers, in file order; each is `geodata/basemap/<name>.geojson`. */
export const LAYERS = ['land', 'borders', 'lakes', 'rivers', 'towns', 'labels'] as const;
const MAX_ZOOM = 8;
/**
 * Up to this zoom every tile with data is kept; above it only tiles over the Caucasus detail
 * area. At MAX_ZOOM the world's land is in the archive at every zoom, as in the GeoJSON basemap
 * (the map may be panned anywhere): 1.99 MB, leaf directories needed. At 5 it would be 0.73 MB,
 * with no land outside the Caucasus from zoom 6 on.
 */
const WORLD_MAX_ZOOM: number = MAX_ZOOM;
const EXTENT = 4096;
const KHOJALY: [number, number] = [46.79028, 39.91297];

const ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain), ' +
  '<a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a> (LGPL), ' +
  '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

type Props = Record<string, unknown>;
type Bbox = [number, number, number, number];

function read(name: string): FeatureCollection<Geometry, Props> {
  return JSON.parse(readFileSync(join(IN, `${name}.geojson`), 'utf8')) as FeatureCollection<Geometry, Props>;
}

/** MVT has no null: a null property is left out (MapLibre's `get` gives null for it anyway). */
function withoutNulls(fc: FeatureCollection<Geometry, Props>): FeatureCollection<Geometry, Props> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      ...f,
      properties: Object.fromEntries(Object.entries(f.properties ?? {}).filter(([, v]) => v !== null && v !== undefined)),
    })),
  };
}

/** Field types for the TileJSON `vector_layers` (arrays are written as JSON strings by vt-pbf). */
function fields(fc: FeatureCollection<Geometry, Props>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fc.features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (v === null || v === undefined) continue;
      const type = typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
      out[k] = out[k] && out[k] !== type ? 'String' : type;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}


/** The bounding box of some features, [west, south, east, north]. */
function bboxOf(features: FeatureCollection<Geometry, Props>['features']): Bbox {
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

function main(): void {
  const data = Object.fromEntries(LAYERS.map((name) => [name, read(name)])) as Record<(typeof LAYERS)[number], FeatureCollection<Geometry, Props>>;
  const indexes = LAYERS.map(
    (name) => [name, new GeoJSONVT(withoutNulls(data[name]), { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, extent: EXTENT, buffer: 64, tolerance: 3 })] as const,
  );
  // The Caucasus detail area: where the 1:10m land is (rivers, lakes, towns lie inside it too).
  const detail = bboxOf(data.land.features.filter((f) => f.properties?.res === '10m'));

  const tiles: TileInput[] = [];
  const perZoom = new Array<number>(MAX_ZOOM + 1).fill(0);
  const visit = (z: number, x: number, y: number): void => {
    if (z > WORLD_MAX_ZOOM && !intersects(tileBbox(z, x, y), detail)) return;
    const layers: Record<string, LegacyTile> = {};
    for (const [name, index] of indexes) {
      const tile = index.getTile(z, x, y);
      if (tile && tile.features.length > 0) layers[name] = tile;
    }
    if (Object.keys(layers).length === 0) return; // nothing here, nor in any child tile
    const mvt = fromGeojsonVt(layers as never, { version: 2, extent: EXTENT });
    tiles.push({ z, x, y, data: new Uint8Array(gzipSync(mvt, { level: 9 })) });
    perZoom[z]!++;
    if (z < MAX_ZOOM) for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) visit(z + 1, 2 * x + dx, 2 * y + dy);
  };
  visit(0, 0, 0);

  const all = bboxOf(LAYERS.flatMap((name) => data[name].features));
  const bounds: Bbox = [Math.max(all[0], -180), Math.max(all[1], -85.0511), Math.min(all[2], 180), Math.min(all[3], 85.0511)];
  const metadata = {
    name: 'Khojaly map basemap',
    description: `The offline basemap of the Khojaly map as vector tiles, zooms 0-${MAX_ZOOM}: the world at 1:110m${WORLD_MAX_ZOOM < MAX_ZOOM ? ` (to zoom ${WORLD_MAX_ZOOM})` : ''}, the Caucasus at 1:10m with GSHHG water and GeoNames towns.`,
    version: '1',
    type: 'baselayer',
    format: 'pbf',
    attribution: ATTRIBUTION,
    minzoom: 0,
    maxzoom: MAX_ZOOM,
    bounds,
    center: [...KHOJALY, 7],
    generator: 'scripts/basemap/pmtiles.ts (geojson-vt, vt-pbf)',
    vector_layers: LAYERS.map((id) => ({ id, description: `geodata/basemap/${id}.geojson`, minzoom: 0, maxzoom: MAX_ZOOM, fields: fields(data[id]) })),
  };
  const { bytes, stats } = writeArchive(tiles, {
    internalCompression: 2,
    tileCompression: 2,
    tileType: 1,
    bounds,
    center: [...KHOJALY, 7],
    metadata,
  });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, bytes);
  console.log(`tiles per zoom: ${perZoom.map((n, z) => `z${z} ${n}`).join(', ')}`);
  console.log(
    `addressed ${stats.addressedTiles}, entries ${stats.tileEntries}, contents ${stats.tileContents}; root ${stats.rootBytes} B, leaves ${stats.leaves} (${stats.leafBytes} B), metadata ${stats.metadataBytes} B, tile data ${stats.tileDataBytes} B`,
  );
  console.log(`${OUT.slice(ROOT.length + 1)}: ${bytes.length} bytes`);
}

main();
