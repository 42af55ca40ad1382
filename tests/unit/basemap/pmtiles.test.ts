import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { Compression, PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import type { Geometry } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import {
  basemapLayers,
  fontFaces,
  pmtilesBasemapLayers,
  pmtilesBasemapSources,
  type Theme,
} from '../../../src/lib/map/basemap/index.ts';
import { LOCAL_COUNTRY_LABELS, WORLD_LAYERS } from '../../../src/lib/map/basemap/layers.ts';
import { COUNTRY_NAMES_SOURCE } from '../../../src/lib/map/basemap/names.ts';
import { PMTILES_DETAIL_BOUNDS, PMTILES_MAXZOOM, PMTILES_WORLD_MAXZOOM } from '../../../src/lib/map/basemap/pmtiles.ts';
import { buildTiles } from '../../../scripts/basemap/pmtiles.ts';
import { contains, readBasemap, readRepoFile, rings } from './helpers.ts';

const ARCHIVE = 'public/basemap/caucasus.pmtiles';
const KHOJALY: [number, number] = [46.79028, 39.91297];
const BAKU: [number, number] = [49.8671, 40.4093];
const LAYERS = ['land', 'borders', 'lakes', 'rivers', 'towns', 'labels'];
const THEMES: Theme[] = ['light', 'dark'];

/** A PMTiles source over a file read into memory. */
class BufferSource implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey(): string {
    return ARCHIVE;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: new Uint8Array(this.bytes.subarray(offset, offset + length)).buffer };
  }
}

const bytes = readRepoFile(ARCHIVE);
const archive = new PMTiles(new BufferSource(bytes));

/** The tile at zoom z containing a point. */
function tileOf([lon, lat]: [number, number], z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

const gunzipped = (data: Uint8Array): Uint8Array => (data[0] === 0x1f && data[1] === 0x8b ? new Uint8Array(gunzipSync(data)) : data);

async function tile(z: number, x: number, y: number): Promise<VectorTile | undefined> {
  const res = await archive.getZxy(z, x, y);
  return res ? new VectorTile(new PbfReader(gunzipped(new Uint8Array(res.data)))) : undefined;
}

/** The properties of every feature of one layer of a tile. */
function featuresOf(t: VectorTile | undefined, layer: string): Record<string, unknown>[] {
  const l = t?.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).properties) : [];
}

async function vectorLayerIds(): Promise<string[]> {
  const metadata = (await archive.getMetadata()) as { vector_layers?: { id: string }[] };
  return (metadata.vector_layers ?? []).map((l) => l.id);
}

