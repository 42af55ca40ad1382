import type { Mention } from './mentions';

/** A span of a source text to highlight; `current` marks the active passage. */
export interface Highlight {
  start: number;
  end: number;
  current: boolean;
}

/** A piece of text inside one run: plain, or a mention of a place. */
export interface Piece {
  text: string;
  start: number;
  placeId: string | null;
}

/** A run of text that is either unmarked or one highlighted passage. */
export interface Run {
  start: number;
  end: number;
  highlight: Highlight | null;
  pieces: Piece[];
}

/**
 * Cuts a text into runs (unmarked text, or one highlighted passage) and each run into pieces
 * (plain text, or a place mention), so a view can render marks and links without nesting errors.
 * Where highlights overlap the current one wins, then the earlier; a mention crossing a run
 * boundary is split across the runs.
 *
 * Unmarked text is also cut at `cuts` (offsets that do not depend on the highlights, such as
 * every passage boundary of the text), so a view keying runs by their start keeps the runs a new
 * highlight does not touch: only the runs of the passages that change are made again.
 */
export function segmentText(text: string, mentions: Mention[], highlights: Highlight[], cuts: readonly number[] = []): Run[] {
  const current = highlights.find((h) => h.current);
  const overlapsCurrent = (h: Highlight) => current !== undefined && h !== current && h.start < current.end && current.start < h.end;
  const sorted = highlights.filter((h) => !overlapsCurrent(h)).sort((a, b) => a.start - b.start);
  const runs: Run[] = [];
  let at = 0;
  const stops = [...new Set(cuts)].sort((a, b) => a - b);
  const push = (start: number, end: number, highlight: Highlight | null) => {
    if (end > start) runs.push({ start, end, highlight, pieces: piecesOf(text, start, end, mentions) });
  };
  const pushUnmarked = (start: number, end: number) => {
    let from = start;
    for (const stop of stops) {
      if (stop <= from) continue;
      if (stop >= end) break;
      push(from, stop, null);
      from = stop;
    }
    push(from, end, null);
  };
  for (const highlight of sorted) {
    if (highlight.start < at) continue;
    pushUnmarked(at, highlight.start);
    push(highlight.start, highlight.end, highlight);
    at = highlight.end;
  }
  pushUnmarked(at, text.length);
  return runs;
}

function piecesOf(text: string, start: number, end: number, mentions: Mention[]): Piece[] {
  const pieces: Piece[] = [];
  let at = start;
  for (const mention of mentions) {
    if (mention.end <= start || mention.start >= end) continue;
    const from = Math.max(mention.start, start);
    const to = Math.min(mention.end, end);
    if (from > at) pieces.push({ text: text.slice(at, from), start: at, placeId: null });
    pieces.push({ text: text.slice(from, to), start: from, placeId: mention.placeId });
    at = to;
  }
  if (end > at) pieces.push({ text: text.slice(at, end), start: at, placeId: null });
  return pieces;
}

/**
 * The runs of `next`, each replaced by the run of `previous` at the same offset when that one is
 * the same (span, highlight state and pieces): a view keyed by the runs' start then leaves the
 * runs a new selection does not change as they are, and redraws only the passages that change.
 */
export function keepUnchanged(previous: readonly Run[], next: readonly Run[]): Run[] {
  const byStart = new Map(previous.map((run) => [run.start, run]));
  return next.map((run) => {
    const old = byStart.get(run.start);
    return old && sameRun(old, run) ? old : run;
  });
}

function sameRun(a: Run, b: Run): boolean {
  return (
    a.end === b.end &&
    (a.highlight === null) === (b.highlight === null) &&
    a.highlight?.current === b.highlight?.current &&
    a.pieces.length === b.pieces.length &&
    a.pieces.every((p, i) => p.start === b.pieces[i]!.start && p.text === b.pieces[i]!.text && p.placeId === b.pieces[i]!.placeId)
  );
}
