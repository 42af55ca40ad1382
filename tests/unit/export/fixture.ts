import { readFileSync } from 'node:fs';
import { LAYER_IDS, type LayerId, type Model } from '../../../src/lib/data/types';
import { loadModel } from '../../../src/lib/data/load';
import { readGeodata } from '../../../src/lib/data/read-files';
import { drawMap, styleData, type MapDrawing } from '../../../src/lib/export/drawing';
import type { Measure } from '../../../src/lib/export/measure';
import type { Camera } from '../../../src/lib/export/mercator';
import { storyCamera, storyExtent } from '../../../src/lib/export/frame';
import { exportStyle } from '../../../src/lib/export/style';
import { basemapSourceData, type BasemapData } from '../../../src/lib/export/svg-basemap';
import { BASEMAP_SOURCE, type Theme } from '../../../src/lib/map/basemap';

const result = loadModel(readGeodata('geodata'));
if (!result.ok) throw new Error('shipped geodata is invalid');
/** The shipped model. */
export const model = result.model;

/** The committed basemap files, read from disk. */
export const basemap = Object.fromEntries(
  Object.keys(BASEMAP_SOURCE).map((name) => [name, JSON.parse(readFileSync(`geodata/basemap/${name}.geojson`, 'utf8'))])
) as BasemapData;

/** A text width close to Noto Sans's (no canvas in Node). */
export const measure: Measure = (text, size, bold) => text.length * size * (bold ? 0.6 : 0.55);

/** The default frame of a `width` × `height` map: the shipped story's extent with the screen's padding. */
export const mainCamera = (width = 900, height = 600): Camera => storyCamera(model, width, height);

/** What a drawing test varies. */
export interface DrawOptions {
  camera?: Camera;
  width?: number;
  height?: number;
  visible?: readonly LayerId[];
  selected?: string | null;
  /** The timeline event selected. */
  event?: string | null;
  theme?: Theme;
  /** The model drawn; the shipped one when absent. */
  model?: Model;
}

/** The map drawn as an export draws it, from the app's own style. */
export function draw(options: DrawOptions = {}): { drawing: MapDrawing; camera: Camera; style: ReturnType<typeof exportStyle> } {
  const camera = options.camera ?? mainCamera(options.width, options.height);
  const theme = options.theme ?? 'light';
  const style = exportStyle(options.model ?? model, { theme, layers: options.visible ?? LAYER_IDS, place: options.selected ?? null, event: options.event ?? null });
  const data = styleData(style, basemapSourceData(basemap));
  return { drawing: drawMap({ style, data, camera, measure, theme, base: 14, story: storyExtent(options.model ?? model) }), camera, style };
}
