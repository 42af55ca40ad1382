import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { LAYER_IDS, type LayerId, type Model } from '../../data/types';
import { FONT_BOLD, type Theme } from '../basemap';
import { LAYER_SYMBOLS, STORY_COLORS } from '../symbols';
import corridors from 'virtual:route-corridors';
import { storyAreas, storyLabels, storyPoints, storyRoutes } from './story-data';

/** Prefix of every story style layer id; everything below it is basemap. */
export const STORY_PREFIX = 'story-';

/** The metadata key naming the story layer a style layer belongs to (for visibility toggling). */
export const LAYER_KEY = 'khojaly:layer';

/** GeoJSON sources of the story layers, computed from the model. */
export function storySources(model: Model): Record<string, SourceSpecification> {
  return {
    'story-points': { type: 'geojson', data: storyPoints(model) },
    'story-labels': { type: 'geojson', data: storyLabels(model) },
    'story-routes': { type: 'geojson', data: storyRoutes(model) },
    'story-corridors': { type: 'geojson', data: corridors },
    'story-areas': { type: 'geojson', data: storyAreas(model) }
  };
}

/** Matches the features of any of these places (an event's places), or none. */
export function markedFilter(placeIds: readonly string[]): FilterSpecification {
  return ['in', ['get', 'placeId'], ['literal', [...placeIds]]];
}

