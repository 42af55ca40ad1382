import { yearsOf } from '../data/events';
import type { StoryEvent } from '../data/types';
import type { AppState } from '../state/app-state.svelte';
import { textOrder, type TourStop } from '../sources/tour';

/** The values of a list, each once, in first-seen order. */
const unique = <T>(values: T[]): T[] => values.filter((v, i) => values.indexOf(v) === i);

/** The timeline's own state: events in time order, a period filter and the text-order tour of places. */
export class Timeline {
  readonly app: AppState;
  mode = $state<'events' | 'places'>('events');
  tourSourceId = $state('');
  tourIndex = $state(-1);
  /** The chosen period, in years; null for no limit. */
  from = $state<number | null>(null);
  to = $state<number | null>(null);

  readonly event: StoryEvent | null = $derived.by(() => this.app.model.events.find((e) => e.id === this.app.eventId) ?? null);
  /** Every year a dated event covers, ascending. */
  readonly years: number[] = $derived.by(() =>
    unique(this.app.model.events.flatMap((e) => (e.date ? yearsOf(e.date) : []))).sort((a, b) => a - b)
  );
  readonly filtered = $derived(this.from !== null || this.to !== null);
  /** The events shown: all, or the dated ones that fall in the period. */
  readonly events: StoryEvent[] = $derived.by(() => this.app.model.events.filter((e) => this.inPeriod(e)));
  /** The places of the period's events, or null when no period is chosen. */
  readonly periodPlaces: string[] | null = $derived(this.filtered ? unique(this.events.flatMap((e) => e.places)) : null);
  readonly stops: TourStop[] = $derived.by(() => textOrder(this.app.model, this.tourSourceId));

  constructor(app: AppState) {
    this.app = app;
    this.tourSourceId = app.model.sources[0]?.id ?? '';
  }

  private inPeriod(event: StoryEvent): boolean {
    if (!this.filtered) return true;
    if (!event.date) return false;
    const [first, last] = yearsOf(event.date);
    return last >= (this.from ?? -Infinity) && first <= (this.to ?? Infinity);
  }

  /** Selects an event by id (and frames its places). */
  select(id: string): void {
    this.app.showEvent(id);
  }

  /** Steps to the next (+1) or previous (-1) shown event in time order; from no selection, to the first or last. */
  step(delta: 1 | -1): void {
    const list = this.events;
    if (list.length === 0) return;
    const at = list.findIndex((e) => e.id === this.app.eventId);
    const next = at === -1 ? (delta > 0 ? 0 : list.length - 1) : at + delta;
    if (next >= 0 && next < list.length) this.select(list[next]!.id);
  }

  /** Limits the events and the places on the map to a period of years; null ends leave it open. */
  setPeriod(from: number | null, to: number | null): void {
    this.from = from;
    this.to = to;
    if (this.event && !this.inPeriod(this.event)) this.app.clearSelection();
  }

  setMode(mode: 'events' | 'places'): void {
    this.mode = mode;
    this.tourIndex = -1;
  }

  /** Chooses the text whose order the tour follows, and starts it again. */
  setTourSource(id: string): void {
    if (!this.app.model.sources.some((s) => s.id === id)) return;
    this.tourSourceId = id;
    this.tourIndex = -1;
  }

  /** Goes to one stop of the tour, selecting its place at that mention. */
  tourGo(index: number): void {
    const stop = this.stops[index];
    if (!stop) return;
    this.tourIndex = index;
    this.app.selectMention(stop.placeId, this.tourSourceId, stop.offset);
    this.app.showSource(this.tourSourceId);
  }

  /** Steps the tour to the next (+1) or previous (-1) place the text names. */
  tourStep(delta: 1 | -1): void {
    this.tourGo(this.tourIndex === -1 && delta < 0 ? this.stops.length - 1 : this.tourIndex + delta);
  }
}
