import type { Model } from '../data/types';
import { defaultPadding } from '../map/camera';
import { storyBounds } from '../map/frames';
import { citedSources, placesInExtent, type SourceEntry } from './content';
import type { MapDrawing } from './drawing';
import { layoutFrame, scaleBarOps, type FrameContent, type Layout } from './layout';
import type { Measure } from './measure';
import { cameraBounds, fitCamera, metresPerPixel, type Bounds, type Camera } from './mercator';
import type { OutputSize } from './size';
import type { ExportRequest } from './types';

/** The story's extent (`storyBounds`) as west, south, east, north. */
export function storyExtent(model: Pick<Model, 'places'>): Bounds {
  const [[w, s], [e, n]] = storyBounds(model);
  return [w, s, e, n];
}

/** The default frame of a map `width` × `height` CSS pixels, as on screen: the story's extent fitted with `defaultPadding(width)`. */
export function storyCamera(model: Pick<Model, 'places'>, width: number, height: number): Camera {
  return fitCamera(storyExtent(model), width, height, defaultPadding(width));
}

/** The extent an export keeps: what the request's view shows in its frame, or the story's extent. */
export function requestedBounds(model: Pick<Model, 'places'>, request: Pick<ExportRequest, 'view' | 'frame'>): Bounds {
  if (!request.view) return storyExtent(model);
  const { zoom, lat, lng } = request.view;
  return cameraBounds({ center: [lng, lat], zoom, width: request.frame.width, height: request.frame.height });
}

/** The camera of an export's map area `width` × `height`: the request's extent fitted whole, or the default frame for that size. */
export function exportCamera(model: Pick<Model, 'places'>, request: Pick<ExportRequest, 'view' | 'frame'>, width: number, height: number): Camera {
  return request.view ? fitCamera(requestedBounds(model, request), width, height) : storyCamera(model, width, height);
}

/** The view a permalink carries: the request's, or the default frame of the request's frame size. */
export function linkView(model: Pick<Model, 'places'>, request: Pick<ExportRequest, 'view' | 'frame'>): { zoom: number; lat: number; lng: number } {
  if (request.view) return request.view;
  const c = storyCamera(model, request.frame.width, request.frame.height);
  return { zoom: c.zoom, lat: c.center[1], lng: c.center[0] };
}

/** The frame planned: layout, camera, the sources listed and the map drawn into it. */
export interface FramePlan {
  layout: Layout;
  camera: Camera;
  sources: SourceEntry[];
  drawing: MapDrawing;
}

/** Draws the map for a camera, with the frame's base font size and the places forced to callouts. */
export type DrawFn = (camera: Camera, base: number, forced: ReadonlySet<string>) => MapDrawing;

const same = (a: readonly string[], b: readonly string[]) => a.join('\u0000') === b.join('\u0000');

/**
 * Lays the frame out, fits the extent into its map and draws it, again until the frame lists
 * exactly the sources of the places drawn and the key exactly the callouts drawn (callouts only
 * accumulate, so this ends).
 */
export function planFrame(model: Model, request: ExportRequest, size: Pick<OutputSize, 'cssWidth' | 'cssHeight'>, base: Omit<FrameContent, 'sources' | 'callouts'>, measure: Measure, draw: DrawFn): FramePlan {
  const sourcesIn = (b: Bounds) => citedSources(model, placesInExtent(model, request.layers, b), request.layers);
  let sources = sourcesIn(requestedBounds(model, request));
  let callouts: FrameContent['callouts'] = [];
  const forced = new Set<string>();
  for (let round = 0; ; round++) {
    const layout = layoutFrame(size.cssWidth, size.cssHeight, { ...base, sources, callouts }, request.theme, measure);
    const m = layout.map;
    layout.map = { x: Math.round(m.x), y: Math.round(m.y), w: Math.round(m.w), h: Math.round(m.h) };
    Object.assign(layout.ops.find((op) => op.kind === 'map')!, layout.map);
    const camera = exportCamera(model, request, layout.map.w, layout.map.h);
    const drawing = draw(camera, layout.base, forced);
    const drawn = sourcesIn(cameraBounds(camera));
    const keyed = drawing.placed.callouts.map((c) => ({ n: c.n, text: c.text }));
    const settled = same(drawn.map((s) => s.id), sources.map((s) => s.id)) && same(keyed.map((c) => c.text), callouts.map((c) => c.text));
    if (settled || round === 12) {
      layout.ops.push(...scaleBarOps(layout.map, metresPerPixel(camera.center[1], camera.zoom), layout.base, request.theme));
      return { layout, camera, sources: drawn, drawing };
    }
    sources = drawn;
    callouts = keyed;
    for (const c of drawing.placed.callouts) forced.add(c.placeId);
  }
}
