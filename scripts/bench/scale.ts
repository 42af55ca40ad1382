import type { Browser } from '@playwright/test';
import { formatError, loadModel } from '../../src/lib/data/load';
import type { RawFiles } from '../../src/lib/data/types';
import { writeDataSet } from './build';
import { timeToIdle } from './map-page';
import { panSample, type PanSample } from './pan';
import { selectLatency, type SelectSample } from './select';
import { synthesize, type Synthetic } from './synthetic';

/** A synthetic data set of the scale section. */
export interface ScaleSet extends Synthetic {
  name: string;
}

/** The sizes the issue asks for: 1,000, 10,000 and 100,000 points; texts 10× and 100× as long. */
export const SCALE_SETS: ScaleSet[] = [
  { name: 'points-1k', points: 1_000, textFactor: 1 },
  { name: 'points-10k', points: 10_000, textFactor: 1 },
  { name: 'points-100k', points: 100_000, textFactor: 1 },
  { name: 'texts-10x', points: 0, textFactor: 10 },
  { name: 'texts-100x', points: 0, textFactor: 100 }
];

/** A data set made and checked: its files and what the loader counts in them. */
export interface MadeSet {
  set: ScaleSet;
  files: RawFiles;
  features: number;
  textChars: number;
  bytes: number;
  /** The places in the order of the app's place list (the model's). */
  placeIds: string[];
}

/** Makes each set's files, checks that the loader accepts them, and writes their model for the bench build. */
export function makeSets(base: RawFiles, sets: readonly ScaleSet[] = SCALE_SETS): MadeSet[] {
  return sets.map((set) => {
    const files = synthesize(base, set);
    const result = loadModel(files);
    if (!result.ok) throw new Error(`synthetic set ${set.name} is refused by the loader: ${result.errors.slice(0, 3).map(formatError).join('; ')}`);
    const features = result.model.layers.reduce((n, l) => n + l.placeIds.length, 0);
    const textChars = Object.values(files.sourceTexts).reduce((n, t) => n + t.length, 0);
    return { set, files, features, textChars, bytes: writeDataSet(set.name, result.model), placeIds: result.model.places.map((p) => p.id) };
  });
}

/** Milliseconds `loadModel` (the loader of `npm run validate` and the app) takes for a set's files. */
export function validationMs(files: RawFiles): number {
  const start = performance.now();
  const result = loadModel(files);
  const ms = performance.now() - start;
  if (!result.ok) throw new Error('a synthetic set was refused');
  return ms;
}

/** Places spread over the list (not the first ones only), for the selections at scale. */
function spreadOver(ids: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => ids[Math.floor(((i + 0.5) * ids.length) / count)]!);
}

/** One run of the app of the bench build on a set: time to the map's first idle, a drag of the first view, then `selections` selections from the place list. */
export async function scaleRun(
  browser: Browser,
  benchOrigin: string,
  { set, placeIds }: Pick<MadeSet, 'set' | 'placeIds'>,
  selections: number,
  timeoutMs: number
): Promise<{ idleMs: number | null; pan: PanSample | null; samples: (SelectSample | null)[]; error?: string }> {
  let samples: (SelectSample | null)[] = [];
  let pan: PanSample | null = null;
  try {
    const idleMs = await timeToIdle(browser, `${benchOrigin}/index.html?data=${set.name}`, timeoutMs, async (page) => {
      pan = await panSample(page, timeoutMs);
      samples = await selectLatency(page, spreadOver(placeIds, selections), timeoutMs, placeIds);
    });
    return { idleMs, pan, samples };
  } catch (e) {
    return { idleMs: null, pan, samples, error: (e as Error).message.split('\n')[0] };
  }
}
