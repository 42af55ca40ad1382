import type { LayerSpecification } from 'maplibre-gl';
import { LAYER_IDS, type Model } from '../data/types';
import { STORY_ATTRIBUTION, plainAttribution } from '../map/attribution';
import { basemapChoice, BASEMAPS } from '../data/basemaps';
import { resolveBasemap } from '../map/basemaps';
import { renderMap, webglLimit } from '../map/offscreen';
import { buildStyle, type BasemapPart } from '../map/style';
import { permalink } from './content';
import { exportAnnotations, exportGeoJson } from './data';
import { drawMap, EDGE_MARGIN, rasterStyle, styleData, type MapDrawing } from './drawing';
import { canvasMeasure, loadExportFonts } from './fonts';
import { exportStyle } from './style';
import { linkView, planFrame, storyExtent, type FramePlan } from './frame';
import type { FrameContent, Op } from './layout';
import { ExportError, checkRasterSize, composeRaster, encodeCanvas } from './raster';
import { resolveSize, SizeError, type OutputSize } from './size';
import { basemapSourceData, loadBasemapData } from './svg-basemap';
import type { ExportRequest, ExportResult } from './types';
import { cleanRequest } from './text';
import { gpu } from '../map/gpu.svelte';

export { ExportError } from './raster';
export type { ExportRequest, ExportResult } from './types';

/** Checks the request against the model; throws an {@link ExportError} naming what is unknown. */
export function checkRequest(model: Model, request: ExportRequest): void {
  if (request.place !== null && !model.places.some((p) => p.id === request.place)) {
    throw new ExportError(`unknown place "${request.place}"; known places: ${model.places.map((p) => p.id).join(', ')}`);
  }
  if (request.event && !model.events.some((e) => e.id === request.event)) {
    throw new ExportError(`unknown event "${request.event}"; known events: ${model.events.map((e) => e.id).join(', ')}`);
  }
  const unknown = request.layers.filter((l) => !(LAYER_IDS as readonly string[]).includes(l));
  if (unknown.length > 0) throw new ExportError(`unknown layer(s) ${unknown.join(', ')}; known layers: ${LAYER_IDS.join(', ')}`);
  if (request.basemap && !BASEMAPS.basemaps.some((b) => b.id === request.basemap)) {
    throw new ExportError(`unknown basemap "${request.basemap}"; configured basemaps: ${BASEMAPS.basemaps.map((b) => b.id).join(', ')}`);
  }
}

/** The credits of the map's style sources (its basemap's included) and the story, as plain text. */
export function exportAttribution(model: Model, request: Pick<ExportRequest, 'theme'>, basemap?: BasemapPart): string {
  const style = buildStyle({ model, theme: request.theme, basemap });
  const fromSources = Object.values(style.sources).flatMap((s) => ('attribution' in s && s.attribution ? [s.attribution] : []));
  return plainAttribution([...new Set([...fromSources, ...STORY_ATTRIBUTION])]);
}

/** The request's size in pixels, or an {@link ExportError} naming what is wrong with it. */
export function outputSize(request: ExportRequest): OutputSize {
  try {
    return resolveSize(request.size);
  } catch (e) {
    if (e instanceof SizeError) throw new ExportError(e.message);
    throw e;
  }
}

const fileStem = (request: ExportRequest) => `khojaly-map${request.place ? `-${request.place}` : ''}`;

function dataExport(value: object, filename: string, mime: string): ExportResult {
  return { blob: new Blob([JSON.stringify(value, null, 2)], { type: mime }), filename, mime, width: null, height: null, sources: [], texts: [], map: null, labels: [], callouts: [], symbols: [], insets: [] };
}

/** What every image and document result reports about its frame and map (for checks and tests). */
export function describePlan(plan: FramePlan): Omit<ExportResult, 'blob' | 'filename' | 'mime' | 'width' | 'height'> {
  const { layout, camera, drawing } = plan;
  return {
    sources: plan.sources.map(({ n, id, text }) => ({ n, id, text })),
    texts: layout.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : [])),
    map: { ...layout.map, center: camera.center, zoom: camera.zoom },
    labels: drawing.placed.labels.filter((l) => l.candidate.story).map((l) => ({ placeId: l.candidate.placeId!, text: l.candidate.lines.map((x) => x.text).join('\n'), box: l.box })),
    callouts: drawing.placed.callouts.map((c) => ({ n: c.n, placeId: c.placeId, text: c.text })),
    symbols: drawing.symbols.map((s) => ({ placeId: s.placeId!, at: s.at })),
    insets: drawing.insets.map((i) => ({ id: i.plan.id, ...i.plan.rect }))
  };
}

