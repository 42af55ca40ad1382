import { loadModel } from '../../src/lib/data/load';
import { readGeodata } from '../../src/lib/data/read-files';
import type { Model } from '../../src/lib/data/types';

/** The shipped geodata, read through the same loader the app uses. */
export function shippedModel(): Model {
  const result = loadModel(readGeodata('geodata'));
  if (!result.ok) throw new Error('shipped geodata is invalid');
  return result.model;
}
