import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { COUNTRY_NAMES_SOURCE, FONT_BOLD, basemapPalette, type Theme } from '../map/basemap';
import { LOCAL_COUNTRY_LABELS } from '../map/basemap/layers';
import { exportCountryNames } from './country-names';
import { LABEL_LAYERS, storyText } from '../map/style/story';
import { EXPORT_FONT_STACK } from './fonts';
import { roomy, type Measure } from './measure';
import { insetLayers, planInsets, viewRect, type InsetPlan } from './insets';
import { anchorBox, labelSize, labelsSvg, placeLabels, type Placed, type PlacedLabel } from './labels';
import { scaleBarBox } from './layout';
import { metresPerPixel, projector, unproject, type Bounds, type Camera } from './mercator';
import { drawLayers, type DrawnSymbol, type SourceData } from './svg-layers';
import { esc, type Box } from './svg-util';

/** What the map part of an export is drawn from. */
export interface MapInput {
  style: Pick<StyleSpecification, 'layers' | 'sources' | 'state'>;
  data: SourceData;
  camera: Camera;
  measure: Measure;
  theme: Theme;
  /** The frame's base font size, for the insets' size. */
  base: number;
  /** The story's extent (`storyExtent`): a view that does not hold it whole gets the locator inset. */
  story: Bounds;
  /** Places whose label is a numbered callout whatever happens (keeps callout numbers stable across layout rounds). */
  forced?: ReadonlySet<string>;
}

/** An inset drawn: its plan and its SVG markup in map-frame pixels. */
export interface InsetDrawing {
  plan: InsetPlan;
  svg: string;
}

/** The map drawn: its layers as SVG, the labels placed, the story symbols drawn, the insets. */
export interface MapDrawing {
  layers: string[];
  placed: Placed;
  symbols: DrawnSymbol[];
  insets: InsetDrawing[];
  /** Label halos, labels and callout badges as SVG. */
  labels: { halos: string; texts: string; badges: string };
  /** What is drawn over the map (insets, scale bar), in frame pixels: no label may lie under it. */
  covered: Box[];
  /** The country names chosen for the frame: the data of the names' source. */
  countryNames: FeatureCollection<Point, { name: string }>;
}

const n = (v: number) => String(Math.round(v * 10) / 10);

/** Resolves a style source to features: inline GeoJSON data as is, URLs through `data`. */
export function styleData(style: MapInput['style'], byUrl: SourceData): SourceData {
  return (id) => {
    const source = style.sources[id];
    if (!source || source.type !== 'geojson') return null;
    return typeof source.data === 'string' ? byUrl(id) : (source.data as FeatureCollection<Geometry, Record<string, unknown>>);
  };
}

/** An inset has no key: a story label that found no free spot is set below its symbol anyway, moved inside the inset. */
function keepInsetLabels(placed: Placed, frame: { w: number; h: number }, measure: Measure): Placed {
  const forced: PlacedLabel[] = placed.callouts.flatMap((c) => {
    const candidate = placed.source?.find((x) => x.placeId === c.placeId);
    if (!candidate) return [];
    const { w, h, lineHeight } = labelSize(candidate, measure);
    const [x0, y0] = anchorBox(candidate.at, w, h, 'top', candidate.offsetPx);
    const x = Math.min(Math.max(x0, 0), Math.max(frame.w - w, 0));
    const y = Math.min(Math.max(y0, 0), Math.max(frame.h - h, 0));
    return [{ candidate, box: [x, y, x + w, y + h] as Box, center: [x + w / 2, y + h / 2] as [number, number], lineHeight }];
  });
  return { labels: [...placed.labels, ...forced], callouts: [] };
}

/**
 * Draws an inset, its labels measured as a fallback font may set them (see {@link roomy}): a label
 * that does not fit at any of its anchors so measured is moved to another anchor, or left out
 * (basemap labels; a story label is moved inside).
 */
