import { createHash } from 'node:crypto';
import { loadModel } from '../../src/lib/data/load';
import { storyBounds } from '../../src/lib/map/frames';
import type { RawFiles } from '../../src/lib/data/types';

/** What a synthetic data set adds to the shipped geodata. */
export interface Synthetic {
  /** Points added, each with one citation, spread over the story layers inside the story's extent (`storyBounds`). */
  points: number;
  /** Each source text is made this many times longer (its own text, then filler that quotes nothing). */
  textFactor: number;
}

/**
 * The layers the points go into, evenly: all six, since the loader refuses a file over 5,000,000
 * characters and 100,000 points need about 27 MB (five sixths are in layers shown by default).
 */
const POINT_LAYERS = ['khojaly', 'escape-route', 'khankendi', 'baku-monument', 'flag-raising-2023', 'also-named'] as const;

/** A small seeded generator (mulberry32), so every run draws the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs of three words that occur exactly once in a text: quotes that anchor without a hint, as the shipped ones do. */
export function uniqueQuotes(text: string): string[] {
  const words = [...text.matchAll(/[A-Za-z][A-Za-z'-]*/g)];
  const quotes = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) {
    const start = words[i]!.index;
    const end = words[i + 2]!.index + words[i + 2]![0].length;
    const quote = text.slice(start, end);
    if (quote.length >= 12 && !quote.includes('\n') && text.indexOf(quote) === text.lastIndexOf(quote)) quotes.add(quote);
  }
  return [...quotes];
}

/** The filler that lengthens a text: the text again in capitals, which holds none of its (mixed-case) quotes. */
const filler = (text: string) => `\n\n${text.toUpperCase()}`;

/**
 * The shipped geodata with `points` synthetic places and texts `textFactor` times as long. The
 * points cite quotes taken from the shipped texts (several places may cite the same passage), so
 * every citation anchors as a real one does; the texts' SHA-256 in the source index follow the
 * lengthened texts. The loader accepts the result (the bench checks it).
 */
export function synthesize(base: RawFiles, { points, textFactor }: Synthetic): RawFiles {
  const index = JSON.parse(base.sourceIndex) as { id: string; file: string; sha256?: string }[];
  const sourceTexts = { ...base.sourceTexts };
  for (const entry of index) {
    const text = base.sourceTexts[entry.file]!;
    const long = text + filler(text).repeat(textFactor - 1);
    sourceTexts[entry.file] = long;
    entry.sha256 = createHash('sha256').update(long, 'utf8').digest('hex');
  }
  const quotes = index.flatMap((entry) => uniqueQuotes(base.sourceTexts[entry.file]!).map((exact) => ({ source: entry.id, exact })));
  const layers = { ...base.layers };
  const next = random(10);
  const shipped = loadModel(base);
  if (!shipped.ok) throw new Error('the base data set is refused by the loader');
  const [[west, south], [east, north]] = storyBounds(shipped.model);
  const perLayer = POINT_LAYERS.map(() => [] as string[]);
  for (let i = 0; i < points; i++) {
    const n = String(i + 1).padStart(6, '0');
    const lng = (west + next() * (east - west)).toFixed(4);
    const lat = (south + next() * (north - south)).toFixed(4);
    const citation = quotes[i % quotes.length]!;
    perLayer[i % POINT_LAYERS.length]!.push(
      `{"type":"Feature","id":"b${n}","geometry":{"type":"Point","coordinates":[${lng},${lat}]},"properties":{"name":"B${n}","kind":"town","precision":"exact","provenance":{"reference":"bench"},"citations":[${JSON.stringify(citation)}]}}`
    );
  }
  POINT_LAYERS.forEach((id, i) => {
    if (perLayer[i]!.length === 0) return;
    const file = `${id}.geojson`;
    const layer = JSON.parse(base.layers[file]!) as { features: unknown[] };
    const shipped = JSON.stringify({ ...layer, features: layer.features });
    layers[file] = `${shipped.slice(0, shipped.lastIndexOf(']'))}${layer.features.length > 0 ? ',' : ''}${perLayer[i]!.join(',')}]}`;
  });
  return { ...base, sourceIndex: JSON.stringify(index, null, 2), sourceTexts, layers };
}
