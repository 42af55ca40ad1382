import { loadModel } from '../../../src/lib/data/load';
import { readGeodata } from '../../../src/lib/data/read-files';
import type { Model, Place } from '../../../src/lib/data/types';

/** The shipped geodata, read through the app's own loader. */
export function shippedModel(): Model {
  const result = loadModel(readGeodata('geodata'));
  if (!result.ok) throw new Error('shipped geodata is invalid');
  return result.model;
}

/** A place of the model, by id. */
export function placeOf(model: Model, id: string): Place {
  const place = model.places.find((p) => p.id === id);
  if (!place) throw new Error(`no place ${id}`);
  return place;
}
