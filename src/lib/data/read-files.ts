import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawFiles } from './types';

/** Reads a geodata folder from disk into the loader's input (Node only: the validate script and tests). */
export function readGeodata(dir: string): RawFiles {
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  const optional = (path: string) => (existsSync(join(dir, path)) ? read(path) : undefined);
  const byName = (folder: string, ext: string) =>
    Object.fromEntries(
      readdirSync(join(dir, folder))
        .filter((f) => f.endsWith(ext))
        .map((f) => [f, read(join(folder, f))])
    );
  return {
    sourceIndex: read('sources/index.json'),
    sourceTexts: byName('sources', '.txt'),
    layers: byName('layers', '.geojson'),
    differences: optional('differences.json'),
    events: optional('events.json'),
    gazetteer: optional('gazetteer.json')
  };
}
