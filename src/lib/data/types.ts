import type { Geometry, Position } from 'geojson';

/** Layer ids, in drawing and legend order. */
export const LAYER_IDS = ['khojaly', 'escape-route', 'khankendi', 'baku-monument', 'flag-raising-2023', 'also-named'] as const;

/** The id of a story layer. */
export type LayerId = (typeof LAYER_IDS)[number];

/** The layers shown when nothing else is asked for: all but "Also named in the texts". */
export const DEFAULT_LAYERS: readonly LayerId[] = LAYER_IDS.filter((id) => id !== 'also-named');

/** How precise a feature's geometry is. */
export type Precision = 'exact' | 'approximate';

/** What a place is; decides its symbol and the zoom the camera moves to. */
export type PlaceKind = 'town' | 'monument' | 'route' | 'city' | 'district' | 'country';

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
  /** Where the reference can be read (an http(s) URL), when known. */
  url?: string;
}

/** Where a feature's geometry comes from and how far to trust it. */
export interface Provenance {
  /** The reference the drawn coordinates are taken from. */
  reference: string;
  /** Where that reference can be read (an http(s) URL), when known. */
  url?: string;
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
  /** Dated (and undated) events of the texts, in time order, undated last. */
  events: StoryEvent[];
  /** Every place name the texts contain, mapped or not. */
  gazetteer: Gazetteer;
}

/**
 * An ISO 8601 calendar date, reduced precision or interval: `1993`, `2009-02`, `2014-02-13`,
 * `1992-02-25/1992-02-26`.
 */
export type IsoDate = string;

/** A quotation of an event; `when` is the date as the quote words it, `date` its ISO 8601 form. */
export interface EventCitation extends Omit<Citation, 'layer'> {
  /** The date words as written, a substring of `exact`. */
  when: string | null;
  /** ISO 8601 form of `when`, or of the source's own date when `asOfSource` is set; null when undated. */
  date: IsoDate | null;
  /** The date is the source's publication date (from its metadata), not words of the text. */
  asOfSource: boolean;
}

/** An event the texts narrate, with its quotations and the places it concerns. */
export interface StoryEvent {
  id: string;
  /** A short phrase quoted from one of its citations, shown as the event's name. */
  label: string;
  /** The source of the quoted label. */
  labelSource: string;
  places: string[];
  citations: EventCitation[];
  /** The date of the first dated citation (used for order and `data-date`); null when undated. */
  date: IsoDate | null;
}

/** What a named place is. */
export type GazetteerKind = 'town' | 'city' | 'district' | 'region' | 'country' | 'monument';

/** Where a name occurs in a source text (UTF-16 offsets). */
export interface Occurrence {
  source: string;
  start: number;
  end: number;
}

/** A place name as written in the texts: mapped (a place id) or deliberately not, with the reason. */
export interface GazetteerEntry {
  name: string;
  kind: GazetteerKind;
  placeId: string | null;
  unmappedReason: string | null;
  occurrences: Occurrence[];
}

/** The gazetteer: every place name of the texts, and the capitalised words that are not places. */
export interface Gazetteer {
  entries: GazetteerEntry[];
  /** Names of people, bodies, titles, months and other capitalised words the texts use that are not places. */
  notPlaces: string[];
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
  /** `events.json` text, if present. */
  events?: string;
  /** `gazetteer.json` text, if present. */
  gazetteer?: string;
}

/** A quotation found in its source, as a selector with its `start` (UTF-16 code units): it round-trips through the loader. */
export type Quotation = Omit<Citation, 'layer' | 'end'>;

/**
 * What a layer says about itself: a quotation from a source (shown with the source's label) or
 * a plain title in the map's own voice.
 */
export type LayerDescription = Quotation | string;