async function rasterExport(model: Model, request: ExportRequest, size: OutputSize, plan: FramePlan, basemap: BasemapPart): Promise<Blob> {
  const { camera, layout, drawing } = plan;
  const mapPixels: [number, number] = [Math.round((camera.width + 2 * EDGE_MARGIN) * size.pixelRatio), Math.round((camera.height + 2 * EDGE_MARGIN) * size.pixelRatio)];
  const glLimit = webglLimit();
  checkRasterSize(size.pixelWidth, size.pixelHeight, mapPixels, glLimit);
  const style = rasterStyle(exportStyle(model, request, basemap), drawing, camera);
  const image = await renderMap({ model, theme: request.theme, basemap, visible: request.layers, selected: request.place, camera, pixelRatio: size.pixelRatio, glLimit, style, margin: EDGE_MARGIN });
  const overlay = [drawing.labels.badges, ...drawing.insets.map((i) => i.svg)].join('\n');
  const ops: Op[] = overlay.trim() ? [...layout.ops, { kind: 'overlay', ...layout.map, svg: overlay }] : layout.ops;
  const canvas = await composeRaster(ops, image, size.pixelWidth, size.pixelHeight, size.pixelRatio);
  const mime = request.format === 'png' ? 'image/png' : 'image/jpeg';
  const blob = await encodeCanvas(canvas, mime, 0.92);
  if (!blob) throw new ExportError(`the browser could not encode a ${size.pixelWidth} × ${size.pixelHeight} px ${request.format.toUpperCase()}`);
  return blob;
}

/**
 * Loads what every image or document export needs before the first is asked for: the export
 * module's own chunks, the burned-in font, the basemap's files and the GPU's limit. The export
 * button calls it when the pointer or focus reaches it, so that the dialog's first preview only
 * plans and draws.
 */
export async function prepareExport(): Promise<void> {
  webglLimit();
  await Promise.all([loadExportFonts(), loadBasemapData(), import('./svg-font')]);
}

/**
 * Makes one export: an image (PNG, JPEG), a vector document (SVG, PDF) or data (GeoJSON, Web
 * Annotations). The export dialog and the headless snapshot both call this. Steps: check the
 * request, make the permalink, plan the frame (layout, camera, map drawn from the style, labels,
 * insets), then write the format.
 */
export async function exportSnapshot(model: Model, asked: ExportRequest): Promise<ExportResult> {
  const request = cleanRequest(asked);
  checkRequest(model, request);
  const raster = request.format === 'png' || request.format === 'jpeg';
  if (raster && gpu.lost) throw new ExportError('The map’s graphics (WebGL) were reset by the browser, so no image can be drawn now. Try again once the map is back, or export SVG, PDF or data, which need no WebGL.');
  const basemap = raster ? await resolveBasemap(basemapChoice(request.basemap ?? null), request.theme) : undefined;
  const attribution = exportAttribution(model, request, basemap);
  const link = permalink(request.permalinkBase, { view: linkView(model, request), layers: request.layers, place: request.place, basemap: request.basemap, event: request.event });
  const stem = fileStem(request);
  if (request.format === 'geojson') return dataExport(exportGeoJson(model, request.layers, { permalink: link, attribution }), `${stem}.geojson`, 'application/geo+json');
  if (request.format === 'annotations') return dataExport(exportAnnotations(model, request.layers, { permalink: link }), `${stem}.jsonld`, 'application/ld+json');

  const size = outputSize(request);
  await loadExportFonts();
  const measure = canvasMeasure();
  const style = exportStyle(model, request);
  const data = styleData(style, basemapSourceData(await loadBasemapData()));
  const base: Omit<FrameContent, 'sources' | 'callouts'> = { title: request.title, subtitle: request.subtitle, legend: legendOf(model, request), attribution, permalink: link };
  const onlySymbols = raster ? (layer: LayerSpecification) => layer.type !== 'symbol' && layer.type !== 'circle' : undefined;
  const plan = planFrame(model, request, size, base, measure, (camera, f, forced): MapDrawing => drawMap({ style, data, camera, measure, theme: request.theme, base: f, forced, story: storyExtent(model) }, onlySymbols));
  const described = describePlan(plan);
  if (raster) {
    const blob = await rasterExport(model, request, size, plan, basemap!);
    return { ...described, blob, filename: `${stem}.${request.format === 'png' ? 'png' : 'jpg'}`, mime: blob.type, width: size.pixelWidth, height: size.pixelHeight };
  }
  const [{ buildSvg }, { embeddedFontStyle }] = await Promise.all([import('./svg'), import('./svg-font')]);
  const description = `Sources: ${plan.sources.map((s) => `[${s.n}] ${s.text}`).join(' ')} Map data: ${attribution}. Permalink: ${link}`;
  const bare = buildSvg({ width: size.cssWidth, height: size.cssHeight, ops: plan.layout.ops, drawing: plan.drawing, title: request.title, description, measure });
  const svg = bare.replace('<defs>', `${await embeddedFontStyle(bare)}\n<defs>`);
  const common = { ...described, width: size.cssWidth, height: size.cssHeight };
  if (request.format === 'svg') return { ...common, blob: new Blob([svg], { type: 'image/svg+xml' }), filename: `${stem}.svg`, mime: 'image/svg+xml' };
  const { svgToPdf } = await import('./pdf');
  const blob = await svgToPdf(bare, size.cssWidth, size.cssHeight, {
    title: request.title,
    subject: `${request.subtitle ? `${request.subtitle}. ` : ''}Permalink: ${link}. Map data and licences: ${attribution}`,
    keywords: plan.sources.map((s) => `[${s.n}] ${s.text}`).join('; '),
    author: 'khojaly-map'
  });
  return { ...common, blob, filename: `${stem}.pdf`, mime: 'application/pdf' };
}

function legendOf(model: Model, request: ExportRequest): FrameContent['legend'] {
  return model.layers.filter((l) => request.layers.includes(l.id)).map((l) => ({ layer: l.id, title: l.title }));
}
