import type { CircleLayerSpecification, ExpressionSpecification, FilterSpecification, LayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { mapOutputs } from './curves';

/**
 * How the highlight layers (the selected place, the places of the selected event, the place pointed
 * at) pick what they draw:
 *
 * - `global-state`: a filter on the style's global state, so the style itself says what it shows
 *   (the exports draw it as it stands);
 * - `feature-state`: every feature of the source is drawn, transparent (and for circles of no size)
 *   unless its feature state has the key (`setFeatureState` by place id: the sources' `promoteId`). The screen map uses it: a
 *   global-state change read by a filter makes MapLibre re-make the source's tiles in its worker,
 *   a feature-state change only rewrites the opacity of the features it names.
 */
export type HighlightMode = 'global-state' | 'feature-state';

/** What a highlight layer rings: the keys of the story state that name places. */
export type HighlightKey = 'selected' | 'marked' | 'hover';

/** The story sources the highlight layers draw from; their features are identified by `placeId`. */
export const HIGHLIGHT_SOURCES = ['story-marks', 'story-corridors', 'story-areas'] as const;

/** The feature property that identifies a story feature, promoted to its feature id. */
export const PLACE_ID_PROPERTY = 'placeId';

/** Matches the features of the places a key names (global state: `marked` a list, the others one id, '' for none). */
const FILTERS: Record<HighlightKey, FilterSpecification> = {
  selected: ['==', ['get', PLACE_ID_PROPERTY], ['global-state', 'selected']],
  marked: ['in', ['get', PLACE_ID_PROPERTY], ['global-state', 'marked']],
  hover: ['==', ['get', PLACE_ID_PROPERTY], ['global-state', 'hover']]
};

/** The opacity paint properties of the highlight layers (circles and lines). */
type Opacities = Partial<Record<'circle-opacity' | 'circle-stroke-opacity' | 'line-opacity', number>>;

/**
 * A highlight layer in either {@link HighlightMode}: `opacities` are its opacity paint properties
 * at their highlighted values; in `feature-state` mode each is 0 for a feature whose state lacks `key`.
 */
export function highlightLayer(layer: CircleLayerSpecification | LineLayerSpecification, key: HighlightKey, opacities: Opacities, mode: HighlightMode): LayerSpecification {
  if (mode === 'global-state') return { ...layer, filter: FILTERS[key], paint: { ...layer.paint, ...opacities } } as LayerSpecification;
  const on: ExpressionSpecification = ['boolean', ['feature-state', key], false];
  const paint = Object.fromEntries(Object.entries(opacities).map(([name, value]) => [name, ['case', on, value, 0]]));
  const sizes = layer.type === 'circle' ? Object.fromEntries(CIRCLE_SIZES.flatMap((name) => (name in (layer.paint ?? {}) ? [[name, gated((layer.paint as Record<string, unknown>)[name], on)]] : []))) : {};
  return { ...layer, paint: { ...layer.paint, ...paint, ...sizes } } as LayerSpecification;
}

/** A circle's size properties: 0 for a feature not highlighted, so its circle covers no pixel (a transparent one still costs its pixels). */
const CIRCLE_SIZES = ['circle-radius', 'circle-stroke-width'] as const;

/** A paint value that is 0 unless `on` (inside each output of a zoom curve). */
const gated = (value: unknown, on: ExpressionSpecification): unknown => mapOutputs(value, (v) => ['case', on, v, 0]);
