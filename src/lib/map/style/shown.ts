import type { ExpressionSpecification } from 'maplibre-gl';
import { LAYER_IDS, type LayerId } from '../../data/types';

/**
 * The global-state key that says whether a story layer is shown, read by the label and cluster
 * filters. A key per layer, not one list: MapLibre re-makes the tiles of every source with a layer
 * reading a changed key.
 */
const shownKey = (id: LayerId): string => `shown-${id}`;

/** The global-state values of the visible layers: each layer's {@link shownKey}, true or false. */
export function shownValues(visible: readonly LayerId[]): Record<string, boolean> {
  return Object.fromEntries(LAYER_IDS.map((id) => [shownKey(id), visible.includes(id)]));
}

/** Whether the story layer is among the visible ones (its {@link shownKey} in the global state). */
export const isShown = (id: LayerId): ExpressionSpecification => ['boolean', ['global-state', shownKey(id)], false];