/** The areas of the "Also named" layer: a light fill, an outline, and outlines for the selected and the marked. */
function areaLayers(theme: Theme, visible: readonly LayerId[], selected: string | null): LayerSpecification[] {
  const colors = storyText(theme);
  const layout = { visibility: (visible.includes('also-named') ? 'visible' : 'none') as 'visible' | 'none' };
  const base = { source: 'story-areas', metadata: meta('also-named'), layout } as const;
  return [
    { id: 'story-areas-fill', type: 'fill', ...base, paint: { 'fill-color': STORY_COLORS.also, 'fill-opacity': theme === 'dark' ? 0.28 : 0.16 } },
    { id: 'story-areas-outline', type: 'line', ...base, paint: { 'line-color': STORY_COLORS.also, 'line-width': 1.2 } },
    { id: 'story-areas-marked', type: 'line', ...base, filter: markedFilter([]), paint: { 'line-color': colors.text, 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: 'story-areas-selected', type: 'line', ...base, filter: selectionFilter(selected), paint: { 'line-color': colors.selected, 'line-width': 3 } }
  ];
}

/** Matches the features of one place, or none when nothing is selected. */
export function selectionFilter(placeId: string | null): FilterSpecification {
  return ['==', ['get', 'placeId'], placeId ?? ''];
}

/** Where a story label may sit around its point, in order of preference (MapLibre's text anchors). */
export const LABEL_ANCHORS = ['right', 'left', 'top', 'bottom', 'top-left', 'top-right', 'bottom-right', 'bottom-left'] as const;

/** The label layers: the main places' labels above the icons (placed first), the others below. */
export const LABEL_LAYERS = ['story-labels', 'story-labels-primary'];

/** Shows a place's label when at least one of its layers is visible. */
export function labelFilter(visible: readonly LayerId[]): ExpressionSpecification {
  return ['any', false, ...visible.map((id): ExpressionSpecification => ['in', `,${id},`, ['get', 'layers']])];
}

/** The filter of a label layer: its places (main or not) whose layers are visible. */
export function labelLayerFilter(id: string, visible: readonly LayerId[]): FilterSpecification {
  const primary: ExpressionSpecification = [id === 'story-labels-primary' ? '==' : '!=', ['get', 'priority'], 0];
  return ['all', labelFilter(visible), primary];
}

function labelLayer(id: string, theme: Theme, visible: readonly LayerId[], primary: boolean): LayerSpecification {
  const colors = storyText(theme);
  return {
    id,
    type: 'symbol',
    source: 'story-labels',
    ...(primary ? {} : { minzoom: 5.5 }),
    filter: labelLayerFilter(id, visible),
    layout: {
      'text-field': ['get', 'label'],
      'text-font': [FONT_BOLD],
      'text-size': primary ? zoomSize(13, 16) : zoomSize(12, 15),
      'text-line-height': 1.15,
      'text-variable-anchor': [...LABEL_ANCHORS],
      'text-radial-offset': 1.1,
      'text-justify': 'auto',
      'text-padding': 3,
      'symbol-sort-key': ['get', 'priority']
    },
    paint: {
      'text-color': colors.text,
      'text-halo-color': colors.halo,
      'text-halo-width': 2,
      'text-halo-blur': 0.5
    }
  };
}

const inLayer = (id: LayerId): FilterSpecification => ['==', ['get', 'layer'], id];
const meta = (id: LayerId) => ({ [LAYER_KEY]: id });
const zoomSize = (small: number, large: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 4, small, 10, large];

/** Text colours for story labels per theme. */
export function storyText(theme: Theme): { text: string; halo: string; selected: string } {
  return theme === 'dark'
    ? { text: '#f4f1ec', halo: '#15171c', selected: '#ffd866' }
    : { text: '#1b1b1f', halo: '#ffffff', selected: '#ffb000' };
}

/**
 * The story layers, bottom to top: the route's corridor with one direction arrow (no centre
 * line: the sources give a direction, not a path), selection highlights, labels, then icons
 * (placed first by MapLibre, so labels make way for them).
 */
export function storyLayers(theme: Theme, visible: readonly LayerId[] = LAYER_IDS, selected: string | null = null): LayerSpecification[] {
  const colors = storyText(theme);
  const visibility = (id: LayerId) => (visible.includes(id) ? 'visible' : 'none') as 'visible' | 'none';
  const route = 'escape-route' as const;
  const lineLayout = { 'line-cap': 'round', 'line-join': 'round', visibility: visibility(route) } as const;
  const icons: LayerSpecification[] = (['also-named', 'khankendi', 'khojaly', 'baku-monument', 'escape-route', 'flag-raising-2023'] as const).map((id) => ({
    id: `story-icons-${id}`,
    type: 'symbol',
    source: 'story-points',
    filter: inLayer(id),
    metadata: meta(id),
    layout: {
      visibility: visibility(id),
      'icon-image': ['get', 'icon'],
      'icon-anchor': LAYER_SYMBOLS[id].anchor,
      'icon-size': zoomSize(0.8, 1.1),
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
      'symbol-sort-key': ['get', 'priority']
    }
  }));
  return [
    ...areaLayers(theme, visible, selected),
    {
      id: 'story-route-corridor',
      type: 'fill',
      source: 'story-corridors',
      metadata: meta(route),
      layout: { visibility: visibility(route) },
      paint: { 'fill-color': STORY_COLORS.event, 'fill-opacity': theme === 'dark' ? 0.22 : 0.14 }
    },
    {
      id: 'story-route-corridor-edge',
      type: 'line',
      source: 'story-corridors',
      metadata: meta(route),
      layout: lineLayout,
      paint: { 'line-color': STORY_COLORS.event, 'line-opacity': 0.45, 'line-width': 1, 'line-dasharray': [1, 3] }
    },
    {
      id: 'story-route-selected',
      type: 'line',
      source: 'story-corridors',
      filter: selectionFilter(selected),
      metadata: meta(route),
      layout: lineLayout,
      paint: { 'line-color': colors.selected, 'line-width': zoomSize(3, 5), 'line-opacity': 0.9 }
    },
    {
      id: 'story-route-marked',
      type: 'line',
      source: 'story-corridors',
      filter: markedFilter([]),
      metadata: meta(route),
      layout: lineLayout,
      paint: { 'line-color': colors.selected, 'line-width': zoomSize(2, 4), 'line-opacity': 0.55 }
    },
    {
      id: 'story-route-arrows',
      type: 'symbol',
      source: 'story-routes',
      metadata: meta(route),
      layout: {
        visibility: visibility(route),
        'symbol-placement': 'line-center',
        'icon-image': 'story-direction',
        'icon-size': zoomSize(0.8, 1.2),
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-rotation-alignment': 'map'
      }
    },
    {
      id: 'story-hover-halo',
      type: 'circle',
      source: 'story-labels',
      filter: selectionFilter(null),
      paint: {
        'circle-radius': zoomSize(13, 18),
        'circle-color': colors.selected,
        'circle-opacity': 0,
        'circle-stroke-color': colors.text,
        'circle-stroke-width': 2,
        'circle-stroke-opacity': 0.7
      }
    },
    {
      id: 'story-event-halo',
      type: 'circle',
      source: 'story-labels',
      filter: markedFilter([]),
      paint: {
        'circle-radius': zoomSize(11, 16),
        'circle-opacity': 0,
        'circle-stroke-color': colors.selected,
        'circle-stroke-width': 3,
        'circle-stroke-opacity': 0.95
      }
    },
    {
      id: 'story-selected-halo',
      type: 'circle',
      source: 'story-labels',
      filter: selectionFilter(selected),
      paint: {
        'circle-radius': zoomSize(14, 20),
        'circle-color': colors.selected,
        'circle-opacity': 0.35,
        'circle-stroke-color': colors.selected,
        'circle-stroke-width': 3
      }
    },
    labelLayer('story-labels', theme, visible, false),
    ...icons,
    labelLayer('story-labels-primary', theme, visible, true)
  ];
}
