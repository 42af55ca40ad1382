import { gzipSync } from 'node:zlib';
import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { Compression, PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { fromGeojsonVt } from 'vt-pbf';
import { ROOT_LIMIT, writeArchive, type ArchiveOptions, type TileInput } from '../../../scripts/basemap/pmtiles/writer.ts';

/** A PMTiles source over bytes in memory. */
class BytesSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: new Uint8Array(this.bytes.subarray(offset, offset + length)).buffer };
  }
}

const EXTENT = 4096;

/** The centre of a tile in degrees. */
function tileCentre(z: number, x: number, y: number): [number, number] {
  const n = 2 ** z;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / n))) * 180) / Math.PI;
  return [((x + 0.5) / n) * 360 - 180, lat];
}

/** An MVT with one layer `probe` holding one point at the tile's centre (local 2048, 2048), labelled. */
function probeTile(z: number, x: number, y: number, label = `${z}/${x}/${y}`): Uint8Array {
  const tile = { features: [{ type: 1, geometry: [[EXTENT / 2, EXTENT / 2]], tags: { label, z } }] };
  return fromGeojsonVt({ probe: tile } as never, { version: 2, extent: EXTENT });
}

/** Every tile of zooms `from`..`to`. */
function pyramid(from: number, to: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let z = from; z <= to; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) out.push([z, x, y]);
  return out;
}

const OPTIONS: Omit<ArchiveOptions, 'internalCompression' | 'tileCompression'> = {
  tileType: TileType.Mvt,
  bounds: [-180, -85.0511, 180, 85.0511],
  center: [46.79, 39.91, 7],
  metadata: { name: 'probe', vector_layers: [{ id: 'probe', fields: { label: 'String', z: 'Number' } }] }
};

/**
 * Reads every tile of `expected` back through the `pmtiles` reader and `@mapbox/vector-tile`
 * and lists what differs: the bytes must be the MVT written, and its one point must decode at
 * the tile's centre with its label.
 */
async function differences(archive: PMTiles, expected: Map<string, { mvt: Uint8Array; label: string }>): Promise<string[]> {
  const out: string[] = [];
  for (const [key, { mvt, label }] of expected) {
    const [z, x, y] = key.split('/').map(Number) as [number, number, number];
    const read = await archive.getZxy(z, x, y);
    if (!read) {
      out.push(`${key}: missing`);
      continue;
    }
    const bytes = new Uint8Array(read.data);
    if (!Buffer.from(bytes).equals(Buffer.from(mvt))) out.push(`${key}: other bytes`);
    const probe = new VectorTile(new PbfReader(bytes)).layers.probe;
    if (probe?.length !== 1) {
      out.push(`${key}: ${probe?.length ?? 0} features`);
      continue;
    }
    const feature = probe.feature(0);
    if (feature.properties.label !== label || feature.properties.z !== Number(label.split('/')[0])) out.push(`${key}: properties ${JSON.stringify(feature.properties)}`);
    const [lon, lat] = (feature.toGeoJSON(x, y, z).geometry as Point).coordinates as [number, number];
    const [cx, cy] = tileCentre(z, x, y);
    if (Math.abs(lon - cx) > 360 / 2 ** z / 100 || Math.abs(lat - cy) > 180 / 2 ** z / 100) out.push(`${key}: point at ${lon},${lat}`);
  }
  return out;
}

describe('PMTiles writer, read back by the pmtiles reader', () => {
  it('round-trips every tile, gzipped, with identical tiles stored once and consecutive ones as one run', async () => {
    const expected = new Map<string, { mvt: Uint8Array; label: string }>();
    const tiles: TileInput[] = [];
    for (const [z, x, y] of pyramid(0, 4)) {
      // Zoom 3 is one run of 64 identical tiles; at zoom 4 the tiles of each row share one blob.
      const label = z === 3 ? '3/0/0' : z === 4 ? `4/0/${y}` : `${z}/${x}/${y}`;
      const mvt = probeTile(z, x, y, label);
      expected.set(`${z}/${x}/${y}`, { mvt, label });
      tiles.push({ z, x, y, data: new Uint8Array(gzipSync(mvt)) });
    }
    const { bytes, stats } = writeArchive(tiles, { ...OPTIONS, internalCompression: 2, tileCompression: 2 });
    const archive = new PMTiles(new BytesSource(bytes));
    expect(await differences(archive, expected)).toEqual([]);

    const header = await archive.getHeader();
    expect(header).toMatchObject({ specVersion: 3, clustered: true, internalCompression: Compression.Gzip, tileCompression: Compression.Gzip, tileType: TileType.Mvt });
    expect([header.minZoom, header.maxZoom]).toEqual([0, 4]);
    expect(header.numAddressedTiles).toBe(tiles.length);
    expect(header.numTileContents).toBe(1 + 4 + 16 + 1 + 16);
    expect(header.numTileEntries).toBeLessThan(header.numAddressedTiles - 63);
    expect(stats).toMatchObject({ addressedTiles: tiles.length, leaves: 0, tileContents: header.numTileContents });
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual(OPTIONS.bounds);
    expect([header.centerLon, header.centerLat, header.centerZoom]).toEqual(OPTIONS.center);
    expect(header.tileDataOffset + header.tileDataLength!).toBe(bytes.length);
    expect(await archive.getMetadata()).toEqual(OPTIONS.metadata);
    expect(await archive.getZxy(5, 0, 0)).toBeUndefined();
  }, 30_000);

  it('round-trips every tile of an archive whose directory needs leaves, uncompressed', async () => {
    const expected = new Map<string, { mvt: Uint8Array; label: string }>();
    const tiles: TileInput[] = [];
    for (const [z, x, y] of pyramid(0, 6)) {
      const mvt = probeTile(z, x, y);
      expected.set(`${z}/${x}/${y}`, { mvt, label: `${z}/${x}/${y}` });
      tiles.push({ z, x, y, data: mvt });
    }
    const { bytes, stats } = writeArchive([...tiles].reverse(), { ...OPTIONS, internalCompression: 1, tileCompression: 1 });
    expect(stats.leaves).toBeGreaterThan(1);
    const archive = new PMTiles(new BytesSource(bytes));
    const header = await archive.getHeader();
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(ROOT_LIMIT);
    expect(header.leafDirectoryLength).toBe(stats.leafBytes);
    expect(header.numAddressedTiles).toBe(tiles.length);
    expect(await differences(archive, expected)).toEqual([]);
    expect(await archive.getZxy(7, 0, 0)).toBeUndefined();
  }, 30_000);

  it('writes the same bytes for the same tiles, and refuses a tile given twice', () => {
    const tiles = pyramid(0, 2).map(([z, x, y]) => ({ z, x, y, data: probeTile(z, x, y) }));
    const a = writeArchive(tiles, { ...OPTIONS, internalCompression: 2, tileCompression: 1 }).bytes;
    const b = writeArchive([...tiles].reverse(), { ...OPTIONS, internalCompression: 2, tileCompression: 1 }).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(() => writeArchive([...tiles, tiles[0]!], { ...OPTIONS, internalCompression: 2, tileCompression: 1 })).toThrow(/duplicate tile 0\/0\/0/);
  });
});
