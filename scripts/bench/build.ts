import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import type { Model } from '../../src/lib/data/types';

const ROOT = resolve(import.meta.dirname, '../..');
/** Where the bench keeps what it makes: a build of the app that reads its geodata at run time, and the data sets. */
export const BENCH_DIR = join(ROOT, '.bench');
/** The bench build of the app (never shipped). */
export const BENCH_DIST = join(BENCH_DIR, 'dist');
/** The data sets the bench build can load, one JSON file of a {@link Model} each (validated in Node, as the shipped build does). */
export const BENCH_DATA = join(BENCH_DIR, 'data');

const BUNDLED = join(ROOT, 'src/lib/data/bundled.ts');
const RUNTIME = join(ROOT, 'scripts/bench/runtime-data.ts');

/**
 * Points every import of `src/lib/data/bundled.ts` at `scripts/bench/runtime-data.ts`, which
 * fetches the data set named by the page's `?data=` instead of bundling the shipped geodata.
 */
function runtimeData(): Plugin {
  return {
    name: 'khojaly-bench-runtime-data',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/(^|\/)bundled(\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === BUNDLED ? RUNTIME : null;
    }
  };
}

/**
 * Builds the app, the embed, the snapshot page, the peer-export page and the map-only page into `.bench/dist` with
 * the project's own Vite configuration, except that the geodata's model is fetched at run time (so
 * one build serves every synthetic data set) and nothing is prerendered (prerendered HTML would be
 * that of the shipped data). What ships (`dist/`) is not touched.
 */
export async function buildBench(): Promise<void> {
  process.env.PRERENDER = 'off';
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      plugins: [runtimeData()],
      build: {
        outDir: BENCH_DIST,
        emptyOutDir: true,
        rollupOptions: { input: { peer: join(ROOT, 'scripts/bench/peer.html'), mapOnly: join(ROOT, 'scripts/bench/map-only.html') } }
      }
    });
  } finally {
    delete process.env.PRERENDER;
  }
}

/** Writes a data set's model for the bench build; returns its size in bytes. */
export function writeDataSet(name: string, model: Model): number {
  mkdirSync(BENCH_DATA, { recursive: true });
  const file = join(BENCH_DATA, `${name}.json`);
  writeFileSync(file, JSON.stringify(model));
  return statSync(file).size;
}

/** Whether a bench build exists. */
export const benchBuilt = (): boolean => existsSync(join(BENCH_DIST, 'index.html')) && existsSync(join(BENCH_DIST, 'scripts/bench/peer.html')) && existsSync(join(BENCH_DIST, 'scripts/bench/map-only.html'));
