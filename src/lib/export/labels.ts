import { EXPORT_FONT_STACK } from './fonts';
import type { Measure } from './measure';
import type { DrawnSymbol, LabelCandidate } from './svg-layers';
import { lineSpots, type LineSpot } from './line-labels';
import { esc, type Box, type Frame } from './svg-util';

/** A label placed in the map frame: its box and the centre its lines are set around. */
export interface PlacedLabel {
  candidate: LabelCandidate;
  box: Box;
  center: [number, number];
  lineHeight: number;
  /** Degrees the text is turned about its centre (a label along a line). */
  angle?: number;
}

/** A story place whose label found no free spot: a numbered badge at its symbol, and a key entry. */
export interface Callout {
  n: number;
  placeId: string;
  text: string;
  at: [number, number];
  badge: { x: number; y: number; r: number };
}

/** The outcome of label placement. */
export interface Placed {
  labels: PlacedLabel[];
  callouts: Callout[];
  /** The wrapped candidates of the callouts, by place (for a drawing with no key to set them anyway). */
  source?: LabelCandidate[];
}

/** Distance from a point to a box (0 inside it). */
export function boxDistance(box: Box, p: readonly number[]): number {
  const dx = Math.max(box[0] - p[0]!, 0, p[0]! - box[2]);
  const dy = Math.max(box[1] - p[1]!, 0, p[1]! - box[3]);
  return Math.hypot(dx, dy);
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
const grow = (b: Box, by: number): Box => [b[0] - by, b[1] - by, b[2] + by, b[3] + by];

/** The box of a label at one of MapLibre's text anchors, with its radial offset (corners at offset/√2 on each axis). */
export function anchorBox(at: [number, number], w: number, h: number, anchor: string, offset: number): Box {
  const diagonal = anchor.includes('-') ? offset / Math.SQRT2 : offset;
  const cx = anchor.endsWith('left') ? at[0] + diagonal + w / 2 : anchor.endsWith('right') ? at[0] - diagonal - w / 2 : at[0];
  const cy = anchor.startsWith('top') ? at[1] + diagonal + h / 2 : anchor.startsWith('bottom') ? at[1] - diagonal - h / 2 : at[1];
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

/**
 * Breaks lines wider than `text-max-width` at spaces into lines of about equal width, as MapLibre
 * balances them.
 */
export function wrapLines(c: LabelCandidate, measure: Measure): LabelCandidate {
  const lines = c.lines.flatMap((line) => {
    const max = c.maxWidth * line.size;
    const full = measure(line.text, line.size, c.bold);
    const words = line.text.split(' ');
    if (full <= max || words.length < 2) return [line];
    const target = full / Math.ceil(full / max);
    const out: string[] = [];
    let current = '';
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      if (current && measure(next, line.size, c.bold) > target * 1.1) {
        out.push(current);
        current = word;
      } else current = next;
    }
    if (current) out.push(current);
    return out.map((text) => ({ text, size: line.size }));
  });
  return { ...c, lines };
}

/** Width and height of a label's lines in CSS pixels. */
export function labelSize(c: LabelCandidate, measure: Measure): { w: number; h: number; lineHeight: number } {
  const widths = c.lines.map((l) => measure(l.text, l.size, c.bold) + c.spacing * l.size * Math.max(l.text.length - 1, 0));
  const lineHeight = c.lines[0]!.size * 1.15;
  return { w: Math.max(...widths), h: lineHeight * c.lines.length, lineHeight };
}

/**
 * Places labels greedily in MapLibre's order (higher layers first, then by sort key), never over a
 * drawn symbol or another label and never across the frame edge. A story label must also be nearer
 * its own symbol than any other story place's symbol, and no basemap label may sit nearer a story
 * symbol than its own point. A story label that finds no spot becomes a numbered callout.
 */
export function placeLabels(candidates: LabelCandidate[], symbols: DrawnSymbol[], frame: Frame, measure: Measure, forced: ReadonlySet<string> = new Set()): Placed {
  const order = [...new Set(candidates.map((c) => c.layerId))].reverse();
  const sorted = [...candidates].sort((a, b) => order.indexOf(a.layerId) - order.indexOf(b.layerId) || a.sortKey - b.sortKey);
  const story = symbols.filter((s) => s.story);
  const taken: { box: Box; owner: string | null }[] = symbols.map((s) => ({ box: s.box, owner: s.placeId }));
  const labels: PlacedLabel[] = [];
  const failed: LabelCandidate[] = [];
  const seen = new Set<string>();
  /** The centres of the line labels placed so far, by layer and text: a name is not repeated within `symbol-spacing`. */
  const alongPlaced = new Map<string, [number, number][]>();
  for (const unwrapped of sorted) {
    const c = unwrapped.along ? unwrapped : wrapLines(unwrapped, measure);
    if (c.story && c.placeId && seen.has(c.placeId)) continue;
    if (c.story && c.placeId) seen.add(c.placeId);
    if (c.story && c.placeId && forced.has(c.placeId)) {
      failed.push(c);
      continue;
    }
    const { w, h, lineHeight } = labelSize(c, measure);
    const fits = (box: Box, at = c.at) => {
      if (box[0] < 0 || box[1] < 0 || box[2] > frame.w || box[3] > frame.h) return false;
      const padded = grow(box, c.padding);
      if (taken.some((t) => (t.owner === null || t.owner !== c.placeId) && overlaps(padded, t.box))) return false;
      const own = boxDistance(box, at);
      return story.every((s) => (c.story && s.placeId === c.placeId) || own < boxDistance(box, s.at));
    };
    if (c.along) {
      const key = `${c.layerId}|${c.lines.map((l) => l.text).join('\n')}`;
      const same = (alongPlaced.get(key) ?? alongPlaced.set(key, []).get(key))!;
      for (const spot of alongSpots(c, w, h, frame, (box, at) => fits(box, at) && same.every((p) => Math.hypot(p[0] - at[0], p[1] - at[1]) >= c.along!.spacing))) {
        same.push(spot.center);
        taken.push({ box: spot.box, owner: c.placeId });
        labels.push({ candidate: { ...c, at: spot.center }, box: spot.box, center: spot.center, lineHeight, angle: spot.angle });
      }
      continue;
    }
    const box = c.anchors.map((a) => anchorBox(c.at, w, h, a, c.offsetPx)).find((b) => fits(b));
    if (box) {
      taken.push({ box, owner: c.placeId });
      labels.push({ candidate: c, box, center: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2], lineHeight });
    } else if (c.story && c.placeId) failed.push(c);
  }
  const callouts = failed.map((c, i) => callout(c, i + 1, frame));
  return { labels, callouts, source: failed };
}

