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
  /** CSS pixels drawn beyond the camera's frame on every side and cut off the copy returned. */
  margin?: number;
}

/** The limit found by the first {@link webglLimit} (a probe costs a WebGL context of its own). */
let knownLimit: number | null = null;

/** The limits of a WebGL2 context, or null when it cannot tell (a lost context answers null). */
function limitOf(gl: WebGL2RenderingContext): number | null {
  const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array | null;
  const texture = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number | null;
  const renderbuffer = gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number | null;
  if (!dims || !texture || !renderbuffer) return null;
  return Math.min(texture, renderbuffer, dims[0]!, dims[1]!);
}

/**
 * The largest map canvas side this browser's WebGL can draw (texture, renderbuffer and viewport
 * limits). Read from a map's own context when the page has one (a canvas hands back the context it
 * already has), else from a probe context made once.
 */
export function webglLimit(): number {
  if (knownLimit !== null) return knownLimit;
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas.maplibregl-canvas')) {
    const gl = canvas.getContext('webgl2');
    const limit = gl && !gl.isContextLost() ? limitOf(gl) : null;
    if (limit) return (knownLimit = limit);
  }
  const gl = document.createElement('canvas').getContext('webgl2');
  const limit = gl ? limitOf(gl) : null;
  if (!gl || !limit) throw new RenderError('this browser has no WebGL2, which the map needs');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  knownLimit = limit;
  return limit;
}

/** How long an unused hidden map is kept for the next export before it is removed. */
const KEEP_MS = 60_000;
/** A kept map's canvas larger than this (device pixels; about 36 MB of colour) is shrunk until the next export. */
const KEEP_PIXELS = 3000 * 3000;

