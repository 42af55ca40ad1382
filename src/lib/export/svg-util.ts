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

/** Liang–Barsky: the part of segment a–b inside the box, or null. */
function clipSegment(a: [number, number], b: [number, number], [x0, y0, x1, y1]: [number, number, number, number]): [[number, number], [number, number]] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, a[0] - x0], [dx, x1 - a[0]], [-dy, a[1] - y0], [dy, y1 - a[1]]] as const) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [[a[0] + t0 * dx, a[1] + t0 * dy], [a[0] + t1 * dx, a[1] + t1 * dy]];
}

/** SVG path data of a line, cut to the frame (plus a margin): segments are clipped, runs outside left out. */
export function linePath(coords: Position[], project: Project, frame?: Frame): string {
  const points = coords.map((c) => project(c));
  if (!frame) return pathOf(points, false);
  const box: [number, number, number, number] = [-MARGIN, -MARGIN, frame.w + MARGIN, frame.h + MARGIN];
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  for (let i = 1; i < points.length; i++) {
    const clipped = clipSegment(points[i - 1]!, points[i]!, box);
    if (!clipped) {
      if (run.length > 1) runs.push(run);
      run = [];
      continue;
    }
    const [a, b] = clipped;
    const last = run[run.length - 1];
    if (!last || last[0] !== a[0] || last[1] !== a[1]) {
      if (run.length > 1) runs.push(run);
      run = [a];
    }
    run.push(b);
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
