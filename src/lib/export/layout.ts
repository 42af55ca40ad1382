import type { LayerId } from '../data/types';
import type { Theme } from '../map/basemap';
import type { SourceEntry } from './content';
import { roomy, type Measure } from './measure';

/** A rectangle in CSS pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One drawing instruction; raster and SVG output draw the same list. Text `y` is the baseline. */
export type Op =
  | ({ kind: 'rect'; fill: string; stroke?: string; opacity?: number } & Rect)
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold: boolean; color: string; anchor?: 'start' | 'end'; role: string }
  | ({ kind: 'swatch'; layer: LayerId } & Rect)
  | ({ kind: 'map' } & Rect)
  /** SVG markup drawn over the map in raster exports (insets, callouts), in map-frame pixels. */
  | ({ kind: 'overlay'; svg: string } & Rect);

/** What the frame around the map shows. */
export interface FrameContent {
  title: string;
  subtitle: string;
  legend: { layer: LayerId; title: string }[];
  sources: SourceEntry[];
  /** Story places shown by a numbered callout instead of a label, listed as a key. */
  callouts?: { n: number; text: string }[];
  attribution: string;
  permalink: string;
}

/** The frame laid out: where the map goes, the drawing list, the base font size. */
export interface Layout {
  map: Rect;
  ops: Op[];
  base: number;
}

/** Frame colours per theme. */
export function frameColors(theme: Theme): { background: string; text: string; muted: string; rule: string } {
  return theme === 'dark'
    ? { background: '#15171c', text: '#f4f1ec', muted: '#b5b3ae', rule: '#3a3d44' }
    : { background: '#ffffff', text: '#1b1b1f', muted: '#55534f', rule: '#d9d6d0' };
}

/** Breaks a text into lines no wider than `max`; words longer than a line (URLs) are cut. */
export function wrap(text: string, max: number, size: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    const next = line ? `${line} ${word}` : word;
    if (measure(next, size, bold) <= max) line = next;
    else if (line && measure(word, size, bold) <= max) {
      lines.push(line);
      line = word;
    } else {
      let rest = next;
      while (measure(rest, size, bold) > max) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut), size, bold) > max) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
  };
  for (const word of text.split(/\s+/).filter(Boolean)) push(word);
  if (line) lines.push(line);
  return lines;
}

/** The base font size for a frame: legible from a phone-sized image to a page. */
export function baseSize(width: number, height: number): number {
  return Math.max(9, Math.min(26, Math.min(width, height * 1.5) / 72));
}

interface Block {
  ops: Op[];
  height: number;
}

function textBlock(lines: string[], x: number, y: number, size: number, bold: boolean, color: string, role: string): Block {
  const lh = size * 1.3;
  const ops: Op[] = lines.map((text, i) => ({ kind: 'text', x, y: y + size + i * lh, text, size, bold, color, role }));
  return { ops, height: lines.length * lh };
}

/** Legend and sources stacked in a column of width `w`. */
function panel(content: FrameContent, x: number, y: number, w: number, f: number, theme: Theme, measure: Measure): Block {
  const c = frameColors(theme);
  const ops: Op[] = [];
  let at = y;
  const heading = (text: string, role: string) => {
    const b = textBlock([text.toUpperCase()], x, at, 0.8 * f, true, c.muted, role);
    ops.push(...b.ops);
    at += b.height + 0.35 * f;
  };
  if (content.legend.length > 0) {
    heading('Layers', 'legend-heading');
    for (const entry of content.legend) {
      const sw = 1.9 * f;
      ops.push({ kind: 'swatch', layer: entry.layer, x, y: at, w: sw, h: 1.25 * f });
      const b = textBlock(wrap(entry.title, w - sw - 0.6 * f, f, false, measure), x + sw + 0.6 * f, at - 0.05 * f, f, false, c.text, 'legend');
      ops.push(...b.ops);
      at += Math.max(b.height, 1.25 * f) + 0.3 * f;
    }
    at += 0.5 * f;
  }
  if (content.callouts && content.callouts.length > 0) {
    heading('Numbered places', 'callouts-heading');
    for (const entry of content.callouts) {
      ops.push({ kind: 'text', x, y: at + f, text: `${entry.n}`, size: f, bold: true, color: c.text, role: 'callout-number' });
      const b = textBlock(wrap(entry.text, w - 1.6 * f, f, false, measure), x + 1.6 * f, at, f, false, c.text, 'callout');
      ops.push(...b.ops);
      at += b.height + 0.2 * f;
    }
    at += 0.5 * f;
  }
  heading('Sources of the places shown', 'sources-heading');
  const size = 0.85 * f;
  if (content.sources.length === 0) {
    const b = textBlock(['No cited place is in view.'], x, at, size, false, c.muted, 'source');
    ops.push(...b.ops);
    at += b.height;
  }
  for (const s of content.sources) {
    const num = `${s.n}.`;
    const indent = 1.6 * size;
    ops.push({ kind: 'text', x, y: at + size, text: num, size, bold: true, color: c.text, role: 'source-number' });
    const b = textBlock(wrap(s.text, w - indent, size, false, measure), x + indent, at, size, false, c.text, 'source');
    ops.push(...b.ops);
    at += b.height + 0.3 * f;
  }
  return { ops, height: at - y };
}

