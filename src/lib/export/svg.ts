import { legendSvg } from '../map/symbols';
import type { MapDrawing } from './drawing';
import { EXPORT_FONT_STACK } from './fonts';
import type { Measure } from './measure';
import type { Op } from './layout';
import { esc } from './svg-util';

const n = (v: number) => String(Math.round(v * 100) / 100);

/** The legend swatch of a layer as a group scaled into a box (the same SVG the on-screen legend shows). */
function swatch(op: Extract<Op, { kind: 'swatch' }>): string {
  const svg = legendSvg(op.layer);
  const [, w, h] = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/)!.map(Number) as [number, number, number];
  const s = Math.min(op.w / w, op.h / h);
  const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
  return `<g id="legend-swatch-${op.layer}" transform="translate(${n(op.x + (op.w - w * s) / 2)} ${n(op.y + (op.h - h * s) / 2)}) scale(${n(s)})">${inner}</g>`;
}

/**
 * The width a text takes in the embedded Noto Sans, as `textLength` with `lengthAdjust`: a renderer
 * without the font (librsvg ignores `@font-face`) squeezes its fallback font into the same width
 * instead of running past the frame's margin. Not for a single character (a callout's number):
 * there is no gap to adjust, and svg2pdf.js divides by the gaps' count, writing an infinite
 * character spacing that breaks the PDF page.
 */
function fitted(op: Extract<Op, { kind: 'text' }>, measure?: Measure): string {
  return measure && [...op.text].length > 1 ? ` textLength="${n(measure(op.text, op.size, op.bold))}" lengthAdjust="spacingAndGlyphs"` : '';
}

/** One layout operation as SVG, its text held to its measured width when `measure` is given; the map is drawn separately. */
export function opSvg(op: Op, measure?: Measure): string {
  switch (op.kind) {
    case 'rect':
      return `<rect x="${n(op.x)}" y="${n(op.y)}" width="${n(op.w)}" height="${n(op.h)}" fill="${op.fill}"${op.stroke ? ` stroke="${op.stroke}"` : ''}${op.opacity !== undefined ? ` fill-opacity="${op.opacity}"` : ''}/>`;
    case 'line':
      return `<line x1="${n(op.x1)}" y1="${n(op.y1)}" x2="${n(op.x2)}" y2="${n(op.y2)}" stroke="${op.color}" stroke-width="${n(op.width)}"/>`;
    case 'text':
      return `<text class="${op.role}" x="${n(op.x)}" y="${n(op.y)}" font-family="${EXPORT_FONT_STACK}" font-size="${n(op.size)}" font-weight="${op.bold ? 700 : 400}" fill="${op.color}"${op.anchor === 'end' ? ' text-anchor="end"' : ''}${fitted(op, measure)}>${esc(op.text)}</text>`;
    case 'swatch':
      return swatch(op);
    case 'overlay':
      return `<g transform="translate(${n(op.x)} ${n(op.y)})">${op.svg}</g>`;
    case 'map':
      return '';
  }
}

/** What the vector document needs: the frame's operations and the map drawn. */
export interface SvgInput {
  width: number;
  height: number;
  ops: Op[];
  drawing: MapDrawing;
  title: string;
  description: string;
  /** Widths of the frame's text in the embedded font (see {@link opSvg}). */
  measure?: Measure;
}

/**
 * The whole export as an SVG document: the map's layers as paths in Web Mercator (each group
 * `data-layer` naming its style layer), labels and every burned-in text as `<text>`, callouts and
 * insets over the map, all clipped to the map's frame.
 */
export function buildSvg(input: SvgInput): string {
  const { ops, width, height, drawing } = input;
  const map = ops.find((op): op is Extract<Op, { kind: 'map' }> => op.kind === 'map')!;
  const mapIndex = ops.indexOf(map);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${EXPORT_FONT_STACK}">`,
    `<title>${esc(input.title)}</title>`,
    `<desc>${esc(input.description)}</desc>`,
    `<defs><clipPath id="map-clip"><rect x="0" y="0" width="${n(map.w)}" height="${n(map.h)}"/></clipPath></defs>`,
    `<g id="frame">${ops.slice(0, mapIndex).map((op) => opSvg(op, input.measure)).join('\n')}</g>`,
    `<g id="map" transform="translate(${n(map.x)} ${n(map.y)})" clip-path="url(#map-clip)">`,
    `<g id="layers">${drawing.layers.join('\n')}</g>`,
    `<g id="label-halos">${drawing.labels.halos}</g>`,
    `<g id="labels">${drawing.labels.texts}</g>`,
    `<g id="callouts">${drawing.labels.badges}</g>`,
    `<g id="insets">${drawing.insets.map((i) => i.svg).join('\n')}</g>`,
    `</g>`,
    `<g id="frame-over-map">${ops.slice(mapIndex + 1).map((op) => opSvg(op, input.measure)).join('\n')}</g>`,
    `</svg>`
  ].join('\n');
}
