import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { LAYER_IDS } from '../../data/types';
import { FONT_BOLD, type Theme } from '../basemap';
import { FOCUS_ZOOM } from '../camera';
import { STORY_COLORS } from '../symbols';
import { isShown } from './shown';

/** From this many point features up, the story's points and labels are drawn in clusters. */
export const CLUSTER_FROM = 2000;

/** The cluster layers, above the story layers; clusters are not places (the place list reaches every place). */
export const CLUSTER_LAYERS = ['story-clusters', 'story-cluster-counts'] as const;

/** Whether a source of `points` point features is clustered. */
export const clustered = (points: number): boolean => points > CLUSTER_FROM;

/**
 * The options of a clustered story source: points split out of their clusters from the zoom the
 * camera moves to for a town, so a place the reader selects is drawn as itself. With `countLayers`
 * each cluster counts its points of each story layer (a property per layer id).
 */
export function clusterOptions(countLayers: boolean): Pick<GeoJSONSourceSpecification, 'cluster' | 'clusterRadius' | 'clusterMaxZoom' | 'clusterProperties'> {
  return {
    cluster: true,
    clusterRadius: 40,
    clusterMaxZoom: FOCUS_ZOOM.town - 1,
    ...(countLayers ? { clusterProperties: Object.fromEntries(LAYER_IDS.map((id) => [id, ['+', ['case', ['==', ['get', 'layer'], id], 1, 0]]])) } : {})
  };
}

/** The points of a cluster in the visible layers. */
export const visibleCount: ExpressionSpecification = ['+', ...LAYER_IDS.map((id): ExpressionSpecification => ['case', isShown(id), ['number', ['get', id], 0], 0])];

/** "7", "250", "12k". */
const countText: ExpressionSpecification = ['case', ['>=', visibleCount, 1000], ['concat', ['to-string', ['round', ['/', visibleCount, 1000]]], 'k'], ['to-string', visibleCount]];

/** The clusters of `story-points` holding a point of a visible layer: a disc sized by the count, and the count. */
export function clusterLayers(theme: Theme): LayerSpecification[] {
  const filter: FilterSpecification = ['all', ['has', 'point_count'], ['>', visibleCount, 0]];
  const base = { source: 'story-points', filter } as const;
  return [
    {
      id: CLUSTER_LAYERS[0],
      type: 'circle',
      ...base,
      paint: {
        'circle-color': STORY_COLORS.town,
        'circle-opacity': 0.85,
        'circle-radius': ['step', visibleCount, 11, 10, 14, 100, 18, 1000, 23],
        'circle-stroke-color': theme === 'dark' ? '#15171c' : '#ffffff',
        'circle-stroke-width': 1.5
      }
    },
    {
      id: CLUSTER_LAYERS[1],
      type: 'symbol',
      ...base,
      layout: { 'text-field': countText, 'text-font': [FONT_BOLD], 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff' }
    }
  ];
}