function tryLayout(width: number, height: number, f: number, content: FrameContent, theme: Theme, measure: Measure): Layout | null {
  const c = frameColors(theme);
  const pad = f;
  const inner = width - 2 * pad;
  const ops: Op[] = [{ kind: 'rect', x: 0, y: 0, w: width, h: height, fill: c.background }];
  const title = textBlock(wrap(content.title, inner, 1.7 * f, true, measure).slice(0, 2), pad, pad * 0.8, 1.7 * f, true, c.text, 'title');
  const subtitleLines = content.subtitle ? wrap(content.subtitle, inner, 1.05 * f, false, measure).slice(0, 2) : [];
  const subtitle = textBlock(subtitleLines, pad, pad * 0.8 + title.height, 1.05 * f, false, c.muted, 'subtitle');
  ops.push(...title.ops, ...subtitle.ops);
  const top = pad * 0.8 + title.height + subtitle.height + 0.6 * f;
  const small = 0.72 * f;
  const footLines = [
    ...wrap(`Map data: ${content.attribution}`, inner, small, false, measure),
    ...wrap(`Permalink: ${content.permalink}`, inner, small, false, measure)
  ];
  const footHeight = footLines.length * small * 1.3 + 0.8 * pad;
  const side = width / height >= 1.25 && width >= 480;
  let map: Rect;
  if (side) {
    const pw = Math.min(Math.max(width * 0.3, 15 * f), 28 * f);
    map = { x: pad, y: top, w: width - 3 * pad - pw, h: height - top - footHeight - 0.4 * pad };
    const p = panel(content, width - pad - pw, top, pw, f, theme, measure);
    if (p.height > map.h) return null;
    ops.push(...p.ops);
  } else {
    const p = panel(content, pad, 0, inner, f, theme, measure);
    const mapH = height - top - footHeight - p.height - 1.2 * f;
    map = { x: pad, y: top, w: inner, h: mapH };
    ops.push(...p.ops.map((op) => (op.kind === 'text' || op.kind === 'swatch' ? { ...op, y: op.y + top + mapH + 0.8 * f } : op)));
  }
  if (map.h < Math.max(80, height * 0.3) || map.w < 80) return null;
  ops.push({ kind: 'map', ...map });
  ops.push({ kind: 'rect', ...map, fill: 'none', stroke: c.rule });
  const foot = textBlock(footLines, pad, height - footHeight + 0.2 * pad, small, false, c.muted, 'footer');
  ops.push(...foot.ops);
  return { map, ops, base: f };
}

/**
 * Lays out the frame: title and subtitle on top, the map, legend and numbered sources beside it
 * (wide frames) or under it, attribution and permalink at the foot. The font shrinks until
 * everything fits; nothing is dropped.
 */
export function layoutFrame(width: number, height: number, content: FrameContent, theme: Theme, measure: Measure): Layout {
  for (let f = baseSize(width, height); f >= 5; f *= 0.9) {
    const layout = tryLayout(width, height, f, content, theme, roomy(measure));
    if (layout) return layout;
  }
  throw new Error(`a ${Math.round(width)} × ${Math.round(height)} frame is too small for the title, legend and sources`);
}

/** A round length for a scale bar no longer than `maxMetres`. */
export function niceLength(maxMetres: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(maxMetres)));
  const first = maxMetres / power;
  return (first >= 5 ? 5 : first >= 2 ? 2 : 1) * power;
}

function scaleBar(map: Rect, metresPerPixel: number, f: number) {
  const metres = niceLength(metresPerPixel * Math.min(map.w * 0.25, 14 * f));
  const px = metres / metresPerPixel;
  const size = 0.8 * f;
  const x = map.x + 0.7 * f;
  const y = map.y + map.h - 0.7 * f;
  return { metres, px, size, x, y, box: { x: x - 0.4 * f, y: y - 2.2 * f, w: px + 0.8 * f + size * 4, h: 2.5 * f } };
}

/** The scale bar's box over the map (so labels keep clear of it). */
export function scaleBarBox(map: Rect, metresPerPixel: number, f: number): Rect {
  return scaleBar(map, metresPerPixel, f).box;
}

/** The scale bar in the map's lower left corner, for a map with `metresPerPixel` at its centre. */
export function scaleBarOps(map: Rect, metresPerPixel: number, f: number, theme: Theme): Op[] {
  const c = frameColors(theme);
  const { metres, px, size, x, y, box } = scaleBar(map, metresPerPixel, f);
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return [
    { kind: 'rect', ...box, fill: c.background, opacity: 0.85 },
    { kind: 'line', x1: x, y1: y - 0.4 * f, x2: x + px, y2: y - 0.4 * f, color: c.text, width: Math.max(1.5, 0.18 * f) },
    { kind: 'line', x1: x, y1: y - 0.9 * f, x2: x, y2: y - 0.4 * f, color: c.text, width: Math.max(1, 0.12 * f) },
    { kind: 'line', x1: x + px, y1: y - 0.9 * f, x2: x + px, y2: y - 0.4 * f, color: c.text, width: Math.max(1, 0.12 * f) },
    { kind: 'text', x: x + px + 0.4 * f, y: y - 0.4 * f, text: label, size, bold: true, color: c.text, role: 'scale' }
  ];
}
