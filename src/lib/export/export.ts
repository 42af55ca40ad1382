import { LAYER_IDS, type Model } from '../data/types';
import { STORY_ATTRIBUTION, plainAttribution } from '../map/attribution';
import { DEFAULT_BOUNDS } from '../map/camera';
import { basemapChoice, BASEMAPS, resolveBasemap } from '../map/basemaps';
import { buildStyle, type BasemapPart } from '../map/style';
import { citedSources, permalink, placesInExtent, type SourceEntry } from './content';
import { exportAnnotations, exportGeoJson } from './data';
import { canvasMeasure, loadExportFonts } from './fonts';
import { layoutFrame, scaleBarOps, type FrameContent, type Layout } from './layout';
import { cameraBounds, fitCamera, metresPerPixel, type Bounds, type Camera } from './mercator';
import { renderMap, webglLimit } from '../map/offscreen';
import { ExportError, checkRasterSize, composeRaster } from './raster';
import { resolveSize, SizeError, type OutputSize } from './size';
import { cleanRequest } from './text';
import { gpu } from '../map/gpu.svelte';
import type { ExportRequest, ExportResult } from './types';

export { ExportError } from './raster';
export type { ExportRequest, ExportResult } from './types';

/** Checks the request against the model; throws an {@link ExportError} naming what is unknown. */
export function checkRequest(model: Model, request: ExportRequest): void {
  if (request.place !== null && !model.places.some((p) => p.id === request.place)) {
    throw new ExportError(`unknown place "${request.place}"; known places: ${model.places.map((p) => p.id).join(', ')}`);
  }
  const unknown = request.layers.filter((l) => !(LAYER_IDS as readonly string[]).includes(l));
  if (unknown.length > 0) throw new ExportError(`unknown layer(s) ${unknown.join(', ')}; known layers: ${LAYER_IDS.join(', ')}`);
  if (request.basemap && !BASEMAPS.basemaps.some((b) => b.id === request.basemap)) {
    throw new ExportError(`unknown basemap "${request.basemap}"; configured basemaps: ${BASEMAPS.basemaps.map((b) => b.id).join(', ')}`);
  }
}

/** The basemap a raster export draws: the configured one asked for (the same as on screen). */
async function rasterBasemap(request: ExportRequest): Promise<BasemapPart> {
  return resolveBasemap(basemapChoice(request.basemap ?? null), request.theme);
}

/** The credits of the map's style sources (its basemap's included) and the story, as plain text. */
export function exportAttribution(model: Model, request: Pick<ExportRequest, 'theme'>, basemap?: BasemapPart): string {
  const style = buildStyle({ model, theme: request.theme, basemap });
  const fromSources = Object.values(style.sources).flatMap((s) => ('attribution' in s && s.attribution ? [s.attribution] : []));
  return plainAttribution([...new Set([...fromSources, ...STORY_ATTRIBUTION])]);
}

function requestedBounds(request: ExportRequest): Bounds {
  if (!request.view) return [DEFAULT_BOUNDS[0][0], DEFAULT_BOUNDS[0][1], DEFAULT_BOUNDS[1][0], DEFAULT_BOUNDS[1][1]];
  const { zoom, lat, lng } = request.view;
  return cameraBounds({ center: [lng, lat], zoom, width: request.frame.width, height: request.frame.height });
}

const sameSources = (a: SourceEntry[], b: SourceEntry[]) => a.map((s) => s.id).join() === b.map((s) => s.id).join();

/** Lays the frame out and fits the extent into its map, until the sources listed are those of the places drawn. */
function frame(model: Model, request: ExportRequest, size: OutputSize, base: Omit<FrameContent, 'sources'>): { layout: Layout; camera: Camera; sources: SourceEntry[] } {
  const bounds = requestedBounds(request);
  const measure = canvasMeasure();
  const sourcesIn = (b: Bounds) => citedSources(model, placesInExtent(model, request.layers, b), request.layers);
  let sources = sourcesIn(bounds);
  for (let round = 0; ; round++) {
    const layout = layoutFrame(size.cssWidth, size.cssHeight, { ...base, sources }, request.theme, measure);
    const m = layout.map;
    layout.map = { x: Math.round(m.x), y: Math.round(m.y), w: Math.round(m.w), h: Math.round(m.h) };
    const mapOp = layout.ops.find((op) => op.kind === 'map')!;
    Object.assign(mapOp, layout.map);
    const camera = fitCamera(bounds, layout.map.w, layout.map.h);
    const drawn = sourcesIn(cameraBounds(camera));
    if (sameSources(drawn, sources) || round === 3) {
      layout.ops.push(...scaleBarOps(layout.map, metresPerPixel(camera.center[1], camera.zoom), layout.base, request.theme));
      return { layout, camera, sources: drawn };
    }
    sources = drawn;
  }
}

function fileStem(request: ExportRequest): string {
  return `khojaly-map${request.place ? `-${request.place}` : ''}`;
}

