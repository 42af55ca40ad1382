import type { Geometry, Position } from 'geojson';
import type { LayerDescription } from './descriptions';

/** Layer ids, in drawing and legend order. */
export const LAYER_IDS = ['khojaly', 'escape-route', 'khankendi', 'baku-monument', 'flag-raising-2023'] as const;

/** The id of one of the five story layers. */
export type LayerId = (typeof LAYER_IDS)[number];

/** How precise a feature's geometry is. */
export type Precision = 'exact' | 'approximate';

/** What a place is; decides its symbol and the zoom the camera moves to. */
export type PlaceKind = 'town' | 'monument' | 'route';

/**
 * A W3C Web Annotation TextQuoteSelector into one source text, with an optional
 * TextPositionSelector hint (`start`, in UTF-16 code units).
 */
export interface QuoteSelector {
  source: string;
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
}

/** A quote resolved against its text: `text.slice(start, end) === exact`. Offsets are UTF-16 code units. */
export interface Citation extends QuoteSelector {
  start: number;
  end: number;
  /** The layer whose feature carries this citation. */
  layer: LayerId;
}

/** Where a coordinate comes from. */
export interface CoordinateReference {
  reference: string;
  coordinates: Position;
}

/** Where a feature's geometry comes from and how far to trust it. */
export interface Provenance {
  /** The reference the drawn coordinates are taken from. */
  reference: string;
  /** Free text: how the geometry was made, what is uncertain. */
  note?: string;
  /** Other references and the coordinates they give, shown side by side. */
  alternatives?: CoordinateReference[];
}

/** A mapped place, merged over every layer that draws it. */
export interface Place {
  id: string;
  name: string;
  nameAz: string | null;
  altNames: string[];
  /** Strings in the source texts that refer to this place (spelling variants included). */
  mentions: string[];
  kind: PlaceKind;
  geometry: Geometry;
  precision: Precision;
  provenance: Provenance;
  citations: Citation[];
  layers: LayerId[];
}

/** One story layer as its file describes it. */
export interface Layer {
  id: LayerId;
  title: string;
  /** A quotation from a source, or a plain title (see `descriptions.ts`); '' when absent. */
  description: LayerDescription;
  file: string;
  placeIds: string[];
}

/** A source text and what is known about it; unknown fields are null. */
export interface Source {
  id: string;
  file: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  language: string | null;
  note: string | null;
  label: string;
  text: string;
}

/** A point where the sources disagree, each side quoted. */
export interface Difference {
  id: string;
  topic: string;
  places: string[];
  citations: Omit<Citation, 'layer'>[];
}

/** Everything the app shows, validated. */
export interface Model {
  sources: Source[];
  layers: Layer[];
  places: Place[];
  differences: Difference[];
}

/** One validation problem, naming the file and, where it applies, the feature. */
export interface ValidationError {
  file: string;
  feature?: string;
  message: string;
}

/** The raw files the loader reads, by file name. */
export interface RawFiles {
  /** `sources/index.json` text. */
  sourceIndex: string;
  /** Source texts by file name (`report-2026-02-26.txt`). */
  sourceTexts: Record<string, string>;
  /** Layer files by file name (`khojaly.geojson`). */
  layers: Record<string, string>;
  /** `differences.json` text, if present. */
  differences?: string;
}
