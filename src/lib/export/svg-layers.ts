import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { geometryBounds, linesOf, pointsOf, polygonsOf } from '../data/geojson';
import { ICON_SIZE, iconSvg } from '../map/symbols';
import { cssColor, globalStateOf, readLayer, textLines, type EvalFeature, type LayerReader } from './style-eval';
import { esc, linePath, polygonPath, type Box, type Frame, type Project } from './svg-util';

type AnyFeature = Feature<Geometry, Record<string, unknown>>;
/** Source id → its features: what a GeoJSON source's `data` holds (inline or loaded from its URL). */
export type SourceData = (sourceId: string) => FeatureCollection<Geometry, Record<string, unknown>> | null;

/** A symbol drawn on the map that labels must keep clear of and be nearest to (story icons, town dots). */
export interface DrawnSymbol {
  placeId: string | null;
  at: [number, number];
  box: Box;
  story: boolean;
}

/** A label the style asks for, before placement. */
export interface LabelCandidate {
  layerId: string;
  placeId: string | null;
  story: boolean;
  at: [number, number];
  lines: { text: string; size: number }[];
  bold: boolean;
  color: string;
  halo: string;
  haloWidth: number;
  spacing: number;
  uppercase: boolean;
  anchors: string[];
  offsetPx: number;
  padding: number;
  /** `text-max-width` in ems: longer lines break at spaces, as on the map. */
  maxWidth: number;
  sortKey: number;
  /** For a label set along a line (`symbol-placement: line`): the projected line, and `symbol-spacing`. */
  along?: { path: [number, number][]; spacing: number };
}

/** The map's layers drawn: SVG per layer, the symbols drawn, the labels to place. */
export interface DrawnLayers {
  svg: string[];
  /** The story's areas drawn (fill layers: the route's corridor, areas), each a polygon's rings in frame pixels. */
  areas: [number, number][][][];
  symbols: DrawnSymbol[];
  labels: LabelCandidate[];
}

const n = (v: number) => String(Math.round(v * 100) / 100);
const ICON_MARGIN = 40;

const geometryType = (g: Geometry): EvalFeature['type'] => (g.type.includes('Point') ? 1 : g.type.includes('LineString') ? 2 : 3);

function meets(g: Geometry, project: Project, frame: Frame, margin = 0): boolean {
  const [west, south, east, north] = geometryBounds(g);
  const [x0, y1] = project([west, south]);
  const [x1, y0] = project([east, north]);
  return x1 >= -margin && y1 >= -margin && x0 <= frame.w + margin && y0 <= frame.h + margin;
}

const inside = (p: [number, number], frame: Frame, margin = 0) => p[0] >= -margin && p[1] >= -margin && p[0] <= frame.w + margin && p[1] <= frame.h + margin;

/** Path data of a polygonal or linear geometry, cut to the frame. */
export function geometryPath(g: Geometry, project: Project, frame: Frame): string {
  if (g.type === 'Polygon') return polygonPath(g.coordinates, project, frame);
  if (g.type === 'MultiPolygon') return g.coordinates.map((p) => polygonPath(p, project, frame)).join('');
  if (g.type === 'LineString') return linePath(g.coordinates, project, frame);
  if (g.type === 'MultiLineString') return g.coordinates.map((l) => linePath(l, project, frame)).join('');
  return '';
}

const paintAttr = (name: string, value: unknown) => {
  const { color, opacity } = cssColor(value);
  return `${name}="${color}"${opacity < 1 ? ` ${name}-opacity="${opacity}"` : ''}`;
};

