import type { Citation, LayerDescription } from './types';

export type { LayerDescription };

/** A plain title is shorter than this many characters. */
export const TITLE_MAX_LENGTH = 80;

/**
 * The only words a plain title may use besides the names of its layer's places: nouns of the
 * map and words that join them. None is a verb, a number or a date, so a title built from them
 * can name what is drawn but cannot say what happened.
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  `a an the and or of in on at near from to towards between with without
   map layer place places town towns city village villages district region area site
   monument memorial park route direction corridor line arrow approximate schematic
   centre center coordinates location locations named source sources text texts`.split(/\s+/)
);

const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** The first date-like thing in a text: a digit or a month name, as written there. */
export function dateIn(text: string): string | null {
  return /\d+/.exec(text)?.[0] ?? MONTHS.exec(text)?.[0] ?? null;
}

/**
 * Why a string is not a plain title, or null when it is one: shorter than
 * {@link TITLE_MAX_LENGTH}, one line, no digit and no month name, no sentence punctuation
 * (`. ! ? ; :`), and every word either a name of one of the layer's places (`placeWords`,
 * compared without case) or in {@link TITLE_WORDS}.
 */
export function titleProblem(text: string, placeWords: readonly string[]): string | null {
  if (text.length >= TITLE_MAX_LENGTH) return `is ${text.length} characters long; a plain title is shorter than ${TITLE_MAX_LENGTH}`;
  if (/[\n\r]/.test(text)) return 'spans more than one line';
  const date = dateIn(text);
  if (date) return `names a date or number ("${date}")`;
  const stop = /[.!?;:]/.exec(text);
  if (stop) return `has sentence punctuation ("${stop[0]}"): a plain title is not a sentence`;
  const allowed = new Set(placeWords.flatMap((name) => words(name)));
  const other = words(text).filter((w) => !TITLE_WORDS.has(w) && !allowed.has(w));
  return other.length > 0 ? `uses words that are neither place names nor plain map words: ${other.map((w) => `"${w}"`).join(', ')}` : null;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, '').replace(/['’]s$/, ''))
    .filter((w) => w.length > 0);
}

/**
 * Checks a layer file's `layer.description`: absent (an empty title), a plain title (see
 * {@link titleProblem}), or a quote selector `{ source, exact, prefix?, suffix? }` that
 * `resolveQuote` finds once in its source. Returns the description or the reason it is refused.
 */
export function checkDescription(
  raw: unknown,
  placeWords: readonly string[],
  resolveQuote: (raw: unknown) => Omit<Citation, 'layer'> | string
): { ok: true; description: LayerDescription } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, description: '' };
  if (typeof raw === 'string') {
    const problem = titleProblem(raw, placeWords);
    return problem
      ? { ok: false, message: `"layer.description" ${JSON.stringify(raw)} ${problem}. Quote a source instead ({ "source", "exact" }) or write a plain title` }
      : { ok: true, description: raw };
  }
  const quote = resolveQuote(raw);
  if (typeof quote === 'string') return { ok: false, message: `"layer.description": ${quote}` };
  const { end: _end, ...selector } = quote;
  return { ok: true, description: selector };
}

const YEAR = /\b(1\d{3}|20\d{2})\b/;

/**
 * Why a map note (a feature's `provenance.note`) speaks of events rather than method, or null:
 * a map note says how the geometry was made and how precise it is, so it names no year
 * (1000–2099 standing alone) and no month.
 */
export function mapNoteProblem(note: string): string | null {
  const date = YEAR.exec(note)?.[0] ?? MONTHS.exec(note)?.[0];
  return date ? `the map note names a date ("${date}"): a map note is about method only; quote a source for events` : null;
}