describe('PMTiles archive', () => {
  it('has a v3 header for gzipped MVT tiles, zooms 0..PMTILES_MAXZOOM, a root directory that needs no leaves', async () => {
    expect(bytes.subarray(0, 7).toString('latin1')).toBe('PMTiles');
    const h = await archive.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(TileType.Mvt);
    expect(h.tileCompression).toBe(Compression.Gzip);
    expect(h.clustered).toBe(true);
    expect([h.minZoom, h.maxZoom]).toEqual([0, PMTILES_MAXZOOM]);
    expect(h.minLon).toBeLessThan(KHOJALY[0]);
    expect(h.maxLon).toBeGreaterThan(KHOJALY[0]);
    expect(h.minLat).toBeLessThan(KHOJALY[1]);
    expect(h.maxLat).toBeGreaterThan(KHOJALY[1]);
    // The reader's first request (16 KiB) holds the header and the whole directory: no leaf to fetch.
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(h.leafDirectoryLength).toBe(0);
    expect(h.numTileContents).toBeLessThanOrEqual(h.numTileEntries);
    expect(h.numTileEntries).toBeLessThanOrEqual(h.numAddressedTiles);
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(1_500_000);
  });

  it('is what scripts/basemap/pmtiles.ts makes of the committed GeoJSON, every tile decoding as MVT', async () => {
    const { tiles } = buildTiles();
    expect((await archive.getHeader()).numAddressedTiles).toBe(tiles.length);
    const problems: string[] = [];
    for (const t of tiles) {
      const key = `${t.z}/${t.x}/${t.y}`;
      const read = await archive.getZxy(t.z, t.x, t.y);
      if (!read) {
        problems.push(`${key} missing`);
        continue;
      }
      const mvt = gunzipped(new Uint8Array(read.data));
      if (!Buffer.from(mvt).equals(Buffer.from(gunzipped(t.data)))) problems.push(`${key} differs: rebuild with npm run basemap:pmtiles`);
      const vt = new VectorTile(new PbfReader(mvt));
      for (const [name, layer] of Object.entries(vt.layers)) {
        if (!LAYERS.includes(name)) problems.push(`${key} has a layer ${name}`);
        for (let i = 0; i < layer.length; i++) layer.feature(i).toGeoJSON(t.x, t.y, t.z);
      }
      const [w, s, e, n] = PMTILES_DETAIL_BOUNDS;
      const [tx, ty] = [t.x / 2 ** t.z, t.y / 2 ** t.z];
      const [west, north] = [tx * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * ty))) * 180) / Math.PI];
      const [east, south] = [west + 360 / 2 ** t.z, (Math.atan(Math.sinh(Math.PI * (1 - 2 * (ty + 1 / 2 ** t.z)))) * 180) / Math.PI];
      if (t.z > PMTILES_WORLD_MAXZOOM && !(west < e && w < east && south < n && s < north)) problems.push(`${key} lies outside the Caucasus box`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('names its vector layers after the basemap files, keeps only the properties the style reads, and credits the data', async () => {
    expect((await vectorLayerIds()).sort()).toEqual([...LAYERS].sort());
    const metadata = (await archive.getMetadata()) as { attribution?: string; vector_layers: { id: string; fields: Record<string, string> }[] };
    expect(metadata.attribution).toMatch(/Natural Earth/);
    expect(metadata.attribution).toMatch(/GSHHG/);
    expect(metadata.attribution).toMatch(/GeoNames.*CC BY 4\.0/);
    const fields = Object.fromEntries(metadata.vector_layers.map((l) => [l.id, l.fields]));
    expect(fields.towns).toEqual({ focus: 'Boolean', name: 'String', nameAz: 'String', population: 'Number', rank: 'Number' });
    expect(fields.labels).toEqual({ kind: 'String', level: 'Number', maxzoom: 'Number', minzoom: 'Number', name: 'String', rank: 'Number', scale: 'String' });
    // The countries' names: the map chooses the names of each view from the land in view.
    expect(fields.land).toEqual({ name: 'String', res: 'String' });
  });

  it('has a world tile at zoom 0 with land', async () => {
    const t = await tile(0, 0, 0);
    expect(t).toBeDefined();
    expect(t!.layers.land?.length).toBeGreaterThan(100);
  });

  it.each([6, PMTILES_MAXZOOM])('has land at Khojaly at zoom %i', async (z) => {
    const [x, y] = tileOf(KHOJALY, z);
    const land = (await tile(z, x, y))?.layers.land;
    expect(land?.length).toBeGreaterThan(0);
    const shapes = Array.from({ length: land!.length }, (_, i) => land!.feature(i).toGeoJSON(x, y, z).geometry as Geometry);
    expect(shapes.some((g) => contains(g, KHOJALY))).toBe(true);
  });

  it('has the detailed data around Khojaly at zoom 8, with no null written as a string', async () => {
    const [x, y] = tileOf(KHOJALY, 8);
    const t = await tile(8, x, y);
    expect(t?.layers.land?.length).toBeGreaterThan(0);
    const towns = featuresOf(t, 'towns');
    expect(towns.length).toBeGreaterThan(0);
    for (const p of towns) {
      expect(typeof p.name).toBe('string');
      expect(p.nameAz).not.toBe('null');
    }
  });

  it('carries the region name where the style draws it, and no country name repeated on a grid', async () => {
    const at = async (z: number, point: [number, number]) => featuresOf(await tile(z, ...tileOf(point, z)), 'labels');
    for (const z of [7, 8, PMTILES_MAXZOOM]) expect((await at(z, KHOJALY)).filter((p) => p.scale === 'local')).toEqual([]);
    expect((await at(8, KHOJALY)).map((p) => p.name)).toContain('Karabakh');
  });

  it('names the countries’ land at the top zoom, the data the map chooses its country names from', async () => {
    const land = featuresOf(await tile(PMTILES_MAXZOOM, ...tileOf(KHOJALY, PMTILES_MAXZOOM)), 'land');
    expect(land.filter((p) => p.res === '10m').map((p) => p.name)).toContain('Azerbaijan');
  });

  it('keeps every vertex of the Caspian shore at Baku at the top zoom (MapLibre overzooms it to street level)', async () => {
    const z = PMTILES_MAXZOOM;
    const [x, y] = tileOf(BAKU, z);
    const n = 2 ** z;
    const latOf = (t: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI;
    const [west, east, north, south] = [(x / n) * 360 - 180, ((x + 1) / n) * 360 - 180, latOf(y), latOf(y + 1)];
    const inBox = ([px = 0, py = 0]: number[]) => px > west && px < east && py > south && py < north;
    const source = readBasemap('lakes.geojson').features.flatMap((f) => rings(f.geometry).flat().filter(inBox)).length;
    const lakes = (await tile(z, x, y))?.layers.lakes;
    const kept = Array.from({ length: lakes?.length ?? 0 }, (_, i) => lakes!.feature(i).loadGeometry().flat())
      .flat()
      .filter((p) => p.x > 0 && p.x < 4096 && p.y > 0 && p.y < 4096).length;
    expect(source).toBeGreaterThan(20);
    expect(kept).toBe(source);
  });

  it('has the world land to the world zoom far from the Caucasus, then leaves it to overzooming; no tile in the open ocean', async () => {
    const paris: [number, number] = [2.35, 48.85];
    expect((await tile(PMTILES_WORLD_MAXZOOM, ...tileOf(paris, PMTILES_WORLD_MAXZOOM)))?.layers.land?.length).toBeGreaterThan(0);
    expect(await tile(PMTILES_WORLD_MAXZOOM + 1, ...tileOf(paris, PMTILES_WORLD_MAXZOOM + 1))).toBeUndefined();
    expect(await tile(PMTILES_WORLD_MAXZOOM, ...tileOf([-30, 30], PMTILES_WORLD_MAXZOOM))).toBeUndefined();
  });

  it('has no 1:110m land or world country name above the world zoom', async () => {
    const [x, y] = tileOf([44, 36], 7);
    const t = await tile(7, x, y);
    expect(t).toBeDefined();
    expect(featuresOf(t, 'land').filter((p) => p.res === '110m')).toEqual([]);
    expect(featuresOf(t, 'labels').filter((p) => p.scale === 'world')).toEqual([]);
  });
});

describe.each(THEMES)('PMTiles basemap style (%s)', (theme) => {
  const layers = pmtilesBasemapLayers(theme);
  const sources = pmtilesBasemapSources('http://127.0.0.1/x.pmtiles');

  it('has the same layers as the GeoJSON basemap, the world layers reading the world source', () => {
    const base = basemapLayers(theme);
    expect(layers.map((l) => l.id)).toEqual(base.map((l) => l.id));
    expect(layers[0]).toEqual(base[0]);
    for (const layer of layers.slice(1)) {
      expect(layer.type).not.toBe('background');
      if (layer.type === 'background') continue;
      const expected = layer.id === LOCAL_COUNTRY_LABELS ? COUNTRY_NAMES_SOURCE : WORLD_LAYERS.includes(layer.id) ? 'basemap-pmtiles-world' : 'basemap-pmtiles';
      expect(layer.source, layer.id).toBe(expected);
    }
  });

  it('reads every layer but the country names chosen per view from a vector layer of the archive', async () => {
    const ids = await vectorLayerIds();
    for (const layer of layers) {
      if (layer.type === 'background' || layer.id === LOCAL_COUNTRY_LABELS) continue;
      expect(ids, layer.id).toContain((layer as { 'source-layer'?: string })['source-layer']);
    }
  });

  it('reads the archive by tile URL: the box to the archive maxzoom within its bounds, the world to the world zoom', async () => {
    const tiles = ['pmtiles://http://127.0.0.1/x.pmtiles/{z}/{x}/{y}'];
    expect(sources).toEqual({
      'basemap-pmtiles-world': expect.objectContaining({ type: 'vector', tiles, maxzoom: PMTILES_WORLD_MAXZOOM }),
      'basemap-pmtiles': expect.objectContaining({ type: 'vector', tiles, maxzoom: PMTILES_MAXZOOM, bounds: [...PMTILES_DETAIL_BOUNDS] }),
      [COUNTRY_NAMES_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
    });
    expect((await archive.getHeader()).maxZoom).toBe(PMTILES_MAXZOOM);
    const other = pmtilesBasemapLayers(theme, 'other');
    expect(new Set(other.flatMap((l) => ('source' in l ? [l.source] : [])))).toEqual(new Set(['other', 'other-world', COUNTRY_NAMES_SOURCE]));
    expect(Object.keys(pmtilesBasemapSources('pmtiles://http://127.0.0.1/x.pmtiles', 'other')).sort()).toEqual([COUNTRY_NAMES_SOURCE, 'other', 'other-world']);
  });

  it('validates against the MapLibre style spec', () => {
    const style: StyleSpecification = { version: 8, sources, layers, 'font-faces': fontFaces() };
    expect(validateStyleMin(style)).toEqual([]);
  });
});
