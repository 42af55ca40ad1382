import type { QuoteSelector } from './types';

/** The result of anchoring a quote: offsets, or why it failed. */
export type AnchorResult = { ok: true; start: number; end: number } | { ok: false; reason: string };

/** Every index at which `needle` starts in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  let at = text.indexOf(needle);
  while (at !== -1) {
    found.push(at);
    at = text.indexOf(needle, at + 1);
  }
  return found;
}

function fitsContext(text: string, start: number, selector: QuoteSelector): boolean {
  const end = start + selector.exact.length;
  const prefixOk = !selector.prefix || (start >= selector.prefix.length && text.slice(start - selector.prefix.length, start) === selector.prefix);
  const suffixOk = !selector.suffix || text.slice(end, end + selector.suffix.length) === selector.suffix;
  return prefixOk && suffixOk;
}

/**
 * Resolves a TextQuoteSelector against a text, the way Hypothesis does: a position hint is
 * accepted only if the slice there equals the quote (and its context fits); otherwise the quote is
 * searched for, and prefix and suffix choose among its occurrences. A quote that is missing or
 * occurs more than once in its context is an error, never a guess.
 */
export function anchorQuote(text: string, selector: QuoteSelector): AnchorResult {
  const { exact, start } = selector;
  if (exact.length === 0) return { ok: false, reason: 'the quote is empty' };
  const hinted = start !== undefined && Number.isSafeInteger(start) && start >= 0;
  if (hinted && text.slice(start, start + exact.length) === exact && fitsContext(text, start, selector)) {
    return { ok: true, start, end: start + exact.length };
  }
  const all = occurrences(text, exact);
  if (all.length === 0) return { ok: false, reason: 'the quote is not found in the text' };
  const fitting = all.filter((at) => fitsContext(text, at, selector));
  if (fitting.length === 0) {
    return { ok: false, reason: `the quote occurs ${all.length} time(s) but never with the given prefix/suffix` };
  }
  if (fitting.length > 1) {
    return { ok: false, reason: `the quote is ambiguous: it occurs ${fitting.length} times; add a prefix or suffix` };
  }
  const at = fitting[0]!;
  return { ok: true, start: at, end: at + exact.length };
}

/** Builds a selector with enough context to find `[start, end)` again; used for exports. */
export function selectorAt(text: string, source: string, start: number, end: number, context = 32): QuoteSelector {
  return {
    source,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
    start
  };
}
