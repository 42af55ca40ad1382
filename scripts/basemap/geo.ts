import bboxClip from '@turf/bbox-clip';
import type { BBox, Feature, Geometry, LineString, Polygon, Position } from 'geojson';

/** A point as [lon, lat]. */
export type Pt = [number, number];
/** A ring or line as a list of [lon, lat]. */
export type Ring = Pt[];

/** The i-th point of a ring (indices are always in range where this is used). */
const at = (r: Ring, i: number): Pt => r[i]!;
/** A polygon as rings, the first one outer. */
export type Poly = Ring[];

/** Signed area of a ring in square degrees (positive when counter-clockwise). */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (at(ring, j)[0] - at(ring, i)[0]) * (at(ring, j)[1] + at(ring, i)[1]);
  }
  return sum / 2;
}

/** Winds a polygon the RFC 7946 way: outer ring counter-clockwise, holes clockwise. */
export function rewind(poly: Poly): Poly {
  return poly.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    const wantCcw = i === 0;
    return ccw === wantCcw ? ring : [...ring].reverse();
  });
}

/** Ray-casting point-in-ring test. */
export function pointInRing(pt: Pt, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = at(ring, i);
    const [xj, yj] = at(ring, j);
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * A simplification tolerance in degrees: one for everywhere, or one per point (finer where
 * the map zooms in, coarser elsewhere).
 */
export type Tolerance = number | ((p: Pt) => number);

/**
 * Douglas–Peucker simplification of a polyline. With a tolerance per point, each span keeps
 * the point that exceeds its own tolerance by the largest factor (the same choice as plain
 * Douglas–Peucker when the tolerance is one number).
 */
export function simplifyLine(points: Ring, tolerance: Tolerance): Ring {
  if (points.length <= 2 || (typeof tolerance === 'number' && tolerance <= 0)) return points;
  const tol = typeof tolerance === 'number' ? null : Float64Array.from(points, (p) => tolerance(p) ** 2);
  const sq = typeof tolerance === 'number' ? tolerance * tolerance : 0;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let maxR = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segDistSq(at(points, i), at(points, first), at(points, last));
      const r = tol ? (tol[i]! > 0 ? d / tol[i]! : Infinity) : d / sq;
      if (r > maxR) {
        maxR = r;
        index = i;
      }
    }
    if (index >= 0 && maxR > 1) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function segDistSq(p: Pt, a: Pt, b: Pt): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Simplifies a closed ring (keeping it closed); returns null when it collapses. */
export function simplifyRing(ring: Ring, tolerance: Tolerance, decimals: number): Ring | null {
  const open = ring.slice(0, -1);
  if (open.length < 3) return null;
  // Split the ring at its farthest point from the start so DP has two anchored halves.
  let far = 1;
  let farD = -1;
  for (let i = 1; i < open.length; i++) {
    const d = (at(open, i)[0] - at(open, 0)[0]) ** 2 + (at(open, i)[1] - at(open, 0)[1]) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const a = simplifyLine(open.slice(0, far + 1), tolerance);
  const b = simplifyLine([...open.slice(far), at(open, 0)], tolerance);
  const out = dedupe(roundAll([...a, ...b.slice(1)], decimals));
  if (out.length < 4) return null;
  const t = typeof tolerance === 'number' ? tolerance : tolerance(at(open, 0));
  if (Math.abs(signedArea(out)) < t * t) return null;
  return out;
}

/** Rounds every coordinate to `decimals` places. */
export function roundAll(points: Ring, decimals: number): Ring {
  const f = 10 ** decimals;
  return points.map(([x, y]): Pt => [Math.round(x * f) / f, Math.round(y * f) / f]);
}

/** Removes consecutive duplicate points. */
export function dedupe(points: Ring): Ring {
  const out: Ring = [];
  for (const p of points) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

const toRing = (r: Position[]): Ring => r.map((p): Pt => [p[0]!, p[1]!]);

/** Polygons of a geometry (empty for anything but Polygon and MultiPolygon). */
export function polygonsOf(g: Geometry | null | undefined): Poly[] {
  if (g?.type === 'Polygon') return [g.coordinates.map(toRing)];
  if (g?.type === 'MultiPolygon') return g.coordinates.map((p) => p.map(toRing));
  return [];
}

/** Lines of a geometry (empty for anything but LineString and MultiLineString). */
export function linesOf(g: Geometry | null | undefined): Ring[] {
  if (g?.type === 'LineString') return [toRing(g.coordinates)];
  if (g?.type === 'MultiLineString') return g.coordinates.map(toRing);
  return [];
}

/** Clips a polygon to a bbox (Sutherland–Hodgman), dropping empty rings and polygons. */
export function clipPolygon(poly: Poly, box: BBox): Poly[] {
  const f: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: poly } };
  const clipped = bboxClip(f, box).geometry;
  const out: Poly[] = [];
  for (const p of polygonsOf(clipped)) {
    const rings = p.filter((r) => r.length >= 4 && Math.abs(signedArea(r)) > 0);
    const outer = p[0];
    if (rings.length && outer && outer.length >= 4 && Math.abs(signedArea(outer)) > 0) out.push(rings);
  }
  return out;
}

/** Clips a line to a bbox, returning the pieces inside. */
export function clipLine(line: Ring, box: BBox): Ring[] {
  const f: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line } };
  const clipped = bboxClip(f, box).geometry;
  return linesOf(clipped).filter((l) => l.length >= 2);
}

