import type { Place } from './types';

/** Places by id, for lookups in constant time (the model's places never change). */
export function placesById(places: readonly Place[]): ReadonlyMap<string, Place> {
  return new Map(places.map((p) => [p.id, p]));
}

/** The ids of `items`, as a set for lookups in constant time. */
export function idSet(items: readonly { id: string }[]): ReadonlySet<string> {
  return new Set(items.map((item) => item.id));
}
