import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MaplibreExportControl } from '@watergis/maplibre-gl-export';
import { bundledModel } from '../../src/lib/data/bundled';
import { basemapChoice } from '../../src/lib/data/basemaps';
import { DEFAULT_LAYERS } from '../../src/lib/data/types';
import { storyCamera } from '../../src/lib/export/frame';
import { resolveBasemap } from '../../src/lib/map/basemaps';
import { attachIcons, rasterizeIcons } from '../../src/lib/map/icons';
import { buildStyle } from '../../src/lib/map/style';

/** The frame both exports draw: 1200 × 675 CSS px at pixel ratio 2. */
const FRAME = { width: 1200, height: 675 };

/** What one peer export gave: its time and the PNG's size. */
export interface PeerResult {
  ms: number;
  bytes: number;
  width: number;
  height: number;
}

/** The peer's control, with its own `generateMap` (the code its Generate button runs) reachable. */
class PeerExport extends MaplibreExportControl {
  /** A PNG of `FRAME` at 192 dpi (pixel ratio 2), in inches so that 96 dpi is one CSS pixel. */
  run(map: MapLibreMap): void {
    this.generateMap(map, [FRAME.width / 96, FRAME.height / 96] as never, 192 as never, 'png', 'in', 'peer');
  }
}

/** The PNG's pixel size, from its IHDR chunk. */
function pngSize(dataUrl: string): { width: number; height: number; bytes: number } {
  const bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20), bytes: bytes.length };
}

setWorkerUrl(workerUrl);
const model = bundledModel();
/** The default basemap, its archive's address taken from the site's root (this page is two folders down). */
const choice = basemapChoice(null);
const basemap = await resolveBasemap(choice.type === 'pmtiles' ? { ...choice, url: new URL(choice.url, new URL('../../', window.location.href)).href } : choice, 'light');
const camera = storyCamera(model, FRAME.width, FRAME.height);
const map = new MapLibreMap({
  container: 'map',
  style: buildStyle({ model, theme: 'light', visible: DEFAULT_LAYERS, selected: null, basemap }),
  center: camera.center,
  zoom: camera.zoom,
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true }
});
attachIcons(map, await rasterizeIcons(Math.max(1, Math.ceil(window.devicePixelRatio))));
const control = new PeerExport({ Format: 'png' });
map.addControl(control);
await new Promise<void>((resolve) => map.once('idle', () => resolve()));

/** Runs one peer export of the map on screen; resolves when the peer hands its PNG to the browser as a download. */
function peerExport(): Promise<PeerResult> {
  return new Promise((resolve) => {
    const click = HTMLAnchorElement.prototype.click;
    const t0 = performance.now();
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.download) return click.call(this);
      const ms = performance.now() - t0;
      HTMLAnchorElement.prototype.click = click;
      resolve({ ms, ...pngSize(this.href) });
    };
    control.run(map);
  });
}

Object.assign(window, { __peerExport: peerExport });
document.body.dataset.ready = 'true';