/** Makes a ring continuous in longitude (no jumps of more than 180°). */
export function unwrap(ring: Ring): Ring {
  let shift = 0;
  return ring.map((p, i): Pt => {
    if (i > 0) {
      const d = p[0] - at(ring, i - 1)[0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    return [p[0] + shift, p[1]];
  });
}

function crosses(ring: Ring): boolean {
  for (let i = 1; i < ring.length; i++) if (Math.abs(at(ring, i)[0] - at(ring, i - 1)[0]) > 180) return true;
  return false;
}

/**
 * Splits a polygon whose rings jump across the antimeridian into pieces that each stay
 * within [-180, 180], so that a flat map draws no band across the world.
 */
export function fixAntimeridianPolygon(poly: Poly): Poly[] {
  if (!poly.some(crosses)) return [poly];
  const rings = poly.map(unwrap);
  const xs = rings.flat().map((p) => p[0]);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const out: Poly[] = [];
  for (let k = Math.floor((min + 180) / 360); k <= Math.floor((max + 180) / 360); k++) {
    const shifted = rings.map((r) => r.map(([x, y]): Pt => [x - k * 360, y]));
    out.push(...clipPolygon(shifted, [-180, -90, 180, 90]));
  }
  return out;
}

/** Splits a line wherever it jumps across the antimeridian. */
export function fixAntimeridianLine(line: Ring): Ring[] {
  const out: Ring[] = [];
  let cur: Ring = [];
  for (const p of line) {
    const q = cur[cur.length - 1];
    if (q && Math.abs(p[0] - q[0]) > 180) {
      if (cur.length > 1) out.push(cur);
      cur = [];
    }
    cur.push(p);
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

/** Great-circle distance in km. */
export function haversineKm(a: Pt, b: Pt): number {
  const r = Math.PI / 180;
  const dLat = (b[1] - a[1]) * r;
  const dLon = (b[0] - a[0]) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Joins line pieces that share end points (exactly, as GMT writes them at bin edges) into
 * longer lines. With `closed`, only rings that close are returned and the rest are reported.
 */
export function chainPieces(pieces: Ring[], closed: boolean): { chains: Ring[]; open: Ring[] } {
  const key = (p: Pt | undefined) => `${p?.[0]},${p?.[1]}`;
  const byStart = new Map<string, number[]>();
  pieces.forEach((p, i) => {
    const k = key(p[0]);
    byStart.set(k, [...(byStart.get(k) ?? []), i]);
  });
  const used = new Uint8Array(pieces.length);
  const chains: Ring[] = [];
  const open: Ring[] = [];
  const take = (k: string): number | undefined => {
    const list = byStart.get(k);
    const i = list?.find((j) => !used[j]);
    return i;
  };
  // For open lines, begin at pieces that no other piece leads into.
  const ends = new Set(pieces.map((p) => key(p[p.length - 1])));
  const order = closed
    ? pieces.map((_, i) => i)
    : [...pieces.keys()].sort((a, b) => Number(ends.has(key(pieces[a]?.[0]))) - Number(ends.has(key(pieces[b]?.[0]))));
  for (const i of order) {
    if (used[i]) continue;
    used[i] = 1;
    const chain = [...pieces[i]!];
    for (;;) {
      const endK = key(chain[chain.length - 1]);
      if (closed && endK === key(chain[0]) && chain.length > 3) break;
      const next = take(endK);
      if (next === undefined) break;
      used[next] = 1;
      chain.push(...pieces[next]!.slice(1));
    }
    const isClosed = key(chain[0]) === key(chain[chain.length - 1]);
    if (closed && !isClosed) {
      open.push(chain);
      continue;
    }
    chains.push(chain);
  }
  return { chains, open };
}
