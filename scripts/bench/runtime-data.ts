import { formatError, loadModel } from '../../src/lib/data/load';
import type { Model, RawFiles } from '../../src/lib/data/types';

/** The data set this page loads: `?data=<name>` (default `shipped`), from the bench's data folder. */
const name = new URLSearchParams(window.location.search).get('data') ?? 'shipped';
if (!/^[\w-]+$/.test(name)) throw new Error(`bench: bad data set name "${name}"`);
const response = await fetch(new URL(`/bench-data/${name}.json`, window.location.origin));
if (!response.ok) throw new Error(`bench: data set "${name}": HTTP ${response.status}`);

/** The geodata files of the data set. */
const bundledFiles = (await response.json()) as RawFiles;

/** Loads the data set through the one loader at run time (the shipped `bundledModel` is loaded at build time). */
export function bundledModel(): Model {
  const result = loadModel(bundledFiles);
  if (!result.ok) throw new Error(`Invalid geodata:\n${result.errors.map(formatError).join('\n')}`);
  return result.model;
}
