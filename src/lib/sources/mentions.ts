import type { Place } from '../data/types';

/** A place name as it occurs in a source text. Offsets are UTF-16 code units. */
export interface Mention {
  start: number;
  end: number;
  placeId: string;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** The spellings that refer to a place in a text: its name, other names and listed mentions. */
export function spellings(place: Place): string[] {
  return [...new Set([place.name, ...place.altNames, ...place.mentions])].filter((s) => s.length > 0);
}

/**
 * Finds every mention of a mapped place in a text, whole words only, spelling variants included.
 * Where two spellings overlap the longer wins, so "Khatai district of Baku" beats a shorter name inside it.
 */
export function findMentions(text: string, places: Place[]): Mention[] {
  const candidates: Mention[] = [];
  for (const place of places) {
    if (place.kind === 'route') continue;
    for (const spelling of spellings(place)) {
      let at = text.indexOf(spelling);
      while (at !== -1) {
        const end = at + spelling.length;
        if (!isWordChar(text[at - 1]) && !isWordChar(text[end])) candidates.push({ start: at, end, placeId: place.id });
        at = text.indexOf(spelling, at + 1);
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const chosen: Mention[] = [];
  for (const mention of candidates) {
    const last = chosen[chosen.length - 1];
    if (last && mention.start < last.end) continue;
    chosen.push(mention);
  }
  return chosen;
}
