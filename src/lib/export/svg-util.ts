import bboxClip from '@turf/bbox-clip';
import type { Feature, Polygon, Position } from 'geojson';
import { EXPORT_FONT } from './fonts';
import type { Measure } from './layout';
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

/** Linear interpolation over zoom stops, clamped at the ends, as MapLibre's `interpolate linear`. */
export function interpolate(zoom: number, stops: [number, number][]): number {
  if (zoom <= stops[0]![0]) return stops[0]![1];
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i]!;
    const [z0, v0] = stops[i - 1]!;
    if (zoom <= z1) return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
  }
  return stops[stops.length - 1]![1];
}

/** A box in frame pixels: left, top, right, bottom. */
export type Box = [number, number, number, number];

/** Greedy collision boxes: the first to claim a place keeps it, as MapLibre's placement does by priority. */
export class Placement {
  private boxes: Box[] = [];
  constructor(private width: number, private height: number) {}

  /** Claims the box if it is inside the frame and free; returns whether it did. */
  claim(box: Box, padding = 0): boolean {
    const [a, b, c, d] = [box[0] - padding, box[1] - padding, box[2] + padding, box[3] + padding];
    if (box[0] < 0 || box[1] < 0 || box[2] > this.width || box[3] > this.height) return false;
    if (this.boxes.some(([x0, y0, x1, y1]) => a < x1 && c > x0 && b < y1 && d > y0)) return false;
    this.boxes.push(box);
    return true;
  }

  /** Adds a box that blocks later labels without being checked (icons that may overlap). */
  block(box: Box): void {
    this.boxes.push(box);
  }
}

/** A label to place: lines of text, font, colours. */
export interface LabelSpec {
  lines: string[];
  size: number;
  bold: boolean;
  color: string;
  halo: string;
  haloWidth: number;
  /** Letter spacing in em. */
  spacing?: number;
  /** Size of later lines relative to the first. */
  laterScale?: number;
}

/** Where a label sits relative to its point, as MapLibre's text anchors. */
export type Anchor = 'center' | 'left' | 'right' | 'top' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/**
 * Places a label at the first anchor whose box is free (offset `offsetEm` from the point) and returns
 * its SVG halo and text elements, or null when every anchor collides.
 */
export function placeLabel(
  spec: LabelSpec,
  at: [number, number],
  anchors: Anchor[],
  offsetEm: number,
  placement: Placement,
  measure: Measure,
  id: string
): { halo: string; text: string } | null {
  const lh = spec.size * 1.15;
  const sizes = spec.lines.map((_, i) => (i === 0 ? spec.size : spec.size * (spec.laterScale ?? 1)));
  const widths = spec.lines.map((l, i) => measure(l, sizes[i]!, spec.bold) + (spec.spacing ?? 0) * sizes[i]! * l.length);
  const w = Math.max(...widths);
  const h = lh * spec.lines.length;
  const off = offsetEm * spec.size;
  for (const anchor of anchors) {
    const cx = anchor.endsWith('left') ? at[0] + off + w / 2 : anchor.endsWith('right') ? at[0] - off - w / 2 : at[0];
    const cy = anchor.startsWith('top') ? at[1] + off + h / 2 : anchor.startsWith('bottom') ? at[1] - off - h / 2 : at[1];
    const box: Box = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
    if (!placement.claim(box, 2)) continue;
    const tspans = spec.lines
      .map((line, i) => `<tspan x="${r(cx)}" y="${r(cy - h / 2 + lh * i + sizes[i]! * 0.88)}" font-size="${r(sizes[i]!)}">${esc(line)}</tspan>`)
      .join('');
    const common = `font-family="${EXPORT_FONT}" font-weight="${spec.bold ? 700 : 400}" text-anchor="middle"${spec.spacing ? ` letter-spacing="${r(spec.spacing * spec.size)}"` : ''}`;
    return {
      halo: `<text ${common} fill="none" stroke="${spec.halo}" stroke-width="${r(spec.haloWidth * 2)}" stroke-linejoin="round" aria-hidden="true">${tspans}</text>`,
      text: `<text id="${esc(id)}" ${common} fill="${spec.color}">${tspans}</text>`
    };
  }
  return null;
}