/** SVG attributes of a line layer for one feature, as MapLibre draws it (dashes in line widths). */
function lineAttrs(r: LayerReader, f: EvalFeature): string {
  const width = Number(r.paint('line-width', f));
  const opacity = Number(r.paint('line-opacity', f));
  const dash = r.paint('line-dasharray', f) as number[] | undefined;
  const { color, opacity: alpha } = cssColor(r.paint('line-color', f));
  const o = Math.round(opacity * alpha * 1000) / 1000;
  return [
    `fill="none" stroke="${color}" stroke-width="${n(width)}"`,
    o < 1 ? `stroke-opacity="${o}"` : '',
    dash && dash.length > 1 ? `stroke-dasharray="${dash.map((d) => n(d * width)).join(' ')}"` : '',
    `stroke-linecap="${r.layout('line-cap', f)}" stroke-linejoin="${r.layout('line-join', f)}"`
  ].filter(Boolean).join(' ');
}

function circleAttrs(r: LayerReader, f: EvalFeature): { radius: number; attrs: string } {
  const fill = cssColor(r.paint('circle-color', f));
  const stroke = cssColor(r.paint('circle-stroke-color', f));
  const fo = Math.round(fill.opacity * Number(r.paint('circle-opacity', f)) * 1000) / 1000;
  const so = Math.round(stroke.opacity * Number(r.paint('circle-stroke-opacity', f)) * 1000) / 1000;
  const sw = Number(r.paint('circle-stroke-width', f));
  return {
    radius: Number(r.paint('circle-radius', f)),
    attrs: `fill="${fill.color}"${fo < 1 ? ` fill-opacity="${fo}"` : ''}${sw > 0 ? ` stroke="${stroke.color}" stroke-width="${n(sw)}"${so < 1 ? ` stroke-opacity="${so}"` : ''}` : ''}`
  };
}

/** An icon's SVG markup as a group at a position, scaled. */
export function iconGroup(name: string, x: number, y: number, scale: number, attrs: string): string {
  const inner = iconSvg(name).replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
  return `<g ${attrs} transform="translate(${n(x)} ${n(y)}) scale(${Math.round(scale * 1000) / 1000})">${inner}</g>`;
}

/** Points along a projected line every `spacing` pixels, with the direction there in degrees. */
export function alongLine(points: [number, number][], spacing: number): { p: [number, number]; angle: number }[] {
  const out: { p: [number, number]; angle: number }[] = [];
  let next = spacing / 2;
  let travelled = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    while (next <= travelled + len && len > 0 && out.length < 10_000) {
      const t = (next - travelled) / len;
      out.push({ p: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], angle: (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI });
      next += spacing;
    }
    travelled += len;
  }
  return out;
}

const ICON_OFFSET: Record<string, [number, number]> = {
  center: [-0.5, -0.5], left: [0, -0.5], right: [-1, -0.5], top: [-0.5, 0], bottom: [-0.5, -1],
  'top-left': [0, 0], 'top-right': [-1, 0], 'bottom-left': [0, -1], 'bottom-right': [-1, -1]
};

const placeAttr = (f: AnyFeature) => (typeof f.properties.placeId === 'string' ? ` data-place-id="${esc(f.properties.placeId)}"` : '');

/** Icons along a line: every `symbol-spacing` pixels, or one at the middle of each line for `line-center`. */
function lineIcons(r: LayerReader, f: AnyFeature, ef: EvalFeature, project: Project, frame: Frame, symbols: DrawnSymbol[], center = false): string[] {
  const name = String(r.layout('icon-image', ef) ?? '');
  const [w, h] = ICON_SIZE[name] ?? [16, 16];
  const scale = Number(r.layout('icon-size', ef));
  const spacing = Number(r.layout('symbol-spacing', ef));
  const lines = linesOf(f.geometry);
  return lines.flatMap((line: Position[]) => {
    const points = line.map((c) => project(c));
    const length = points.slice(1).reduce((sum, b, i) => sum + Math.hypot(b[0] - points[i]![0], b[1] - points[i]![1]), 0);
    return alongLine(points, center ? length : spacing)
      .filter(({ p }) => inside(p, frame, -Math.max(w, h) * scale * 0.5))
      .map(({ p, angle }) => {
        const half = (Math.max(w, h) * scale) / 2;
        symbols.push({ placeId: (f.properties.placeId as string) ?? null, at: p, box: [p[0] - half, p[1] - half, p[0] + half, p[1] + half], story: false });
        return `<g transform="rotate(${n(angle)} ${n(p[0])} ${n(p[1])})">${iconGroup(name, p[0] - (w * scale) / 2, p[1] - (h * scale) / 2, scale, `class="line-icon"${placeAttr(f)}`)}</g>`;
      });
  });
}

