import { formatHash, parseView, type UrlState, type View } from '../state/url';
import { isId as wellFormedId } from '../data/ids';

/** The version of the postMessage protocol; every message carries it as `version`. */
export const PROTOCOL_VERSION = 1;
/** Every message type starts with this. */
export const PREFIX = 'khojaly-map:';

/** What the embed tells its host about its state; sent in `ready` and `state` messages. */
export interface EmbedState {
  /** The selected place id, or null. */
  place: string | null;
  /** Index of the selected passage among the place's citations (0 when none is selected). */
  cite: number;
  /** Ids of the visible story layers, in legend order. */
  layers: string[];
  /** The camera, once the map has reported one. */
  view: View | null;
  /** The same state as a URL hash of the full map (without `#`). */
  hash: string;
}

/** Messages a host page may send to the embed (before `version` is added). */
export type HostMessage =
  | { type: 'khojaly-map:select'; place: string | null; cite?: number }
  | { type: 'khojaly-map:view'; view: View }
  | { type: 'khojaly-map:layers'; layers: string[] }
  | { type: 'khojaly-map:get-state' };

/** Messages the embed sends to its host (before `version` is added). */
export type EmbedMessage =
  | { type: 'khojaly-map:ready'; state: EmbedState; height: number }
  | { type: 'khojaly-map:height'; height: number; anchor?: number; anchorHeight?: number }
  | { type: 'khojaly-map:select'; place: string | null; cite: number }
  | { type: 'khojaly-map:state'; state: EmbedState };

/** A message as it travels: with the protocol version. */
export type Wire<M> = M & { version: typeof PROTOCOL_VERSION };

/** The ids a host message may name; without it only their form is checked. */
export interface KnownIds {
  places: readonly string[];
  layers: readonly string[];
}

/** The value as a plain object, or null. */
export function record(data: unknown): Record<string, unknown> | null {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
}

/** A view from `{ zoom, lat, lng }` numbers, validated by the same rules as URL views. */
export function viewFrom(value: unknown): View | null {
  const v = record(value);
  if (!v) return null;
  const parts = [v.zoom, v.lat, v.lng];
  if (!parts.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  return parseView((parts as number[]).map((n) => n.toFixed(6)).join('/'));
}

/** The protocol version is right: 1, or absent (hand-written host messages may omit it). */
export function versionOk(m: Record<string, unknown>, required: boolean): boolean {
  return m.version === PROTOCOL_VERSION || (!required && m.version === undefined);
}

/** Whether a value is an id (of a place or layer), and one of `known` when given. */
export const isId = (value: unknown, known: readonly string[] | undefined): value is string =>
  wellFormedId(value) && (!known || known.includes(value));

/**
 * Validates a message from a host page. Anything that is not exactly one of the {@link HostMessage}
 * shapes (unknown type, other version, unknown place or layer, bad numbers) gives null; it never throws.
 */
export function parseHostMessage(data: unknown, known?: KnownIds): HostMessage | null {
  const m = record(data);
  if (!m || typeof m.type !== 'string' || !versionOk(m, false)) return null;
  switch (m.type) {
    case 'khojaly-map:select': {
      if (m.place === null) return { type: m.type, place: null };
      if (!isId(m.place, known?.places)) return null;
      if (m.cite === undefined) return { type: m.type, place: m.place };
      if (typeof m.cite !== 'number' || !Number.isInteger(m.cite) || m.cite < 0 || m.cite > 9999) return null;
      return { type: m.type, place: m.place, cite: m.cite };
    }
    case 'khojaly-map:view': {
      const view = viewFrom(m.view);
      return view ? { type: m.type, view } : null;
    }
    case 'khojaly-map:layers': {
      if (!Array.isArray(m.layers) || m.layers.length > 64 || !m.layers.every((l) => isId(l, known?.layers))) return null;
      return { type: m.type, layers: [...new Set(m.layers as string[])] };
    }
    case 'khojaly-map:get-state':
      return { type: m.type };
    default:
      return null;
  }
}

/** The state an embed reports, from the state it would write into the URL. */
export function embedState(url: UrlState, allLayers: readonly string[]): EmbedState {
  return {
    place: url.place,
    cite: url.cite ?? 0,
    layers: url.layers ? [...url.layers] : [...allLayers],
    view: url.view ? { zoom: url.view.zoom, lat: url.view.lat, lng: url.view.lng } : null,
    hash: formatHash(url)
  };
}

/** Adds the protocol version to a message. */
export function wire<M extends EmbedMessage | HostMessage>(message: M): Wire<M> {
  return { ...message, version: PROTOCOL_VERSION };
}
