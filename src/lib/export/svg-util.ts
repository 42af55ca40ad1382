import bboxClip from '@turf/bbox-clip';
import type { Feature, Polygon, Position } from 'geojson';
import { escapeMarkup } from '../data/escape';

/** A projection from coordinates to map-frame pixels. */
export type Project = (lngLat: readonly number[]) => [number, number];

/** Escapes text for SVG content and attribute values. */
export const esc = escapeMarkup;

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

/** A ring clipped to the frame plus a margin (by the same clipper as the basemap build, @turf/bbox-clip). */
function clipRing(points: [number, number][], frame: Frame): [number, number][] {
  const ring: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [points] } };
  const clipped = bboxClip(ring, [-MARGIN, -MARGIN, frame.w + MARGIN, frame.h + MARGIN]).geometry;
  return clipped.type === 'Polygon' ? ((clipped.coordinates[0] ?? []) as [number, number][]) : [];
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
