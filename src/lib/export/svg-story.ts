import type { Position } from 'geojson';
import type { LayerId, Model } from '../data/types';
import type { Theme } from '../map/basemap';
import corridors from 'virtual:route-corridors';
import { storyLabels, storyPoints, storyRoutes } from '../map/style/story-data';
import { LABEL_ANCHORS, storyText } from '../map/style/story';
import { ICON_SIZE, LAYER_SYMBOLS, STORY_COLORS, iconSvg } from '../map/symbols';
import type { Measure } from './layout';
import { geometryPath } from './svg-basemap';
import { esc, interpolate, placeLabel, type Placement, type Project } from './svg-util';

const zoomSize = (zoom: number, small: number, large: number) => interpolate(zoom, [[4, small], [10, large]]);

/** An icon's SVG markup as a group at a position, scaled, keeping its own shapes. */
export function iconGroup(name: string, x: number, y: number, scale: number, id: string): string {
  const inner = iconSvg(name).replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
  return `<g id="${esc(id)}" transform="translate(${x.toFixed(2)} ${y.toFixed(2)}) scale(${scale.toFixed(3)})">${inner}</g>`;
}

/** Where an icon's top-left corner goes for its anchor, and its box. */
function iconBox(name: string, anchor: 'center' | 'bottom-left', p: [number, number], scale: number) {
  const [w, h] = ICON_SIZE[name] ?? [16, 16];
  const x = anchor === 'center' ? p[0] - (w * scale) / 2 : p[0];
  const y = anchor === 'center' ? p[1] - (h * scale) / 2 : p[1] - h * scale;
  return { x, y, box: [x, y, x + w * scale, y + h * scale] as [number, number, number, number] };
}

/** Points along a projected line every `spacing` pixels, with the direction there in degrees. */
function alongLine(points: [number, number][], spacing: number): { p: [number, number]; angle: number }[] {
  const out: { p: [number, number]; angle: number }[] = [];
  let next = spacing / 2;
  let travelled = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    while (next <= travelled + len && len > 0) {
      const t = (next - travelled) / len;
      out.push({ p: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], angle: (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI });
      next += spacing;
    }
    travelled += len;
  }
  return out;
}

/** What the story part of the vector map needs. */
export interface StorySvgInput {
  model: Model;
  theme: Theme;
  visible: readonly LayerId[];
  selected: string | null;
  zoom: number;
  project: Project;
}

/**
 * The story layers as SVG, in the map style's order: route corridor, selected route, casing and
 * dashed line with arrows, the selection halo, then the icons. Icon boxes are claimed first so
 * labels make way for them, as on the map.
 */
export function storyShapes({ model, theme, visible, selected, zoom, project }: StorySvgInput, placement: Placement): string {
  const colors = storyText(theme);
  const out: string[] = [];
  if (visible.includes('escape-route')) {
    for (const f of corridors.features) {
      const d = geometryPath(f.geometry, project);
      out.push(`<path id="corridor-${f.properties.placeId}" d="${d}" fill="${STORY_COLORS.event}" fill-opacity="${theme === 'dark' ? 0.22 : 0.14}" fill-rule="evenodd" stroke="${STORY_COLORS.event}" stroke-opacity="0.45" stroke-width="1" stroke-dasharray="1 3"/>`);
    }
    for (const f of storyRoutes(model).features) {
      const d = geometryPath(f.geometry, project);
      const id = f.properties.placeId;
      if (id === selected) out.push(`<path d="${d}" fill="none" stroke="${colors.selected}" stroke-opacity="0.8" stroke-width="${zoomSize(zoom, 9, 14).toFixed(2)}" stroke-linecap="round" stroke-linejoin="round"/>`);
      out.push(`<path d="${d}" fill="none" stroke="${colors.halo}" stroke-opacity="0.85" stroke-width="${zoomSize(zoom, 4, 7).toFixed(2)}" stroke-linecap="round" stroke-linejoin="round"/>`);
      const width = zoomSize(zoom, 2, 4);
      out.push(`<path id="route-${id}" d="${d}" fill="none" stroke="${STORY_COLORS.event}" stroke-width="${width.toFixed(2)}" stroke-dasharray="${(2 * width).toFixed(2)} ${(1.5 * width).toFixed(2)}" stroke-linecap="round" stroke-linejoin="round"/>`);
      const scale = zoomSize(zoom, 0.7, 1);
      const projected = f.geometry.coordinates.map((c: Position) => project(c));
      for (const { p, angle } of alongLine(projected, 90)) {
        out.push(`<g transform="rotate(${angle.toFixed(1)} ${p[0].toFixed(1)} ${p[1].toFixed(1)})">${iconGroup('story-arrow', p[0] - 7 * scale, p[1] - 7 * scale, scale, `arrow-${id}-${out.length}`)}</g>`);
      }
    }
  }
  const selectedPlace = selected ? model.places.find((p) => p.id === selected) : undefined;
  if (selectedPlace && selectedPlace.geometry.type === 'Point' && selectedPlace.layers.some((l) => visible.includes(l))) {
    const [x, y] = project(selectedPlace.geometry.coordinates);
    out.push(`<circle id="selected-halo" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${zoomSize(zoom, 14, 20).toFixed(1)}" fill="${colors.selected}" fill-opacity="0.35" stroke="${colors.selected}" stroke-width="3"/>`);
  }
  const order: LayerId[] = ['khankendi', 'khojaly', 'baku-monument', 'escape-route', 'flag-raising-2023'];
  const scale = zoomSize(zoom, 0.8, 1.1);
  for (const layer of order.filter((l) => visible.includes(l))) {
    for (const f of storyPoints(model).features.filter((f) => f.properties.layer === layer)) {
      const { x, y, box } = iconBox(f.properties.icon, LAYER_SYMBOLS[layer].anchor, project(f.geometry.coordinates), scale);
      placement.block(box);
      out.push(iconGroup(f.properties.icon, x, y, scale, `icon-${layer}-${f.properties.placeId}`));
    }
  }
  return out.join('\n');
}

/**
 * The story labels, each once, for places with a visible layer: the main places' (`primary`),
 * placed before the icons claim their boxes as on the map, or the others, placed after.
 */
export function storyLabelElements({ model, theme, visible, zoom, project }: StorySvgInput, placement: Placement, measure: Measure, primary: boolean): { halos: string[]; texts: string[] } {
  const colors = storyText(theme);
  const halos: string[] = [];
  const texts: string[] = [];
  const features = storyLabels(model)
    .features.filter((f) => visible.some((l) => f.properties.layers.includes(`,${l},`)) && (f.properties.priority === 0) === primary)
    .sort((a, b) => a.properties.priority - b.properties.priority);
  for (const f of features) {
    const size = primary ? zoomSize(zoom, 13, 16) : zoomSize(zoom, 12, 15);
    const spec = { lines: f.properties.label.split('\n'), size, bold: true, color: colors.text, halo: colors.halo, haloWidth: 2 };
    const placed = placeLabel(spec, project(f.geometry.coordinates), [...LABEL_ANCHORS], 1.1, placement, measure, `label-${f.properties.placeId}`);
    if (placed) {
      halos.push(placed.halo);
      texts.push(placed.text);
    }
  }
  return { halos, texts };
}