function drawInset(input: MapInput, plan: InsetPlan): InsetDrawing {
  const { rect, camera } = plan;
  const measure = roomy(input.measure);
  const frame = { w: rect.w, h: rect.h };
  const drawn = drawLayers({ layers: insetLayers(input.style as StyleSpecification, plan), state: input.style.state }, input.data, camera.zoom, projector(camera), frame);
  const size = Math.max(9, Math.min(12, rect.w / 16));
  const captionBox: DrawnSymbol = { placeId: null, at: [0, 0], box: [0, 0, measure(plan.caption, size, true) + 10, size + 6], story: false };
  const placed = keepInsetLabels(placeLabels(drawn.labels, [...drawn.symbols, captionBox], frame, measure), frame, measure);
  const colors = storyText(input.theme);
  const palette = basemapPalette(input.theme);
  const text = labelsSvg({ labels: placed.labels, callouts: [] }, { text: colors.text, halo: colors.halo, badge: colors.halo });
  const view = viewRect(plan);
  const box = view ? `<rect class="inset-view" x="${n(view.x)}" y="${n(view.y)}" width="${n(view.w)}" height="${n(view.h)}" fill="none" stroke="${colors.text}" stroke-width="1.5"/>` : '';
  const captionAttrs = `x="5" y="${n(size + 3)}" font-family="${EXPORT_FONT_STACK}" font-size="${n(size)}" font-weight="700"`;
  const caption = `<text ${captionAttrs} fill="none" stroke="${colors.halo}" stroke-width="3" stroke-linejoin="round" aria-hidden="true">${esc(plan.caption)}</text><text class="inset-caption" ${captionAttrs} fill="${colors.text}">${esc(plan.caption)}</text>`;
  const svg = [
    `<g id="inset-${plan.id}" class="inset" transform="translate(${n(rect.x)} ${n(rect.y)})">`,
    `<clipPath id="inset-${plan.id}-clip"><rect width="${n(rect.w)}" height="${n(rect.h)}"/></clipPath>`,
    `<g clip-path="url(#inset-${plan.id}-clip)">${drawn.svg.join('\n')}${box}<g class="label-halos">${text.halos}</g><g class="labels">${text.texts}</g>${caption}</g>`,
    `<rect class="inset-frame" width="${n(rect.w)}" height="${n(rect.h)}" fill="none" stroke="${palette.border}" stroke-width="1.5"/>`,
    `</g>`
  ].join('\n');
  return { plan, svg };
}

/**
 * Draws the map of an export from the style: every layer evaluated at the camera's zoom and cut to
 * the frame, the insets in corners free of story symbols, the country names chosen for the frame
 * (clear of the insets and the scale bar), and the labels placed around them.
 */
export function drawMap(input: MapInput, skip?: (layer: LayerSpecification) => boolean): MapDrawing {
  const { camera, style } = input;
  const frame = { w: camera.width, h: camera.height };
  const project = projector(camera);
  const drawn = drawLayers(style as StyleSpecification, input.data, camera.zoom, project, frame, skip);
  const story = drawn.symbols.filter((s) => s.story);
  const insets = planInsets(camera, story.map((s) => s.at), input.base, input.story).map((plan) => drawInset(input, plan));
  const bar = scaleBarBox({ x: 0, y: 0, w: camera.width, h: camera.height }, metresPerPixel(camera.center[1], camera.zoom), input.base);
  const blocked: DrawnSymbol[] = [...insets.map((i) => i.plan.rect), bar].map((rect) => ({ placeId: null, at: [rect.x + rect.w / 2, rect.y + rect.h / 2], box: [rect.x, rect.y, rect.x + rect.w, rect.y + rect.h], story: false }));
  const countryNames = exportCountryNames(style, input.data, camera, drawn, blocked.map((b) => b.box), input.measure);
  const names = drawLayers({ layers: style.layers.filter((l) => l.id === LOCAL_COUNTRY_LABELS), state: style.state }, (id) => (id === COUNTRY_NAMES_SOURCE ? countryNames : null), camera.zoom, project, frame, skip);
  const order = style.layers.map((l) => l.id);
  const candidates = [...drawn.labels, ...names.labels].sort((a, b) => order.indexOf(a.layerId) - order.indexOf(b.layerId));
  const placed = placeLabels(candidates, [...drawn.symbols, ...blocked], frame, input.measure, input.forced);
  const colors = storyText(input.theme);
  return { layers: drawn.svg, placed, symbols: story, insets, labels: labelsSvg(placed, { text: colors.text, halo: colors.halo, badge: colors.halo }), covered: blocked.map((b) => b.box), countryNames };
}

/**
 * CSS pixels a raster export's map is drawn beyond its frame on every side, then cut off. The
 * style fills this band with invisible obstacles (see {@link edgeLayer}), so MapLibre leaves out a
 * basemap label that would cross the frame's edge instead of drawing it cut in two.
 */
export const EDGE_MARGIN = 10;

