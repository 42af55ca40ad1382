import type { Box } from './svg-util';

/** Where a label set along a line could go: its centre, its angle (degrees, upright) and its box. */
export interface LineSpot {
  center: [number, number];
  angle: number;
  box: Box;
  /** Distance along the line to the centre, in pixels. */
  along: number;
}

/** The largest distance, in pixels, the line may stray from a label's baseline chord. */
const MAX_BEND = 3;

/** The point at a distance along a polyline, or null past either end. */
function pointAt(points: readonly [number, number][], cumulative: readonly number[], d: number): [number, number] | null {
  if (d < 0 || d > cumulative.at(-1)!) return null;
  let i = 1;
  while (i < points.length - 1 && cumulative[i]! < d) i++;
  const [a, b] = [points[i - 1]!, points[i]!];
  const len = cumulative[i]! - cumulative[i - 1]!;
  const t = len === 0 ? 0 : (d - cumulative[i - 1]!) / len;
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Distance from a point to the line through a and b. */
function offLine(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = Math.hypot(dx, dy);
  return len === 0 ? Math.hypot(p[0] - a[0], p[1] - a[1]) : Math.abs(dx * (p[1] - a[1]) - dy * (p[0] - a[0])) / len;
}

/** The axis-aligned box of a `w` × `h` rectangle centred at `c` and turned by `angle` degrees. */
export function turnedBox(c: [number, number], w: number, h: number, angle: number): Box {
  const [cos, sin] = [Math.abs(Math.cos((angle * Math.PI) / 180)), Math.abs(Math.sin((angle * Math.PI) / 180))];
  const [hw, hh] = [(w * cos + h * sin) / 2, (w * sin + h * cos) / 2];
  return [c[0] - hw, c[1] - hh, c[0] + hw, c[1] + hh];
}

/**
 * Places where a straight label `w` px long fits along a projected line, every `step` px: the
 * chord under the label must stay within {@link MAX_BEND} px of the line, as MapLibre keeps a
 * label off sharp bends (`text-max-angle`). Text is kept upright (angles within ±90°). Only
 * spots centred in `within` are returned.
 */
export function lineSpots(points: readonly [number, number][], w: number, h: number, step: number, within: Box): LineSpot[] {
  if (points.length < 2 || w <= 0) return [];
  const cumulative = [0];
  for (let i = 1; i < points.length; i++) cumulative.push(cumulative[i - 1]! + Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]));
  const spots: LineSpot[] = [];
  for (let along = w / 2; along <= cumulative.at(-1)! - w / 2; along += step) {
    const mid = pointAt(points, cumulative, along)!;
    if (mid[0] < within[0] || mid[1] < within[1] || mid[0] > within[2] || mid[1] > within[3]) continue;
    const [a, b] = [pointAt(points, cumulative, along - w / 2), pointAt(points, cumulative, along + w / 2)];
    if (!a || !b || Math.hypot(b[0] - a[0], b[1] - a[1]) < w * 0.95) continue;
    const inner = points.filter((_, i) => cumulative[i]! > along - w / 2 && cumulative[i]! < along + w / 2);
    if (inner.some((p) => offLine(p, a, b) > MAX_BEND)) continue;
    let angle = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle <= -90) angle += 180;
    const center: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    spots.push({ center, angle, box: turnedBox(center, w, h, angle), along });
  }
  return spots;
}