/** A hidden map and what it was made for. */
interface Hidden {
  map: MapLibreMap;
  container: HTMLDivElement;
  glLimit: number;
  /** The theme of the style last drawn: a style diff is used only for the same theme. */
  theme: Theme;
  /** The icons the map holds (rasterised for one pixel ratio). */
  icons: Icons;
  busy: boolean;
  lost: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The hidden map kept between exports. Making one is most of a raster export's cost on a slow
 * GPU (a new WebGL context, then every shader compiled again), and so is removing one; the dialog's
 * preview and its download, or the snapshot CLI's exports, draw in the same one instead. Each export
 * of the same theme as the last sets its style as a diff (MapLibre's `setStyle` default; otherwise
 * the style is loaded anew): a source whose specification is unchanged (the basemap's, most story
 * sources) keeps its parsed tiles, a changed one is loaded anew, the global state and layers are
 * updated, and symbols are placed again. A new pixel ratio is set on the map (the tiles' geometry
 * does not depend on it); icons rasterised for another ratio are replaced, which reloads the tiles
 * that use them. So what it draws is what a new map would draw (the export tests compare the bytes
 * of an export from a new map and the same export after others of another size, scale and theme).
 */
let kept: Hidden | null = null;

/** The story icons, rasterised at one pixel ratio. */
type Icons = Awaited<ReturnType<typeof rasterizeIcons>>;

const iconCache = new Map<number, Promise<Icons>>();

/** The story icons at a pixel ratio, rasterised once per ratio. */
function iconsAt(ratio: number): Promise<Icons> {
  let icons = iconCache.get(ratio);
  if (!icons) {
    icons = rasterizeIcons(ratio);
    iconCache.set(ratio, icons);
    icons.catch(() => iconCache.delete(ratio));
  }
  return icons;
}

/** Places the hidden map's container off screen at a size in CSS pixels. */
function sizeContainer(container: HTMLDivElement, width: number, height: number): void {
  container.style.cssText = `position:fixed;left:${-width - 50}px;top:0;width:${width}px;height:${height}px;pointer-events:none`;
}

/** Removes a hidden map (and forgets it if it was kept). */
function discard(hidden: Hidden): void {
  clearTimeout(hidden.timer);
  if (kept === hidden) kept = null;
  hidden.map.remove();
  hidden.container.remove();
}

/** A new hidden map of the camera's size drawing `style` with `icons`. */
function createHidden(options: MapRender, style: StyleSpecification, icons: Icons): Hidden {
  const { camera, pixelRatio } = options;
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  sizeContainer(container, camera.width, camera.height);
  document.body.append(container);
  const map = new MapLibreMap({
    container,
    style,
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
  const hidden: Hidden = { map, container, glLimit: options.glLimit, theme: options.theme, icons, busy: true, lost: false };
  map.on('webglcontextlost', () => (hidden.lost = true));
  map.on('error', (e) => console.warn('offscreen map:', e.error?.message ?? e));
  return hidden;
}

/** Swaps the icons a map holds for others (of another pixel ratio); MapLibre reloads the tiles that use them. */
function replaceIcons(map: MapLibreMap, icons: Icons): void {
  for (const [id, icon] of icons) {
    if (!map.hasImage(id)) continue;
    map.removeImage(id);
    map.addImage(id, icon.data, { pixelRatio: icon.pixelRatio });
  }
}

/** The kept hidden map set to the camera, pixel ratio and style, or null when it cannot be used now. */
function reuseKept(options: MapRender, style: StyleSpecification, icons: Icons): Hidden | null {
  const hidden = kept;
  if (!hidden || hidden.busy || hidden.lost || hidden.glLimit !== options.glLimit) return null;
  clearTimeout(hidden.timer);
  hidden.busy = true;
  const { camera, pixelRatio } = options;
  sizeContainer(hidden.container, camera.width, camera.height);
  attachIcons(hidden.map, icons);
  hidden.map.setPixelRatio(pixelRatio);
  const diff = hidden.theme === options.theme;
  hidden.map.setStyle(style, { diff });
  if (diff && hidden.icons !== icons) replaceIcons(hidden.map, icons);
  hidden.theme = options.theme;
  hidden.icons = icons;
  hidden.map.jumpTo({ center: camera.center, zoom: camera.zoom, bearing: 0, pitch: 0 });
  hidden.map.triggerRepaint();
  return hidden;
}

/**
 * Keeps a hidden map for the next export until {@link KEEP_MS} pass unused; a canvas of more than
 * {@link KEEP_PIXELS} is shrunk meanwhile, so that a poster-sized export does not hold its memory.
 */
function keep(hidden: Hidden): void {
  hidden.busy = false;
  if (hidden.lost || (kept !== null && kept !== hidden)) return discard(hidden);
  kept = hidden;
  const canvas = hidden.map.getCanvas();
  if (canvas.width * canvas.height > KEEP_PIXELS) {
    sizeContainer(hidden.container, 1, 1);
    hidden.map.resize();
  }
  hidden.timer = setTimeout(() => discard(hidden), KEEP_MS);
}

/** Resolves when the map has drawn its style completely; rejects after `timeoutMs`. */
function drawn(map: MapLibreMap, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RenderError(`the map did not finish drawing within ${timeoutMs / 1000} s`)), timeoutMs);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The last render asked for: renders take turns in the one hidden map. */
let turn: Promise<unknown> = Promise.resolve();

/**
 * Draws the map in a hidden MapLibre map with the app's own style and icons, waits until it is
 * idle and returns a copy of its canvas. The hidden map is kept for the next export (see
 * {@link kept}); an export asked for while another is drawing waits for it and then uses the same
 * map (a second map would compile every shader again, in a second WebGL context).
 */
export function renderMap(options: MapRender, timeoutMs = 60_000): Promise<HTMLCanvasElement> {
  const run = turn.then(() => renderNow(options, timeoutMs));
  turn = run.catch(() => undefined);
  return run;
}

/** One render, its turn come: the map drawn with its margin, then cut to the camera's frame. */
async function renderNow(asked: MapRender, timeoutMs: number): Promise<HTMLCanvasElement> {
  setWorkerUrl(workerUrl);
  const margin = asked.margin ?? 0;
  const options = { ...asked, camera: { ...asked.camera, width: asked.camera.width + 2 * margin, height: asked.camera.height + 2 * margin } };
  const icons = await iconsAt(Math.max(1, Math.ceil(options.pixelRatio)));
  const style = options.style ?? buildStyle(options);
  const hidden = reuseKept(options, style, icons) ?? createHidden(options, style, icons);
  try {
    await drawn(hidden.map, timeoutMs);
    const source = hidden.map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = Math.round(asked.camera.width * asked.pixelRatio);
    copy.height = Math.round(asked.camera.height * asked.pixelRatio);
    const [sx, sy] = [Math.round((source.width - copy.width) / 2), Math.round((source.height - copy.height) / 2)];
    copy.getContext('2d')!.drawImage(source, sx, sy, copy.width, copy.height, 0, 0, copy.width, copy.height);
    keep(hidden);
    return copy;
  } catch (error) {
    discard(hidden);
    throw error;
  }
}