/**
 * The spots a line label takes along its line: each where it fits, at least `symbol-spacing`
 * apart (along the line and straight), as MapLibre repeats a label along a long line.
 */
function alongSpots(c: LabelCandidate, w: number, h: number, frame: Frame, fits: (box: Box, at: [number, number]) => boolean): LineSpot[] {
  const chosen: LineSpot[] = [];
  const spots = lineSpots(c.along!.path, w, h, Math.max(4, h / 2), [0, 0, frame.w, frame.h]);
  const spacing = c.along!.spacing;
  for (const spot of spots) {
    if (chosen.some((s) => spot.along - s.along < spacing || Math.hypot(spot.center[0] - s.center[0], spot.center[1] - s.center[1]) < spacing)) continue;
    if (fits(spot.box, spot.center)) chosen.push(spot);
  }
  return chosen;
}

function callout(c: LabelCandidate, n: number, frame: Frame): Callout {
  const r = Math.max(7, c.lines[0]!.size * 0.62);
  const d = r + 6;
  const spots: [number, number][] = [[d, -d], [-d, -d], [d, d], [-d, d]].map(([dx, dy]) => [c.at[0] + dx!, c.at[1] + dy!]);
  const fit = spots.find(([x, y]) => x - r >= 0 && y - r >= 0 && x + r <= frame.w && y + r <= frame.h) ?? spots[0]!;
  return { n, placeId: c.placeId!, text: c.lines.map((l) => l.text).join(' / '), at: c.at, badge: { x: fit[0], y: fit[1], r } };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

function tspans(p: PlacedLabel): string {
  const top = p.center[1] - (p.lineHeight * p.candidate.lines.length) / 2;
  return p.candidate.lines
    .map((l, i) => `<tspan x="${r1(p.center[0])}" y="${r1(top + p.lineHeight * i + l.size * 0.88)}" font-size="${r1(l.size)}">${esc(l.text)}</tspan>`)
    .join('');
}

/** The placed labels and callout badges as SVG: halos under every text, story elements with `data-place-id`. */
export function labelsSvg(placed: Placed, colors: { text: string; halo: string; badge: string }): { halos: string; texts: string; badges: string } {
  const halos: string[] = [];
  const texts: string[] = [];
  for (const p of placed.labels) {
    const c = p.candidate;
    const common = `font-family="${EXPORT_FONT_STACK}" font-weight="${c.bold ? 700 : 400}" text-anchor="middle"${c.spacing ? ` letter-spacing="${r1(c.spacing * c.lines[0]!.size)}"` : ''}`;
    const place = c.story && c.placeId ? ` data-place-id="${esc(c.placeId)}"` : '';
    const turn = p.angle ? ` transform="rotate(${r1(p.angle)} ${r1(p.center[0])} ${r1(p.center[1])})"` : '';
    halos.push(`<text class="halo" ${common} fill="none" stroke="${c.halo}" stroke-width="${r1(c.haloWidth * 2)}" stroke-linejoin="round"${turn} aria-hidden="true">${tspans(p)}</text>`);
    texts.push(`<text class="label${c.story ? ' story-label' : ''}" data-layer="${c.layerId}"${place} ${common} fill="${c.color}"${turn}>${tspans(p)}</text>`);
  }
  const badges = placed.callouts.map(
    (c) =>
      `<g class="callout" data-place-id="${esc(c.placeId)}"><line x1="${r1(c.at[0])}" y1="${r1(c.at[1])}" x2="${r1(c.badge.x)}" y2="${r1(c.badge.y)}" stroke="${colors.text}" stroke-width="1"/>` +
      `<circle cx="${r1(c.badge.x)}" cy="${r1(c.badge.y)}" r="${r1(c.badge.r)}" fill="${colors.badge}" stroke="${colors.text}" stroke-width="1"/>` +
      `<text x="${r1(c.badge.x)}" y="${r1(c.badge.y + c.badge.r * 0.42)}" font-family="${EXPORT_FONT_STACK}" font-weight="700" font-size="${r1(c.badge.r * 1.2)}" text-anchor="middle" fill="${colors.text}">${c.n}</text></g>`
  );
  return { halos: halos.join('\n'), texts: texts.join('\n'), badges: badges.join('\n') };
}