/**
 * Makes one export: an image (PNG, JPEG), a vector document (SVG, PDF) or data (GeoJSON, Web
 * Annotations). The export dialog and the headless snapshot both call this.
 */
export async function exportSnapshot(model: Model, asked: ExportRequest): Promise<ExportResult> {
  const request = cleanRequest(asked);
  checkRequest(model, request);
  const raster = request.format === 'png' || request.format === 'jpeg';
  const basemap = raster ? await rasterBasemap(request) : undefined;
  const attribution = exportAttribution(model, request, basemap);
  const viewForLink = request.view ?? (() => {
    const c = fitCamera(requestedBounds(request), request.frame.width, request.frame.height);
    return { zoom: c.zoom, lat: c.center[1], lng: c.center[0] };
  })();
  const link = permalink(request.permalinkBase, { view: viewForLink, layers: request.layers, allLayers: LAYER_IDS.length, place: request.place, basemap: request.basemap });
  const stem = fileStem(request);
  const data = (value: object, ext: string, mime: string): ExportResult => ({
    blob: new Blob([JSON.stringify(value, null, 2)], { type: mime }),
    filename: `${stem}.${ext}`,
    mime,
    width: null,
    height: null,
    sources: [],
    texts: [],
    map: null
  });
  if (request.format === 'geojson') return data(exportGeoJson(model, request.layers, { permalink: link, attribution }), 'geojson', 'application/geo+json');
  if (request.format === 'annotations') return data(exportAnnotations(model, request.layers, { permalink: link }), 'jsonld', 'application/ld+json');

  let size: OutputSize;
  try {
    size = resolveSize(request.size);
  } catch (e) {
    if (e instanceof SizeError) throw new ExportError(e.message);
    throw e;
  }
  await loadExportFonts();
  const { layout, camera, sources } = frame(model, request, size, { title: request.title, subtitle: request.subtitle, legend: legendOf(model, request), attribution, permalink: link });
  const texts = layout.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
  const result = {
    sources: sources.map(({ n, id, text }) => ({ n, id, text })),
    texts,
    map: { ...layout.map, center: camera.center, zoom: camera.zoom }
  };
  if (raster) {
    if (gpu.lost) throw new ExportError('The map’s graphics (WebGL) were reset by the browser, so no image can be drawn now. Try again once the map is back, or export SVG, PDF or data, which need no WebGL.');
    const mapPixels: [number, number] = [Math.round(camera.width * size.pixelRatio), Math.round(camera.height * size.pixelRatio)];
    const glLimit = webglLimit();
    checkRasterSize(size.pixelWidth, size.pixelHeight, mapPixels, glLimit);
    const image = await renderMap({ model, theme: request.theme, basemap, visible: request.layers, selected: request.place, camera, pixelRatio: size.pixelRatio, glLimit });
    const canvas = await composeRaster(layout.ops, image, size.pixelWidth, size.pixelHeight, size.pixelRatio);
    const mime = request.format === 'png' ? 'image/png' : 'image/jpeg';
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, mime, 0.92));
    if (!blob) throw new ExportError(`the browser could not encode a ${size.pixelWidth} × ${size.pixelHeight} px ${request.format.toUpperCase()}`);
    return { ...result, blob, filename: `${stem}.${request.format === 'png' ? 'png' : 'jpg'}`, mime, width: size.pixelWidth, height: size.pixelHeight };
  }
  const { buildSvg } = await import('./svg');
  const { loadBasemapData } = await import('./svg-basemap');
  const description = `Sources: ${sources.map((s) => `[${s.n}] ${s.text}`).join(' ')} Map data: ${attribution}. Permalink: ${link}`;
  const svg = buildSvg({
    model,
    theme: request.theme,
    visible: request.layers,
    selected: request.place,
    width: size.cssWidth,
    height: size.cssHeight,
    ops: layout.ops,
    camera,
    basemap: await loadBasemapData(),
    measure: canvasMeasure(),
    title: request.title,
    description
  });
  if (request.format === 'svg') {
    return { ...result, blob: new Blob([svg], { type: 'image/svg+xml' }), filename: `${stem}.svg`, mime: 'image/svg+xml', width: size.cssWidth, height: size.cssHeight };
  }
  const { svgToPdf } = await import('./pdf');
  const blob = await svgToPdf(svg, size.cssWidth, size.cssHeight, {
    title: request.title,
    subject: `${request.subtitle ? `${request.subtitle}. ` : ''}Permalink: ${link}. Map data and licences: ${attribution}`,
    keywords: sources.map((s) => `[${s.n}] ${s.text}`).join('; '),
    author: 'khojaly-map'
  });
  return { ...result, blob, filename: `${stem}.pdf`, mime: 'application/pdf', width: size.cssWidth, height: size.cssHeight };
}

function legendOf(model: Model, request: ExportRequest): FrameContent['legend'] {
  return model.layers.filter((l) => request.layers.includes(l.id)).map((l) => ({ layer: l.id, title: l.title }));
}
