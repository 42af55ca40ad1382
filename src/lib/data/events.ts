import { isObject } from './geojson';
import type { Citation, EventCitation, IsoDate, Model, Place, Source, StoryEvent, ValidationError } from './types';

/** What the event and gazetteer parsers need from the loader: what is known so far and where errors go. */
export interface ParseContext {
  sources: Map<string, Source>;
  places: Map<string, Place>;
  /** Resolves a raw quote selector against its source, or returns why it cannot. */
  resolve: (raw: unknown) => Omit<Citation, 'layer'> | string;
  errors: ValidationError[];
}

const FILE = 'events.json';
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether a single ISO 8601 calendar date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) names a real day, month or year. */
function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [, year, month, day] = m;
  if (month === undefined) return true;
  const mm = Number(month);
  if (mm < 1 || mm > 12) return false;
  if (day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(Number(year), mm, 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= daysInMonth;
}

/** Whether a value is an ISO 8601 date, or an interval `start/end` of two dates with start before end. */
export function isIsoDate(value: string): boolean {
  const parts = value.split('/');
  if (parts.length === 1) return isCalendarDate(value);
  return parts.length === 2 && parts.every(isCalendarDate) && parts[0]! < parts[1]!;
}

/** The first day an ISO date or interval covers, for ordering (`1993` sorts before `1993-01-01`). */
export function dateStart(date: IsoDate): string {
  return date.split('/')[0]!;
}

/** Orders events in time, earliest first; undated events keep their file order, after the dated ones. */
export function byTime(a: StoryEvent, b: StoryEvent): number {
  if (a.date === null || b.date === null) return a.date === null ? (b.date === null ? 0 : 1) : -1;
  return dateStart(a.date).localeCompare(dateStart(b.date));
}

function parseEventCitation(raw: unknown, id: string, ctx: ParseContext): EventCitation | null {
  const fail = (message: string) => ctx.errors.push({ file: FILE, feature: id, message });
  const resolved = ctx.resolve(raw);
  if (typeof resolved === 'string') {
    fail(resolved);
    return null;
  }
  const r = raw as Record<string, unknown>;
  const when = typeof r.when === 'string' && r.when.length > 0 ? r.when : null;
  const asOfSource = r.asOfSource === true;
  let date = typeof r.date === 'string' ? r.date : null;
  if (when !== null && !resolved.exact.includes(when)) fail(`"when" ${JSON.stringify(when)} does not occur in the quote "${resolved.exact}"`);
  if (r.date !== undefined && (date === null || !isIsoDate(date))) {
    fail(`date ${JSON.stringify(r.date)} is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or start/end)`);
    date = null;
  }
  if (date !== null && asOfSource) fail('a quotation dated "asOfSource" takes its date from the source and gives no "date" of its own');
  if (date !== null && when === null) fail(`date "${date}" needs "when", the words of the quote that give it`);
  const years = when?.match(/\b\d{4}\b/g) ?? [];
  if (date !== null && years.some((year) => !date!.includes(year))) fail(`date "${date}" does not match the words "${when}"`);
  if (asOfSource) {
    date = ctx.sources.get(resolved.source)?.date ?? null;
    if (date === null || !isIsoDate(date)) fail(`"asOfSource" needs a dated source, and "${resolved.source}" has no date`);
  }
  return { ...resolved, when, date, asOfSource };
}

function parseEvent(entry: unknown, index: number, seen: Set<string>, ctx: ParseContext): StoryEvent | null {
  if (!isObject(entry) || typeof entry.id !== 'string' || !ID_PATTERN.test(entry.id)) {
    ctx.errors.push({ file: FILE, feature: `#${index}`, message: 'needs an "id", a lower-case slug like "attack-1992"' });
    return null;
  }
  const id = entry.id;
  const fail = (message: string) => ctx.errors.push({ file: FILE, feature: id, message });
  if (seen.has(id)) fail('duplicate event id');
  seen.add(id);
  const places = Array.isArray(entry.places) ? entry.places : [];
  if (!Array.isArray(entry.places)) fail('"places" must be an array of place ids (empty when the texts name none)');
  for (const placeId of places) {
    if (typeof placeId !== 'string' || !ctx.places.has(placeId)) fail(`names unknown place ${JSON.stringify(placeId)}`);
  }
  const raws = Array.isArray(entry.citations) ? entry.citations : [];
  if (raws.length === 0) fail('needs at least one citation');
  const citations = raws.map((raw) => parseEventCitation(raw, id, ctx)).filter((c): c is EventCitation => c !== null);
  const label = typeof entry.label === 'string' ? entry.label : '';
  const labelled = citations.find((c) => label.length > 0 && c.exact.includes(label));
  if (!labelled) fail(`"label" ${JSON.stringify(entry.label)} must be words quoted from one of its citations`);
  return {
    id,
    label,
    labelSource: labelled?.source ?? '',
    places: places.filter((p): p is string => typeof p === 'string'),
    citations,
    date: citations.find((c) => c.date !== null)?.date ?? null
  };
}

/** Validates the parsed `events.json` and returns its events in time order (undated last). */
export function parseEvents(json: unknown, ctx: ParseContext): StoryEvent[] {
  if (!isObject(json) || !Array.isArray(json.events)) {
    if (json !== undefined) ctx.errors.push({ file: FILE, message: 'must be an object with an "events" array' });
    return [];
  }
  const seen = new Set<string>();
  const events = json.events.map((entry, i) => parseEvent(entry, i, seen, ctx)).filter((e): e is StoryEvent => e !== null);
  return events.sort(byTime);
}

/** One distinct date of an event, with the words each quoting source uses for it. */
export interface EventDate {
  date: string;
  when: string | null;
  asOfSource: boolean;
  sources: string[];
}

/** The event's distinct dates in its quotation order, each with its first wording and every source that gives it. */
export function eventDates(event: StoryEvent): EventDate[] {
  const dates: EventDate[] = [];
  for (const c of event.citations.filter((x): x is EventCitation & { date: string } => x.date !== null)) {
    const known = dates.find((d) => d.date === c.date);
    if (!known) dates.push({ date: c.date, when: c.when, asOfSource: c.asOfSource, sources: [c.source] });
    else if (!known.sources.includes(c.source)) known.sources.push(c.source);
  }
  return dates;
}

/** The sources that quote the event, each once, in the order of its quotations. */
export function eventSources(event: StoryEvent): string[] {
  return [...new Set(event.citations.map((c) => c.source))];
}

/** The places an event concerns (ringed on the map and in exports); none when no event has this id. */
export function eventPlaces(model: Pick<Model, 'events'>, eventId: string | null | undefined): string[] {
  return model.events.find((e) => e.id === eventId)?.places ?? [];
}

/** The sources that quote the event without giving it a date. */
export function undatedSources(event: StoryEvent): string[] {
  const dated = new Set(event.citations.filter((c) => c.date !== null).map((c) => c.source));
  return eventSources(event).filter((s) => !dated.has(s));
}

/** The years an ISO date or interval covers: `[first, last]`. */
export function yearsOf(date: string): [number, number] {
  const [start, end = start] = date.split('/');
  return [Number(start!.slice(0, 4)), Number(end!.slice(0, 4))];
}

/**
 * A short dated caption for an export: the event's quoted label, then each distinct date in the words
 * of the first text that gives it, with the numbers of the sources that give it.
 */
export function eventCaption(model: Model, event: StoryEvent): string {
  const refs = (ids: string[]) => `[${ids.map((id) => model.sources.findIndex((s) => s.id === id) + 1).join(', ')}]`;
  const dates = eventDates(event).map((d) => {
    if (d.asOfSource) return `as of the source's date, ${d.date} ${refs(d.sources)}`;
    return `${d.when ?? d.date} ${refs(d.sources)}`;
  });
  return `“${event.label}” — ${dates.length > 0 ? dates.join('; ') : `no date in the texts ${refs([event.labelSource])}`}`;
}
