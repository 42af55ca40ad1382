/**
 * A small PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * header, root directory (with leaf directories when the root would not fit in the first
 * 16 KiB), JSON metadata and deduplicated, clustered tile data. Same input, same bytes.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** Size of the fixed header. */
export const HEADER_BYTES = 127;
/** The header and the root directory must fit in this many bytes. */
export const ROOT_LIMIT = 16_384;

/** One tile to store; `data` is stored as given (already compressed as `tileCompression` says). */
export interface TileInput {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

/** A directory entry: a run of `runLength` tiles from `tileId` sharing one blob (0: a leaf directory). */
export interface DirEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export interface ArchiveOptions {
  /** 1 none, 2 gzip: how directories and metadata are compressed. */
  internalCompression: 1 | 2;
  /** 1 none, 2 gzip: how the tile blobs were compressed by the caller. */
  tileCompression: 1 | 2;
  /** 1 MVT. */
  tileType: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom]. */
  center: [number, number, number];
  metadata: unknown;
}

export interface ArchiveStats {
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  rootBytes: number;
  leafBytes: number;
  leaves: number;
  metadataBytes: number;
  tileDataBytes: number;
}

function compress(data: Uint8Array, compression: 1 | 2): Uint8Array {
  return compression === 2 ? new Uint8Array(gzipSync(data, { level: 9 })) : data;
}

/** Unsigned LEB128 varint, for values up to 2^53 (tile ids and offsets). */
function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`bad varint ${value}`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory in the spec's column layout: count, tile-id deltas, run lengths, lengths, offsets (0 = contiguous). */
export function serializeDirectory(entries: readonly DirEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return new Uint8Array(out);
}

/**
 * Splits the entries into leaf directories when the root would not fit, like go-pmtiles:
 * leaves of `leafSize` entries (starting at 4096, growing by 1.2) until the root fits.
 */
function buildDirectories(entries: DirEntry[], compression: 1 | 2): { root: Uint8Array; leaves: Uint8Array; count: number } {
  const root = compress(serializeDirectory(entries), compression);
  if (root.length <= ROOT_LIMIT - HEADER_BYTES) return { root, leaves: new Uint8Array(0), count: 0 };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.2)) {
    const rootEntries: DirEntry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = compress(serializeDirectory(chunk), compression);
      rootEntries.push({ tileId: chunk[0]!.tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const r = compress(serializeDirectory(rootEntries), compression);
    if (r.length <= ROOT_LIMIT - HEADER_BYTES) return { root: r, leaves: Buffer.concat(parts), count: parts.length };
  }
}

function header(fields: {
  rootOffset: number;
  rootLength: number;
  metadataOffset: number;
  metadataLength: number;
  leafOffset: number;
  leafLength: number;
  dataOffset: number;
  dataLength: number;
  addressed: number;
  entries: number;
  contents: number;
  options: ArchiveOptions;
  minZoom: number;
  maxZoom: number;
}): Uint8Array {
  const b = Buffer.alloc(HEADER_BYTES);
  b.write('PMTiles', 0, 'latin1');
  b.writeUInt8(3, 7);
  const u64 = [
    fields.rootOffset,
    fields.rootLength,
    fields.metadataOffset,
    fields.metadataLength,
    fields.leafOffset,
    fields.leafLength,
    fields.dataOffset,
    fields.dataLength,
    fields.addressed,
    fields.entries,
    fields.contents,
  ];
  u64.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 8 + i * 8));
  const o = fields.options;
  b.writeUInt8(1, 96); // clustered
  b.writeUInt8(o.internalCompression, 97);
  b.writeUInt8(o.tileCompression, 98);
  b.writeUInt8(o.tileType, 99);
  b.writeUInt8(fields.minZoom, 100);
  b.writeUInt8(fields.maxZoom, 101);
  const e7 = (deg: number): number => Math.round(deg * 1e7);
  const [west, south, east, north] = o.bounds;
  b.writeInt32LE(e7(west), 102);
  b.writeInt32LE(e7(south), 106);
  b.writeInt32LE(e7(east), 110);
  b.writeInt32LE(e7(north), 114);
  b.writeUInt8(o.center[2], 118);
  b.writeInt32LE(e7(o.center[0]), 119);
  b.writeInt32LE(e7(o.center[1]), 123);
  return b;
}

/**
 * The whole archive: header, root directory, metadata, leaf directories, tile data (in tile-id
 * order; identical tiles are stored once, consecutive ones as one run).
 */
export function writeArchive(tiles: readonly TileInput[], options: ArchiveOptions): { bytes: Uint8Array; stats: ArchiveStats } {
  if (tiles.length === 0) throw new Error('no tiles');
  const sorted = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), t })).sort((a, b) => a.id - b.id);
  const entries: DirEntry[] = [];
  const blobs: Uint8Array[] = [];
  const seen = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  let lastHash = '';
  for (const { id, t } of sorted) {
    const prev = entries.at(-1);
    if (prev && prev.tileId === id) throw new Error(`duplicate tile ${t.z}/${t.x}/${t.y}`);
    const hash = createHash('sha256').update(t.data).digest('hex');
    if (prev && hash === lastHash && prev.tileId + prev.runLength === id) {
      prev.runLength++;
      continue;
    }
    let at = seen.get(hash);
    if (!at) {
      at = { offset: dataLength, length: t.data.length };
      seen.set(hash, at);
      blobs.push(t.data);
      dataLength += t.data.length;
    }
    entries.push({ tileId: id, offset: at.offset, length: at.length, runLength: 1 });
    lastHash = hash;
  }
  const { root, leaves, count } = buildDirectories(entries, options.internalCompression);
  const metadata = compress(new TextEncoder().encode(JSON.stringify(options.metadata)), options.internalCompression);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  const zooms = sorted.map((s) => s.t.z);
  const head = header({
    rootOffset,
    rootLength: root.length,
    metadataOffset,
    metadataLength: metadata.length,
    leafOffset,
    leafLength: leaves.length,
    dataOffset,
    dataLength,
    addressed: sorted.length,
    entries: entries.length,
    contents: blobs.length,
    options,
    minZoom: zooms.reduce((a, b) => Math.min(a, b)),
    maxZoom: zooms.reduce((a, b) => Math.max(a, b)),
  });
  const bytes = Buffer.concat([head, root, metadata, leaves, ...blobs]);
  return {
    bytes,
    stats: {
      addressedTiles: sorted.length,
      tileEntries: entries.length,
      tileContents: blobs.length,
      rootBytes: root.length,
      leafBytes: leaves.length,
      leaves: count,
      metadataBytes: metadata.length,
      tileDataBytes: dataLength,
    },
  };
}
