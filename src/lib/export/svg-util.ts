import type { Position } from 'geojson';

/** A projection from coordinates to map-frame pixels. */
export type Project = (lngLat: readonly number[]) => [number, number];

/** Escapes text for SVG content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r = (n: number) => Math.round(n * 10) / 10;

/** The frame paths are clipped to (pixels, with a margin so strokes end outside the visible map). */
export type Frame = { w: number; h: number };
const MARGIN = 8;

function pathOf(points: [number, number][], closed: boolean): string {
  let d = '';
  let last: [number, number] | null = null;
  points.forEach((p, i) => {
    if (last && i < points.length - 1 && Math.hypot(p[0] - last[0], p[1] - last[1]) < 0.5) return;
    d += `${last ? 'L' : 'M'}${r(p[0])} ${r(p[1])}`;
    last = p;
  });
  return closed && d ? `${d}Z` : d;
}

/** SVG path data of a line, cut to the frame: runs of segments outside it are left out. */
export function linePath(coords: Position[], project: Project, frame?: Frame): string {
  const points = coords.map((c) => project(c));
  if (!frame) return pathOf(points, false);
  const [x0, y0, x1, y1] = [-MARGIN, -MARGIN, frame.w + MARGIN, frame.h + MARGIN];
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const out = Math.max(a[0], b[0]) < x0 || Math.min(a[0], b[0]) > x1 || Math.max(a[1], b[1]) < y0 || Math.min(a[1], b[1]) > y1;
    if (out) {
      if (run.length > 1) runs.push(run);
      run = [];
    } else {
      if (run.length === 0) run.push(a);
      run.push(b);
    }
  }
  if (run.length > 1) runs.push(run);
  return runs.map((p) => pathOf(p, false)).join('');
}

/** Sutherland–Hodgman: a ring clipped to the frame plus a margin. */
function clipRing(points: [number, number][], frame: Frame): [number, number][] {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= -MARGIN, (a, b) => cut(a, b, 0, -MARGIN)],
    [(p) => p[0] <= frame.w + MARGIN, (a, b) => cut(a, b, 0, frame.w + MARGIN)],
    [(p) => p[1] >= -MARGIN, (a, b) => cut(a, b, 1, -MARGIN)],
    [(p) => p[1] <= frame.h + MARGIN, (a, b) => cut(a, b, 1, frame.h + MARGIN)]
  ];
  let ring = points;
  for (const [keep, cross] of edges) {
    const next: [number, number][] = [];
    ring.forEach((p, i) => {
      const prev = ring[(i + ring.length - 1) % ring.length]!;
      if (keep(p)) {
        if (!keep(prev)) next.push(cross(prev, p));
        next.push(p);
      } else if (keep(prev)) next.push(cross(prev, p));
    });
    ring = next;
    if (ring.length === 0) break;
  }
  return ring;
}

function cut(a: [number, number], b: [number, number], axis: 0 | 1, at: number): [number, number] {
  const t = (at - a[axis]) / (b[axis] - a[axis]);
  return axis === 0 ? [at, a[1] + (b[1] - a[1]) * t] : [a[0] + (b[0] - a[0]) * t, at];
}

/** SVG path data of a polygon (rings as subpaths; fill-rule evenodd makes holes), clipped to the frame. */
export function polygonPath(rings: Position[][], project: Project, frame?: Frame): string {
  return rings
    .map((ring) => {
      const points = ring.map((c) => project(c));
      const clipped = frame ? clipRing(points, frame) : points;
      return clipped.length > 2 ? pathOf(clipped, true) : '';
    })
    .join('');
}

/** A box in frame pixels: left, top, right, bottom. */
export type Box = [number, number, number, number];
