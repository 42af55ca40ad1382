import { formatError, loadModel } from '../../src/lib/data/load';
import { readGeodata } from '../../src/lib/data/read-files';
import type { Model, RawFiles } from '../../src/lib/data/types';

/** The shipped geodata files, as the loader reads them. */
export const shippedFiles: RawFiles = readGeodata('geodata');

/** The model of `files` through the same loader the app uses; throws with the loader's errors. */
export function modelOf(files: RawFiles): Model {
  const result = loadModel(files);
  if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
  return result.model;
}

/** The shipped geodata, read through the same loader the app uses. */
export function shippedModel(): Model {
  return modelOf(shippedFiles);
}

/** The loader's errors for `files`, formatted as `npm run validate` prints them; empty when valid. */
export function errorsOf(files: RawFiles): string[] {
  const result = loadModel(files);
  return result.ok ? [] : result.errors.map(formatError);
}

/** The shipped files with one layer file rewritten by `change`. */
export function withLayer(file: string, change: (json: any) => void): RawFiles {
  const json = JSON.parse(shippedFiles.layers[file]!);
  change(json);
  return { ...shippedFiles, layers: { ...shippedFiles.layers, [file]: JSON.stringify(json) } };
}

/** The shipped files with one JSON file (`events`, `gazetteer`, `sourceIndex`) rewritten by `change`. */
export function withJson(key: 'events' | 'gazetteer' | 'sourceIndex', change: (json: any) => void): RawFiles {
  const json = JSON.parse(shippedFiles[key]!);
  change(json);
  return { ...shippedFiles, [key]: JSON.stringify(json) };
}
