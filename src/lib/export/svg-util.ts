import type { Position } from 'geojson';
import { EXPORT_FONT } from './fonts';
import type { Measure } from './layout';

/** A projection from coordinates to map-frame pixels. */
export type Project = (lngLat: readonly number[]) => [number, number];

/** Escapes text for SVG content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r = (n: number) => Math.round(n * 10) / 10;

/** SVG path data of a line, dropping points under half a pixel from the last one kept. */
export function linePath(coords: Position[], project: Project, closed = false): string {
  let d = '';
  let last: [number, number] | null = null;
  coords.forEach((c, i) => {
    const p = project(c);
    if (last && i < coords.length - 1 && Math.hypot(p[0] - last[0], p[1] - last[1]) < 0.5) return;
    d += `${last ? 'L' : 'M'}${r(p[0])} ${r(p[1])}`;
    last = p;
  });
  return closed && d ? `${d}Z` : d;
}

/** SVG path data of a polygon or multipolygon (rings as subpaths; fill-rule evenodd makes holes). */
export function polygonPath(rings: Position[][], project: Project): string {
  return rings.map((ring) => linePath(ring, project, true)).join('');
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
export type Anchor = 'center' | 'left' | 'right' | 'top' | 'bottom' | 'top-right' | 'bottom-right';

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
    const cx = anchor === 'left' ? at[0] + off + w / 2 : anchor === 'right' || anchor.endsWith('-right') ? at[0] - off - w / 2 : at[0];
    const cy = anchor === 'top' || anchor === 'top-right' ? at[1] + off + h / 2 : anchor === 'bottom' || anchor === 'bottom-right' ? at[1] - off - h / 2 : at[1];
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
