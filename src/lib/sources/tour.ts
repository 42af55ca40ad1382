import type { Model, StoryEvent } from '../data/types';
import { findMentions } from './mentions';
import type { Highlight } from './segments';

/** One place of the text-order tour: where a text first names it. */
export interface TourStop {
  placeId: string;
  offset: number;
}

/** The event's passages in one source; the first is the current one. */
export function eventHighlights(event: StoryEvent, sourceId: string): Highlight[] {
  return event.citations.filter((c) => c.source === sourceId).map((c, i) => ({ start: c.start, end: c.end, current: i === 0 }));
}

/** The mapped places of a text in the order it first names them. */
export function textOrder(model: Model, sourceId: string): TourStop[] {
  const text = model.sources.find((s) => s.id === sourceId)?.text ?? '';
  const seen = new Set<string>();
  const stops: TourStop[] = [];
  for (const m of findMentions(text, model.places)) {
    if (seen.has(m.placeId)) continue;
    seen.add(m.placeId);
    stops.push({ placeId: m.placeId, offset: m.start });
  }
  return stops;
}