function labelCandidate(r: LayerReader, f: AnyFeature, ef: EvalFeature, at: [number, number], lines: { text: string; scale: number }[]): LabelCandidate {
  const size = Number(r.layout('text-size', ef));
  const font = (r.layout('text-font', ef) as string[] | undefined)?.join(' ') ?? '';
  const variable = r.layout('text-variable-anchor', ef) as string[] | undefined;
  const radial = Number(r.layout('text-radial-offset', ef) ?? 0);
  const uppercase = r.layout('text-transform', ef) === 'uppercase';
  return {
    layerId: r.layer.id,
    placeId: typeof f.properties.placeId === 'string' ? f.properties.placeId : null,
    story: r.layer.id.startsWith('story-'),
    at,
    lines: lines.map((l) => ({ text: uppercase ? l.text.toUpperCase() : l.text, size: size * l.scale })),
    bold: /bold/i.test(font),
    color: cssColor(r.paint('text-color', ef)).color,
    halo: cssColor(r.paint('text-halo-color', ef)).color,
    haloWidth: Number(r.paint('text-halo-width', ef)),
    spacing: Number(r.layout('text-letter-spacing', ef)),
    uppercase,
    anchors: variable && variable.length > 0 ? variable : [String(r.layout('text-anchor', ef))],
    offsetPx: variable ? radial * size : 0,
    padding: Number(r.layout('text-padding', ef)),
    maxWidth: Number(r.layout('text-max-width', ef)),
    sortKey: Number(r.layout('symbol-sort-key', ef) ?? 0)
  };
}

/**
 * Draws a style's layers in order as SVG, each from the style's own expressions evaluated at the
 * camera's zoom; every shape is cut to the frame (plus a small margin). Symbol icons are drawn,
 * text labels are returned as candidates for placement.
 */
