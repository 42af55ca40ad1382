import { bundledModel } from '../data/bundled';
import { MAP_TITLE } from '../title';
import { DEFAULT_LAYERS } from '../data/types';
import { exportSubtitle } from './content';
import { parseView } from '../state/url';
import { ExportError, exportSnapshot, type ExportRequest } from './export';
import type { Format } from './types';
import type { SizePreset } from './size';
import { bytesToBase64 } from './base64';

/** What the snapshot CLI sends: the CLI's flags, unparsed where the page knows better. */
export interface SnapshotOptions {
  format: Format;
  preset?: SizePreset;
  width?: number;
  height?: number;
  scale?: number;
  dpi?: number;
  view?: string;
  layers?: string[];
  place?: string;
  /** A timeline event the permalink keeps (when no place is given). */
  event?: string;
  title?: string;
  subtitle?: string;
  theme?: 'light' | 'dark';
  basemap?: string;
  permalinkBase: string;
}

/** The page's answer: the file as base64 and what was burned in, or the error. */
export type SnapshotAnswer =
  | { ok: true; base64: string; filename: string; mime: string; width: number | null; height: number | null; sources: { n: number; text: string }[]; texts: string[]; map: unknown }
  | { ok: false; error: string };

const model = bundledModel();

async function base64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

/** Runs one export for the headless snapshot, with the same code as the export dialog. */
async function snapshot(options: SnapshotOptions): Promise<SnapshotAnswer> {
  try {
    const view = options.view === undefined ? null : parseView(options.view);
    if (options.view !== undefined && !view) throw new ExportError(`--view "${options.view}" is not zoom/lat/lng (for example 9/39.9/46.8)`);
    const preset = options.preset ?? (options.width || options.height ? 'custom' : 'social-wide');
    const width = options.width ?? 1200;
    const height = options.height ?? 675;
    const place = options.place ?? null;
    const request: ExportRequest = {
      format: options.format,
      size: { preset, width, height, scale: options.scale, dpi: options.dpi },
      view,
      frame: { width, height },
      layers: (options.layers ?? [...DEFAULT_LAYERS]) as ExportRequest['layers'],
      place,
      event: options.event ?? null,
      title: options.title ?? MAP_TITLE,
      subtitle: options.subtitle ?? exportSubtitle(model, place, options.event ?? null),
      theme: options.theme ?? 'light',
      basemap: options.basemap ?? null,
      permalinkBase: options.permalinkBase
    };
    const result = await exportSnapshot(model, request);
    const { blob, ...rest } = result;
    return { ok: true, base64: await base64(blob), ...rest };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

(window as unknown as { __khojalyExport: typeof snapshot }).__khojalyExport = snapshot;
document.body.dataset.ready = 'true';
