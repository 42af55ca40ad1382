import { legendSvg } from '../map/symbols';
import { EXPORT_FONT } from './fonts';
import type { Measure, Op } from './layout';
import { projector, type Camera } from './mercator';
import { basemapLabels, basemapShapes, type BasemapData } from './svg-basemap';
import { storyLabelElements, storyShapes, type StorySvgInput } from './svg-story';
import { esc, Placement } from './svg-util';

const n = (v: number) => String(Math.round(v * 100) / 100);

/** The legend swatch of a layer as a group scaled into a box (the same SVG the on-screen legend shows). */
function swatch(op: Extract<Op, { kind: 'swatch' }>): string {
  const svg = legendSvg(op.layer);
  const [, w, h] = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/)!.map(Number) as [number, number, number];
  const s = Math.min(op.w / w, op.h / h);
  const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
  return `<g id="legend-swatch-${op.layer}" transform="translate(${n(op.x + (op.w - w * s) / 2)} ${n(op.y + (op.h - h * s) / 2)}) scale(${n(s)})">${inner}</g>`;
}

/** One layout operation as SVG; the map is drawn separately. */
export function opSvg(op: Op): string {
  switch (op.kind) {
    case 'rect':
      return `<rect x="${n(op.x)}" y="${n(op.y)}" width="${n(op.w)}" height="${n(op.h)}" fill="${op.fill}"${op.stroke ? ` stroke="${op.stroke}"` : ''}${op.opacity !== undefined ? ` fill-opacity="${op.opacity}"` : ''}/>`;
    case 'line':
      return `<line x1="${n(op.x1)}" y1="${n(op.y1)}" x2="${n(op.x2)}" y2="${n(op.y2)}" stroke="${op.color}" stroke-width="${n(op.width)}"/>`;
    case 'text':
      return `<text class="${op.role}" x="${n(op.x)}" y="${n(op.y)}" font-family="${EXPORT_FONT}" font-size="${n(op.size)}" font-weight="${op.bold ? 700 : 400}" fill="${op.color}"${op.anchor === 'end' ? ' text-anchor="end"' : ''}>${esc(op.text)}</text>`;
    case 'swatch':
      return swatch(op);
    case 'map':
      return '';
  }
}

/** What the vector document needs beyond the layout. */
export interface SvgInput extends Omit<StorySvgInput, 'zoom' | 'project'> {
  width: number;
  height: number;
  ops: Op[];
  camera: Camera;
  basemap: BasemapData;
  measure: Measure;
  title: string;
  description: string;
}

/**
 * The whole export as an SVG document: the basemap and story layers as paths in Web Mercator,
 * labels and every burned-in text as `<text>`, the map clipped to its frame.
 */
export function buildSvg(input: SvgInput): string {
  const { camera, ops, width, height } = input;
  const map = ops.find((op): op is Extract<Op, { kind: 'map' }> => op.kind === 'map')!;
  const project = projector(camera);
  const placement = new Placement(camera.width, camera.height);
  const story = { ...input, zoom: camera.zoom, project };
  const shapes = basemapShapes(input.basemap, input.theme, camera.zoom, project, camera.width, camera.height);
  const primaryLabels = storyLabelElements(story, placement, input.measure, true);
  const storySvg = storyShapes(story, placement);
  const otherLabels = storyLabelElements(story, placement, input.measure, false);
  const storyLabels = { halos: [...primaryLabels.halos, ...otherLabels.halos], texts: [...primaryLabels.texts, ...otherLabels.texts] };
  const baseLabels = basemapLabels(input.basemap, input.theme, camera.zoom, project, camera.width, camera.height, placement, input.measure);
  const mapIndex = ops.indexOf(map);
  const before = ops.slice(0, mapIndex).map(opSvg);
  const after = ops.slice(mapIndex + 1).map(opSvg);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}">`,
    `<title>${esc(input.title)}</title>`,
    `<desc>${esc(input.description)}</desc>`,
    `<defs><clipPath id="map-clip"><rect x="0" y="0" width="${n(map.w)}" height="${n(map.h)}"/></clipPath></defs>`,
    `<g id="frame">${before.join('\n')}</g>`,
    `<g id="map" transform="translate(${n(map.x)} ${n(map.y)})" clip-path="url(#map-clip)">`,
    `<g id="basemap">${shapes}</g>`,
    `<g id="story">${storySvg}</g>`,
    `<g id="label-halos">${[...baseLabels.halos, ...storyLabels.halos].join('\n')}</g>`,
    `<g id="labels">${[...baseLabels.texts, ...storyLabels.texts].join('\n')}</g>`,
    `</g>`,
    `<g id="frame-over-map">${after.join('\n')}</g>`,
    `</svg>`
  ].join('\n');
}
