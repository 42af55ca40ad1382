import type { Geometry, Position } from 'geojson';
import { eventCaption } from '../data/events';
import type { LayerId, Model, Place, Source } from '../data/types';
import { formatHash, urlStateOf, type View } from '../state/url';
import type { Bounds } from './mercator';

/** One numbered entry of the burned-in source list. Unknown fields read "unknown"; nothing is invented. */
export interface SourceEntry {
  n: number;
  id: string;
  label: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  /** The entry as one line of text, without its number. */
  text: string;
}

const inside = ([lng, lat]: Position, [w, s, e, n]: Bounds) => lng! >= w && lng! <= e && lat! >= s && lat! <= n;

/** True when the segment a–b crosses the rectangle (Liang–Barsky clipping). */
function segmentHits(a: Position, b: Position, [w, s, e, n]: Bounds): boolean {
  const [x0, y0] = a as [number, number];
  const dx = b[0]! - x0;
  const dy = b[1]! - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x0 - w],
    [dx, e - x0],
    [-dy, y0 - s],
    [dy, n - y0]
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** True when any part of a point or line geometry lies inside the bounds. */
export function geometryInBounds(geometry: Geometry, bounds: Bounds): boolean {
  switch (geometry.type) {
    case 'Point':
      return inside(geometry.coordinates, bounds);
    case 'MultiPoint':
      return geometry.coordinates.some((p) => inside(p, bounds));
    case 'LineString':
      return geometry.coordinates.some((p, i, all) => inside(p, bounds) || (i > 0 && segmentHits(all[i - 1]!, p, bounds)));
    case 'MultiLineString':
      return geometry.coordinates.some((line) => geometryInBounds({ type: 'LineString', coordinates: line }, bounds));
    default:
      return false;
  }
}

/** The places of the visible layers that lie in the extent, in model order. */
export function placesInExtent(model: Model, visible: readonly LayerId[], bounds: Bounds): Place[] {
  return model.places.filter((p) => p.layers.some((l) => visible.includes(l)) && geometryInBounds(p.geometry, bounds));
}

/** One source as a line: title, publisher, date, URL, each "unknown" when the source index has no value. */
export function sourceText(source: Pick<Source, 'title' | 'publisher' | 'date' | 'url' | 'label'>): string {
  const title = source.title ? source.title : `Title unknown ("${source.label}")`;
  return `${title}. ${source.publisher ?? 'Publisher unknown'}, ${source.date ?? 'date unknown'}. ${source.url ?? 'URL unknown'}`;
}

/**
 * The sources cited by these places through their visible layers. Each keeps its number in the
 * source index, the one the app shows ([1], [2] …), so an export and the screen agree.
 */
export function citedSources(model: Model, places: readonly Place[], visible: readonly LayerId[]): SourceEntry[] {
  const cited = new Set(places.flatMap((p) => p.citations.filter((c) => visible.includes(c.layer)).map((c) => c.source)));
  return model.sources
    .map((s, i) => ({ s, n: i + 1 }))
    .filter(({ s }) => cited.has(s.id))
    .map(({ s, n }) => ({
      n,
      id: s.id,
      label: s.label,
      title: s.title,
      publisher: s.publisher,
      date: s.date,
      url: s.url,
      text: sourceText(s)
    }));
}

/** What a permalink restores. */
export interface PermalinkState {
  view: View;
  layers: readonly LayerId[];
  place: string | null;
  basemap?: string | null;
  /** The timeline's selected event, kept when no place is selected. */
  event?: string | null;
}

/** The app URL that shows this view again: `base#view=…&layers=…&place=…`. */
export function permalink(base: string, state: PermalinkState): string {
  const hash = formatHash(
    urlStateOf({ view: state.view, visibleLayers: state.layers, placeId: state.place, citeIndex: 0, basemapId: state.basemap, eventId: state.event })
  );
  return `${base.replace(/#.*$/, '')}#${hash}`;
}

/** The subtitle an export proposes: the selected place's name, else the selected event's dated caption. */
export function exportSubtitle(model: Model, placeId: string | null, eventId: string | null): string {
  if (placeId) return model.places.find((p) => p.id === placeId)?.name ?? '';
  const event = model.events.find((e) => e.id === eventId);
  return event ? eventCaption(model, event) : '';
}
