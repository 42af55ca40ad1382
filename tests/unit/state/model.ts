import type { Model, Place } from '../../../src/lib/data/types';

export { shippedModel } from '../../support/model';

/** A place of the model, by id. */
export function placeOf(model: Model, id: string): Place {
  const place = model.places.find((p) => p.id === id);
  if (!place) throw new Error(`no place ${id}`);
  return place;
}
