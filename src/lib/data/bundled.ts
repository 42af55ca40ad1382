import { formatError, loadModel } from './load';
import type { Model, RawFiles } from './types';

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const byName = (modules: Record<string, string>) =>
  Object.fromEntries(Object.entries(modules).map(([path, text]) => [baseName(path), text]));

/** The geodata files, bundled as text at build time. */
export const bundledFiles: RawFiles = {
  sourceIndex: Object.values(import.meta.glob('/geodata/sources/index.json', { query: '?raw', import: 'default', eager: true }))[0] as string,
  sourceTexts: byName(import.meta.glob('/geodata/sources/*.txt', { query: '?raw', import: 'default', eager: true })),
  layers: byName(import.meta.glob('/geodata/layers/*.geojson', { query: '?raw', import: 'default', eager: true })),
  differences: Object.values(import.meta.glob('/geodata/differences.json', { query: '?raw', import: 'default', eager: true }))[0] as
    | string
    | undefined,
  events: Object.values(import.meta.glob('/geodata/events.json', { query: '?raw', import: 'default', eager: true }))[0] as string | undefined,
  gazetteer: Object.values(import.meta.glob('/geodata/gazetteer.json', { query: '?raw', import: 'default', eager: true }))[0] as string | undefined
};

/** Loads the bundled geodata through the one loader; throws with every error if it is invalid (the build validates first). */
export function bundledModel(): Model {
  const result = loadModel(bundledFiles);
  if (!result.ok) throw new Error(`Invalid geodata:\n${result.errors.map(formatError).join('\n')}`);
  return result.model;
}
