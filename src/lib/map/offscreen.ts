import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { LayerId, Model } from '../data/types';
import type { Theme } from './basemap';
import { attachIcons, rasterizeIcons } from './icons';
import { buildStyle, type BasemapPart } from './style';

/** A failure of the hidden map: no WebGL2, or a map that did not finish drawing in time. */
export class RenderError extends Error {}

/** The camera of a hidden map: centre, zoom and size in CSS pixels. */
export interface OffscreenCamera {
  center: [number, number];
  zoom: number;
  width: number;
  height: number;
}

/** What the hidden map draws. */
export interface MapRender {
  model: Model;
  theme: Theme;
  visible: readonly LayerId[];
  selected: string | null;
  camera: OffscreenCamera;
  pixelRatio: number;
  glLimit: number;
  /** The basemap under the story layers; the offline one when absent. */
  basemap?: BasemapPart;
  /** A style to draw instead of `buildStyle(options)` (exports place story labels themselves). */
  style?: StyleSpecification;
}

/** The largest map canvas side this browser's WebGL can draw (texture, renderbuffer and viewport limits). */
export function webglLimit(): number {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) throw new RenderError('this browser has no WebGL2, which the map needs');
  const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const limit = Math.min(gl.getParameter(gl.MAX_TEXTURE_SIZE), gl.getParameter(gl.MAX_RENDERBUFFER_SIZE), dims[0]!, dims[1]!);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return limit;
}

/**
 * Draws the map in a hidden MapLibre map with the app's own style and icons, waits until it is
 * idle, copies its canvas and removes the map.
 */
export async function renderMap(options: MapRender, timeoutMs = 60_000): Promise<HTMLCanvasElement> {
  setWorkerUrl(workerUrl);
  const { camera, pixelRatio } = options;
  const icons = await rasterizeIcons(Math.max(1, Math.ceil(pixelRatio)));
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.style.cssText = `position:fixed;left:${-camera.width - 50}px;top:0;width:${camera.width}px;height:${camera.height}px;pointer-events:none`;
  document.body.append(container);
  const map = new MapLibreMap({
    container,
    style: options.style ?? buildStyle(options),
    center: camera.center,
    zoom: camera.zoom,
    minZoom: 0,
    maxZoom: 24,
    pixelRatio,
    maxCanvasSize: [options.glLimit, options.glLimit],
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true }
  });
  attachIcons(map, icons);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new RenderError(`the map did not finish drawing within ${timeoutMs / 1000} s`)), timeoutMs);
      map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
      map.on('error', (e) => console.warn('offscreen map:', e.error?.message ?? e));
    });
    const source = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    copy.getContext('2d')!.drawImage(source, 0, 0);
    return copy;
  } finally {
    map.remove();
    container.remove();
  }
}