export function drawLayers(style: Pick<StyleSpecification, 'layers' | 'state'>, data: SourceData, zoom: number, project: Project, frame: Frame, skip: (layer: LayerSpecification) => boolean = () => false): DrawnLayers {
  const svg: string[] = [];
  const symbols: DrawnSymbol[] = [];
  const labels: LabelCandidate[] = [];
  const areas: [number, number][][][] = [];
  const globalState = globalStateOf(style);
  for (const layer of style.layers) {
    if (skip(layer)) continue;
    const r = readLayer(layer, zoom, globalState);
    if (!r.shown) continue;
    if (layer.type === 'background') {
      svg.push(`<rect data-layer="${layer.id}" width="${n(frame.w)}" height="${n(frame.h)}" ${paintAttr('fill', r.paint('background-color'))}/>`);
      continue;
    }
    const source = 'source' in layer && typeof layer.source === 'string' ? data(layer.source) : null;
    if (!source) continue;
    const out: string[] = [];
    for (const f of source.features as AnyFeature[]) {
      if (!f.geometry) continue;
      const ef: EvalFeature = { type: geometryType(f.geometry), properties: f.properties ?? {} };
      if (!r.filter(ef) || !meets(f.geometry, project, frame, ICON_MARGIN)) continue;
      if (layer.type === 'fill') {
        const d = geometryPath(f.geometry, project, frame);
        const opacity = Number(r.paint('fill-opacity', ef));
        const { color, opacity: alpha } = cssColor(r.paint('fill-color', ef));
        const o = Math.round(opacity * alpha * 1000) / 1000;
        if (d) out.push(`<path${placeAttr(f)} d="${d}" fill="${color}"${o < 1 ? ` fill-opacity="${o}"` : ''} fill-rule="evenodd"/>`);
        if (d && layer.id.startsWith('story-')) areas.push(...polygonsOf(f.geometry).map((rings) => rings.map((ring) => ring.map((c) => project(c)))));
      } else if (layer.type === 'line') {
        const d = geometryPath(f.geometry, project, frame);
        if (d) out.push(`<path${placeAttr(f)} d="${d}" ${lineAttrs(r, ef)}/>`);
      } else if (layer.type === 'circle' && f.geometry.type === 'Point') {
        const p = project(f.geometry.coordinates);
        if (!inside(p, frame)) continue;
        const { radius, attrs } = circleAttrs(r, ef);
        out.push(`<circle${placeAttr(f)} cx="${n(p[0])}" cy="${n(p[1])}" r="${n(radius)}" ${attrs}/>`);
        if (layer.id.startsWith('basemap-')) symbols.push({ placeId: null, at: p, box: [p[0] - radius, p[1] - radius, p[0] + radius, p[1] + radius], story: false });
      } else if (layer.type === 'symbol') {
        const placement = r.layout('symbol-placement', ef);
        const icon = 'icon-image' in (layer.layout ?? {}) ? String(r.layout('icon-image', ef) ?? '') : '';
        if (icon && (placement === 'line' || placement === 'line-center')) {
          out.push(...lineIcons(r, f, ef, project, frame, symbols, placement === 'line-center'));
        } else if (placement === 'line') {
          labels.push(...lineLabels(r, f, ef, project));
        } else {
          const points = pointsOf(f.geometry).map((c) => project(c)).filter((p) => inside(p, frame));
          for (const p of points) pointSymbol(r, f, ef, p, icon, { out, symbols, labels });
        }
      }
    }
    if (out.length > 0) svg.push(`<g data-layer="${layer.id}">${out.join('')}</g>`);
  }
  return { svg, symbols, labels, areas };
}

/** A line-placed label of each line of a feature, to be set along it where it runs straight enough. */
function lineLabels(r: LayerReader, f: AnyFeature, ef: EvalFeature, project: Project): LabelCandidate[] {
  const text = textLines(r.layout('text-field', ef));
  if (text.length === 0) return [];
  const lines = linesOf(f.geometry);
  return lines.map((line: Position[]) => {
    const path = line.map((c) => project(c));
    return { ...labelCandidate(r, f, ef, path[0]!, text), along: { path, spacing: Number(r.layout('symbol-spacing', ef)) } };
  });
}

/** A symbol layer's icon and label at one point: the icon drawn into `to.out`, the label added to the candidates. */
function pointSymbol(r: LayerReader, f: AnyFeature, ef: EvalFeature, p: [number, number], icon: string, to: { out: string[]; symbols: DrawnSymbol[]; labels: LabelCandidate[] }): void {
  if (icon) {
    const [w, h] = ICON_SIZE[icon] ?? [16, 16];
    const scale = Number(r.layout('icon-size', ef));
    const [ox, oy] = ICON_OFFSET[String(r.layout('icon-anchor', ef))] ?? [-0.5, -0.5];
    const [x, y] = [p[0] + ox * w * scale, p[1] + oy * h * scale];
    to.out.push(iconGroup(icon, x, y, scale, `class="story-symbol"${placeAttr(f)}`));
    to.symbols.push({ placeId: (f.properties.placeId as string) ?? null, at: p, box: [x, y, x + w * scale, y + h * scale], story: true });
  }
  if ('text-field' in (r.layer.layout ?? {})) {
    const lines = textLines(r.layout('text-field', ef));
    if (lines.length > 0) to.labels.push(labelCandidate(r, f, ef, p, lines));
  }
}
