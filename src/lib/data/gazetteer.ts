import { occurrences } from './anchor';
import type { ParseContext } from './events';
import { isObject } from './geojson';
import type { Gazetteer, GazetteerEntry, GazetteerKind, Occurrence, Source } from './types';

const FILE = 'gazetteer.json';
const KINDS: GazetteerKind[] = ['town', 'city', 'district', 'region', 'country', 'monument'];
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Every whole-word occurrence of a name in the sources, in source order. */
export function nameOccurrences(name: string, sources: Iterable<Source>): Occurrence[] {
  const found: Occurrence[] = [];
  for (const source of sources) {
    for (const start of occurrences(source.text, name)) {
      const end = start + name.length;
      if (!isWordChar(source.text[start - 1]) && !isWordChar(source.text[end])) found.push({ source: source.id, start, end });
    }
  }
  return found;
}

function parseEntry(raw: unknown, index: number, seen: Set<string>, ctx: ParseContext): GazetteerEntry | null {
  if (!isObject(raw) || typeof raw.name !== 'string' || raw.name.length === 0) {
    ctx.errors.push({ file: FILE, feature: `#${index}`, message: 'needs a "name", as written in the texts' });
    return null;
  }
  const name = raw.name;
  const fail = (message: string) => ctx.errors.push({ file: FILE, feature: name, message });
  if (seen.has(name)) fail('the name is listed twice');
  seen.add(name);
  if (!KINDS.includes(raw.kind as GazetteerKind)) fail(`"kind" ${JSON.stringify(raw.kind)} must be one of ${KINDS.join(', ')}`);
  const placeId = typeof raw.placeId === 'string' ? raw.placeId : null;
  const reason = typeof raw.unmapped === 'string' && raw.unmapped.trim().length > 0 ? raw.unmapped : null;
  if ((placeId === null) === (reason === null)) fail('needs either "placeId" (mapped) or "unmapped" (the reason it is not), not both');
  if (placeId !== null && !ctx.places.has(placeId)) fail(`names unknown place "${placeId}"`);
  const found = nameOccurrences(name, ctx.sources.values());
  if (found.length === 0) fail('the name is not found in any source text');
  return { name, kind: raw.kind as GazetteerKind, placeId, unmappedReason: reason, occurrences: found };
}

function parseNotPlaces(value: unknown, ctx: ParseContext): string[] {
  const groups = Array.isArray(value) ? value : [];
  const names = groups.flatMap((g) => (isObject(g) && Array.isArray(g.names) ? g.names.filter((n): n is string => typeof n === 'string') : []));
  for (const name of names) {
    if (nameOccurrences(name, ctx.sources.values()).length === 0) {
      ctx.errors.push({ file: FILE, feature: name, message: 'listed as not a place, but not found in any source text' });
    }
  }
  return names;
}

/** Validates the parsed `gazetteer.json`: every entry mapped to a known place or given a reason, and found in the texts. */
export function parseGazetteer(json: unknown, ctx: ParseContext): Gazetteer {
  if (!isObject(json) || !Array.isArray(json.places)) {
    if (json !== undefined) ctx.errors.push({ file: FILE, message: 'must be an object with a "places" array' });
    return { entries: [], notPlaces: [] };
  }
  const seen = new Set<string>();
  const entries = json.places.map((raw, i) => parseEntry(raw, i, seen, ctx)).filter((e): e is GazetteerEntry => e !== null);
  return { entries, notPlaces: parseNotPlaces(json.notPlaces, ctx) };
}

/**
 * The capitalised words of a text that no listed name covers: each word must lie inside a whole-word
 * occurrence of a gazetteer name or of a listed non-place. An empty answer proves every place name is listed.
 */
export function uncoveredCapitalised(source: Source, names: readonly string[]): string[] {
  const covered = names.flatMap((name) => nameOccurrences(name, [source]));
  const missing = new Set<string>();
  for (const m of source.text.matchAll(/\p{Lu}[\p{L}\p{N}]*/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isWordChar(source.text[start - 1])) continue;
    if (!covered.some((o) => o.start <= start && end <= o.end)) missing.add(m[0]);
  }
  return [...missing];
}
