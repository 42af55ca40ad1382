import { DEFAULT_LAYERS } from '../data/types';
import type { View } from '../data/view';

export type { View };

/** The state a URL hash carries. `null` means "not given, use the default". */
export interface UrlState {
  view: View | null;
  layers: string[] | null;
  place: string | null;
  /** Index of the selected passage among the place's citations. */
  cite: number | null;
  /** Id of a configured basemap other than the default. */
  basemap?: string | null;
  /** Id of the timeline's selected event. */
  event?: string | null;
  /** The interface language chosen by the link (`#lang=az`); null follows the browser. */
  lang?: string | null;
}

/** What the parser accepts as layer and place ids. */
export interface Known {
  layers: readonly string[];
  places: readonly string[];
  basemaps?: readonly string[];
  events?: readonly string[];
  langs?: readonly string[];
}

export const EMPTY_URL_STATE: UrlState = { view: null, layers: null, place: null, cite: null, basemap: null };

/** The parts of a map state a URL carries. */
export interface UrlSource {
  view: View | null;
  visibleLayers: readonly string[];
  placeId: string | null;
  /** Index of the selected passage; 0 (the first) is not written. */
  citeIndex: number;
  basemapId?: string | null;
  /** The timeline's selected event; written only when no place is selected. */
  eventId?: string | null;
  /** The interface language the link chose; null follows the browser. */
  lang?: string | null;
}

/** Whether two lists of layer ids hold the same ids, in any order. */
function sameLayers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && b.every((id) => a.includes(id));
}

/**
 * The one way a map state becomes a URL state: the default layers are written as no `layers`,
 * a passage only together with its place, an event only without a place.
 */
export function urlStateOf(app: UrlSource): UrlState {
  return {
    view: app.view,
    layers: sameLayers(app.visibleLayers, DEFAULT_LAYERS) ? null : [...app.visibleLayers],
    place: app.placeId,
    cite: app.placeId && app.citeIndex > 0 ? app.citeIndex : null,
    basemap: app.basemapId ?? null,
    event: app.placeId ? null : (app.eventId ?? null),
    ...(app.lang ? { lang: app.lang } : {})
  };
}

const MAX_ZOOM = 22;

/** Parses `zoom/lat/lng`; anything malformed or out of range gives null. */
export function parseView(value: string | null | undefined): View | null {
  if (!value) return null;
  const parts = value.split('/');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null;
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
  if (zoom < 0 || zoom > MAX_ZOOM || Math.abs(lat) > 85.06 || Math.abs(lng) > 180) return null;
  return { zoom, lat, lng };
}

/** Formats a view with the precision its zoom needs (about a pixel). */
export function formatView(view: View): string {
  const digits = Math.max(0, Math.ceil(Math.log10(Math.pow(2, view.zoom)) + 1.5));
  const round = (n: number, d: number) => {
    const fixed = n.toFixed(d).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
    return fixed === '-0' ? '0' : fixed;
  };
  return `${round(view.zoom, 2)}/${round(view.lat, digits)}/${round(view.lng, digits)}`;
}

/**
 * Reads the state from a URL hash (`#view=z/lat/lng&layers=a,b&place=id&cite=n`). It never throws:
 * an unknown or malformed value falls back to its default (null), and unknown layer ids are dropped.
 */
export function parseHash(hash: string, known: Known): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return { ...EMPTY_URL_STATE };
  }
  const layersParam = params.get('layers');
  let layers: string[] | null = null;
  if (layersParam === '') layers = [];
  else if (layersParam !== null) {
    const valid = layersParam.split(',').filter((id) => known.layers.includes(id));
    layers = valid.length > 0 ? [...new Set(valid)] : null;
  }
  const place = params.get('place');
  const cite = params.get('cite');
  const basemap = params.get('basemap');
  const event = params.get('event');
  const lang = params.get('lang');
  return {
    ...(event !== null && (known.events ?? []).includes(event) ? { event } : {}),
    ...(lang !== null && (known.langs ?? []).includes(lang) ? { lang } : {}),
    basemap: basemap !== null && (known.basemaps ?? []).includes(basemap) ? basemap : null,
    view: parseView(params.get('view')),
    layers,
    place: place !== null && known.places.includes(place) ? place : null,
    cite: cite !== null && /^\d{1,4}$/.test(cite) ? Number(cite) : null
  };
}

/** Writes the state as a URL hash (without the leading `#`); null fields are left out. */
export function formatHash(state: UrlState): string {
  const parts: string[] = [];
  if (state.view) parts.push(`view=${formatView(state.view)}`);
  if (state.layers) parts.push(`layers=${state.layers.join(',')}`);
  if (state.place) parts.push(`place=${encodeURIComponent(state.place)}`);
  if (state.place && state.cite !== null) parts.push(`cite=${state.cite}`);
  if (state.basemap) parts.push(`basemap=${encodeURIComponent(state.basemap)}`);
  if (state.event && !state.place) parts.push(`event=${encodeURIComponent(state.event)}`);
  if (state.lang) parts.push(`lang=${encodeURIComponent(state.lang)}`);
  return parts.join('&');
}
