import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry, Position } from 'geojson';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Reads a committed basemap file from geodata/basemap. */
export function readBasemap(name: string): FeatureCollection<Geometry, Record<string, unknown>> {
  return JSON.parse(readFileSync(`${ROOT}geodata/basemap/${name}`, 'utf8')) as FeatureCollection<Geometry, Record<string, unknown>>;
}

/** Reads a file of the repository as bytes. */
export function readRepoFile(path: string): Buffer {
  return readFileSync(`${ROOT}${path}`);
}

/** Polygons (as rings) of a Polygon or MultiPolygon. */
export function polygons(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** Every ring of every polygon of a geometry. */
export function rings(g: Geometry): Position[][] {
  return polygons(g).flat();
}

function inRing(pt: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > pt[1]! !== yj > pt[1]! && pt[0]! < ((xj - xi) * (pt[1]! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies inside the geometry's polygons (outside their holes). */
export function contains(g: Geometry, pt: Position): boolean {
  return polygons(g).some(([outer, ...holes]) => !!outer && inRing(pt, outer) && !holes.some((h) => inRing(pt, h)));
}

/**
 * The code points a TrueType font maps to glyphs, read from its `cmap` table
 * (subtable formats 4 and 12, which is what Noto Sans carries).
 */
export function fontCodePoints(font: Buffer): Set<number> {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const rec = 12 + i * 16;
    if (font.toString('latin1', rec, rec + 4) === 'cmap') cmap = font.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error('no cmap table');
  const out = new Set<number>();
  const count = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i++) {
    const sub = cmap + font.readUInt32BE(cmap + 4 + i * 8 + 4);
    const format = font.readUInt16BE(sub);
    if (format === 4) {
      const segX2 = font.readUInt16BE(sub + 6);
      const ends = sub + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const offsets = deltas + segX2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = font.readUInt16BE(ends + 2 * s);
        const start = font.readUInt16BE(starts + 2 * s);
        const delta = font.readInt16BE(deltas + 2 * s);
        const offset = font.readUInt16BE(offsets + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (offset === 0) glyph = (c + delta) & 0xffff;
          else {
            const g = font.readUInt16BE(offsets + 2 * s + offset + 2 * (c - start));
            glyph = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      const groups = font.readUInt32BE(sub + 12);
      for (let gi = 0; gi < groups; gi++) {
        const rec = sub + 16 + gi * 12;
        for (let c = font.readUInt32BE(rec); c <= font.readUInt32BE(rec + 4); c++) out.add(c);
      }
    }
  }
  return out;
}
