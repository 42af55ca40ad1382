import type { LayerId } from '../data/types';
import type { Theme } from '../map/basemap';
import type { View } from '../state/url';
import type { SizeRequest } from './size';

/** The export formats. `annotations` is the citations as W3C Web Annotation JSON-LD. */
export const FORMATS = ['png', 'jpeg', 'svg', 'pdf', 'geojson', 'annotations'] as const;

/** One export format. */
export type Format = (typeof FORMATS)[number];

/** Everything an export needs; the dialog and the snapshot CLI both fill this in. */
export interface ExportRequest {
  format: Format;
  size: SizeRequest;
  /** The view whose extent is kept: what a frame of `frame` CSS pixels shows at this camera. */
  view: View | null;
  /** The CSS size of the on-screen map (or the CLI's frame) the view refers to. */
  frame: { width: number; height: number };
  layers: readonly LayerId[];
  place: string | null;
  /** The timeline's selected event, which the permalink keeps. */
  event?: string | null;
  title: string;
  subtitle: string;
  theme: Theme;
  /** Id of a configured basemap (raster exports draw it; SVG and PDF draw the offline basemap's vectors); null or absent: the default. */
  basemap?: string | null;
  /** The app URL permalinks start with. */
  permalinkBase: string;
}

/** What an export made. */
export interface ExportResult {
  blob: Blob;
  filename: string;
  mime: string;
  /** Output size in pixels (raster) or CSS pixels (SVG/PDF); null for data. */
  width: number | null;
  height: number | null;
  /** The numbered sources burned in (empty for data exports). */
  sources: { n: number; id: string; text: string }[];
  /** The burned-in text lines, in drawing order. */
  texts: string[];
  /** The map's camera and where the map sits in the frame (CSS pixels). */
  map: { x: number; y: number; w: number; h: number; center: [number, number]; zoom: number } | null;
  /** Story labels drawn: place, text and box in map-frame CSS pixels (left, top, right, bottom). */
  labels: { placeId: string; text: string; box: [number, number, number, number] }[];
  /** Story places shown by a numbered callout (listed in the frame's key) instead of a label. */
  callouts: { n: number; placeId: string; text: string }[];
  /** Story symbols drawn in the map frame, at their anchor points. */
  symbols: { placeId: string; at: [number, number] }[];
  /** Insets drawn in the map frame. */
  insets: { id: 'baku' | 'locator'; x: number; y: number; w: number; h: number }[];
}
