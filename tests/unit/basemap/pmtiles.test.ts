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
import { contains, readRepoFile } from './helpers.ts';

const ARCHIVE = 'public/basemap/caucasus.pmtiles';
const KHOJALY: [number, number] = [46.79028, 39.91297];
const LAYERS = ['land', 'borders', 'lakes', 'rivers', 'towns', 'labels'];
const THEMES: Theme[] = ['light', 'dark'];

/** A PMTiles source over a file read into memory. */
class BufferSource implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey(): string {
    return ARCHIVE;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.bytes.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) as ArrayBuffer };
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

async function tile(z: number, x: number, y: number): Promise<VectorTile | undefined> {
  const res = await archive.getZxy(z, x, y);
  if (!res) return undefined;
  let data = new Uint8Array(res.data);
  if (data[0] === 0x1f && data[1] === 0x8b) data = new Uint8Array(gunzipSync(data));
  return new VectorTile(new PbfReader(data));
}

async function vectorLayerIds(): Promise<string[]> {
  const metadata = (await archive.getMetadata()) as { vector_layers?: { id: string }[] };
  return (metadata.vector_layers ?? []).map((l) => l.id);
}

describe('PMTiles archive', () => {
  it('has a v3 header for gzipped MVT tiles, zooms 0..8, bounds around Khojaly', async () => {
    expect(bytes.subarray(0, 7).toString('latin1')).toBe('PMTiles');
    const h = await archive.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(TileType.Mvt);
    expect(h.tileCompression).toBe(Compression.Gzip);
    expect(h.clustered).toBe(true);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 8]);
    expect(h.minLon).toBeLessThan(KHOJALY[0]);
    expect(h.maxLon).toBeGreaterThan(KHOJALY[0]);
    expect(h.minLat).toBeLessThan(KHOJALY[1]);
    expect(h.maxLat).toBeGreaterThan(KHOJALY[1]);
    // The header and the root directory must be in the first 16 KiB.
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(h.numTileContents).toBeLessThanOrEqual(h.numTileEntries);
    expect(h.numTileEntries).toBeLessThanOrEqual(h.numAddressedTiles);
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(3_000_000);
  });

  it('names its vector layers after the basemap files and credits the data', async () => {
    expect((await vectorLayerIds()).sort()).toEqual([...LAYERS].sort());
    const metadata = (await archive.getMetadata()) as { attribution?: string; vector_layers: { id: string; fields: Record<string, string> }[] };
    expect(metadata.attribution).toMatch(/Natural Earth/);
    expect(metadata.attribution).toMatch(/GSHHG/);
    expect(metadata.attribution).toMatch(/GeoNames.*CC BY 4\.0/);
    const towns = metadata.vector_layers.find((l) => l.id === 'towns');
    expect(towns?.fields).toMatchObject({ name: 'String', nameAz: 'String', rank: 'Number', focus: 'Boolean' });
  });

  it('has a world tile at zoom 0 with land', async () => {
    const t = await tile(0, 0, 0);
    expect(t).toBeDefined();
    expect(t!.layers.land?.length).toBeGreaterThan(100);
  });

  it('has land at Khojaly at zoom 6', async () => {
    const [x, y] = tileOf(KHOJALY, 6);
    const t = await tile(6, x, y);
    const land = t?.layers.land;
    expect(land?.length).toBeGreaterThan(0);
    const shapes = Array.from({ length: land!.length }, (_, i) => land!.feature(i).toGeoJSON(x, y, 6).geometry as Geometry);
    expect(shapes.some((g) => contains(g, KHOJALY))).toBe(true);
  });

  it('has the detailed data around Khojaly at zoom 8', async () => {
    const [x, y] = tileOf(KHOJALY, 8);
    const t = await tile(8, x, y);
    expect(t?.layers.land?.length).toBeGreaterThan(0);
    const towns = t?.layers.towns;
    expect(towns?.length).toBeGreaterThan(0);
    for (let i = 0; i < towns!.length; i++) {
      const p = towns!.feature(i).properties;
      expect(typeof p.name).toBe('string');
      // MVT has no null: a missing nameAz must be absent, not the string "null".
      expect(p.nameAz).not.toBe('null');
    }
  });

  it('has the world land at zoom 8 far from the Caucasus, and no tile in the open ocean', async () => {
    const [x, y] = tileOf([2.35, 48.85], 8); // Paris
    expect((await tile(8, x, y))?.layers.land?.length).toBeGreaterThan(0);
    const [ox, oy] = tileOf([-30, 30], 8); // mid-Atlantic
    expect(await tile(8, ox, oy)).toBeUndefined();
  });
});

describe.each(THEMES)('PMTiles basemap style (%s)', (theme) => {
  const layers = pmtilesBasemapLayers(theme);
  const sources = pmtilesBasemapSources('http://127.0.0.1/x.pmtiles');

  it('has the same layers as the GeoJSON basemap, drawn from the vector source', () => {
    const base = basemapLayers(theme);
    expect(layers.map((l) => l.id)).toEqual(base.map((l) => l.id));
    expect(layers[0]).toEqual(base[0]);
    for (const layer of layers.slice(1)) {
      expect(layer.type).not.toBe('background');
      if (layer.type === 'background') continue;
      expect(layer.source, layer.id).toBe('basemap-pmtiles');
    }
  });

  it('reads every layer from a vector layer of the archive', async () => {
    const ids = await vectorLayerIds();
    for (const layer of layers) {
      if (layer.type === 'background') continue;
      expect(ids, layer.id).toContain((layer as { 'source-layer'?: string })['source-layer']);
    }
  });

  it('uses a pmtiles:// vector source and a chosen source id', () => {
    expect(sources).toEqual({ 'basemap-pmtiles': expect.objectContaining({ type: 'vector', url: 'pmtiles://http://127.0.0.1/x.pmtiles', maxzoom: 8 }) });
    const other = pmtilesBasemapLayers(theme, 'other');
    expect(other.filter((l) => l.type !== 'background').every((l) => (l as { source?: string }).source === 'other')).toBe(true);
    expect(Object.keys(pmtilesBasemapSources('http://127.0.0.1/x.pmtiles', 'other'))).toEqual(['other']);
  });

  it('validates against the MapLibre style spec', () => {
    const style: StyleSpecification = { version: 8, sources, layers, 'font-faces': fontFaces() };
    expect(validateStyleMin(style)).toEqual([]);
  });
});
