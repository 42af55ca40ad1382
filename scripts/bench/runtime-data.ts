import type { Model } from '../../src/lib/data/types';

/** The data set this page loads: `?data=<name>` (default `shipped`), from the bench's data folder. */
const name = new URLSearchParams(window.location.search).get('data') ?? 'shipped';
if (!/^[\w-]+$/.test(name)) throw new Error(`bench: bad data set name "${name}"`);
const response = await fetch(new URL(`/bench-data/${name}.json`, window.location.origin));
if (!response.ok) throw new Error(`bench: data set "${name}": HTTP ${response.status}`);

/** The JSON text of the data set's model, made by the one loader when the bench wrote the set. */
const modelJson = await response.text();

/**
 * The data set's model, as the shipped `bundledModel` gives it: the loader validated the files in
 * Node (the shipped build does so at build time) and each call parses a fresh copy of its JSON.
 */
export function bundledModel(): Model {
  return JSON.parse(modelJson) as Model;
}