/** The icon the edge obstacles borrow (any story icon: only its box counts) and its side in CSS px. */
const EDGE_ICON = { name: 'story-endpoint', side: 16 };

/** Points every half margin along the band just outside the frame, on all four sides. */
function edgePoints(camera: Camera): Feature<Point>[] {
  const step = EDGE_MARGIN / 2;
  const [x0, y0, x1, y1] = [-step, -step, camera.width + step, camera.height + step];
  const at: [number, number][] = [];
  for (let x = x0; x < x1 + step; x += step) at.push([Math.min(x, x1), y0], [Math.min(x, x1), y1]);
  for (let y = y0 + step; y < y1; y += step) at.push([x0, y], [x1, y]);
  return obstaclesAt(camera, at);
}

/** Points at most half a margin apart covering each box, so the obstacles leave no gap in it. */
function coveringPoints(camera: Camera, boxes: readonly Box[]): Feature<Point>[] {
  const step = EDGE_MARGIN / 2;
  const at: [number, number][] = [];
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = y0 + step; y < y1 + step; y += step) for (let x = x0 + step; x < x1 + step; x += step) at.push([Math.min(x, x1 - step), Math.min(y, y1 - step)]);
  }
  return obstaclesAt(camera, at);
}

/** Obstacle features at these frame pixels. */
function obstaclesAt(camera: Camera, at: readonly [number, number][]): Feature<Point>[] {
  return at.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: unproject(camera, p) }, properties: {} }));
}

/** Invisible icons of a margin's side on `source`, placed first and overlapped by nothing that checks for collisions. */
function obstacleLayer(source: 'export-edge' | 'export-covered'): LayerSpecification {
  return {
    id: source,
    type: 'symbol',
    source,
    layout: { 'icon-image': EDGE_ICON.name, 'icon-size': EDGE_MARGIN / EDGE_ICON.side, 'icon-allow-overlap': true, 'icon-ignore-placement': false, 'icon-padding': 0 },
    paint: { 'icon-opacity': 0 }
  };
}

/**
 * The style a raster export renders: the map's own, with its story label layers replaced by one
 * layer holding the labels exactly where the export placed them (MapLibre still places the
 * basemap's labels around them), and obstacles around the frame that keep the basemap's labels
 * from crossing its edge (the map is drawn {@link EDGE_MARGIN} larger and cut) or lying under an
 * inset or the scale bar. The country names are those the drawing chose for the frame.
 */
export function rasterStyle(style: StyleSpecification, drawing: MapDrawing, camera: Camera): StyleSpecification {
  const features: Feature<Point, Record<string, unknown>>[] = drawing.placed.labels
    .filter((p) => p.candidate.story)
    .map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: unproject(camera, p.center) },
      properties: { placeId: p.candidate.placeId, label: p.candidate.lines.map((l) => l.text).join('\n'), size: p.candidate.lines[0]!.size, color: p.candidate.color, halo: p.candidate.halo, haloWidth: p.candidate.haloWidth }
    }));
  const layer: LayerSpecification = {
    id: 'story-export-labels',
    type: 'symbol',
    source: 'story-export-labels',
    layout: {
      'text-field': ['get', 'label'],
      'text-font': [FONT_BOLD],
      'text-size': ['get', 'size'],
      'text-line-height': 1.15,
      'text-anchor': 'center',
      'text-justify': 'center',
      'text-max-width': 100,
      'text-allow-overlap': true,
      'text-ignore-placement': false
    },
    paint: { 'text-color': ['get', 'color'], 'text-halo-color': ['get', 'halo'], 'text-halo-width': ['get', 'haloWidth'], 'text-halo-blur': 0.5 }
  };
  return {
    ...style,
    sources: {
      ...style.sources,
      ...(style.sources[COUNTRY_NAMES_SOURCE] ? { [COUNTRY_NAMES_SOURCE]: { type: 'geojson', data: drawing.countryNames } } : {}),
      'story-export-labels': { type: 'geojson', data: { type: 'FeatureCollection', features } },
      'export-edge': { type: 'geojson', data: { type: 'FeatureCollection', features: edgePoints(camera) } },
      'export-covered': { type: 'geojson', data: { type: 'FeatureCollection', features: coveringPoints(camera, drawing.covered) } }
    },
    layers: [...style.layers.filter((l) => !LABEL_LAYERS.includes(l.id)), layer, obstacleLayer('export-covered'), obstacleLayer('export-edge')]
  };
}
