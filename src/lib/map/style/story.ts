import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification, StateSpecification } from 'maplibre-gl';
import { LAYER_IDS, type LayerId, type Model } from '../../data/types';
import { FONT_BOLD, type Theme } from '../basemap';
import { LAYER_SYMBOLS, STORY_COLORS } from '../symbols';
import corridors from 'virtual:route-corridors';
import type { FeatureCollection, Geometry } from 'geojson';
import { storyAreas, storyLabels, storyPoints, storyRoutes, type StoryProps } from './story-data';
import { highlightLayer, PLACE_ID_PROPERTY, type HighlightMode } from './highlight';
import { clustered, clusterLayers, clusterOptions } from './clusters';
import { isShown, shownValues } from './shown';

/** Prefix of every story style layer id; everything below it is basemap. */
export const STORY_PREFIX = 'story-';

/**
 * What the story layers show: the visible layers, the selected place, the places of the selected
 * event, the place pointed at. The visible layers are the visibility of the style layers drawn for
 * each (see {@link FOLLOWS}) and, for the labels and clusters, a key per layer in the style's global
 * state (see `shownValues`, read by their filters); the places are held in the global state too in an
 * export's style, while the screen map holds them as feature state (see {@link HighlightMode}).
 */
export interface StoryState {
  visible: readonly LayerId[];
  selected: string | null;
  marked: readonly string[];
  hover: string | null;
}

/** The global-state values of a {@link StoryState}, by key (no place is '' : no feature has that id). */
export function storyStateValues(state: StoryState): Record<string, string | string[] | boolean> {
  return { ...shownValues(state.visible), selected: state.selected ?? '', marked: [...state.marked], hover: state.hover ?? '' };
}

/** A style's root `state`: global-state values as the defaults of their keys. */
export function stateSpec(values: Record<string, unknown>): StateSpecification {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { default: value }]));
}

/** Whether the model's story points are drawn in clusters (see {@link storySources}). */
export const clusteredModel = (model: Model): boolean =>
  clustered(model.places.reduce((n, p) => (p.geometry.type === 'Point' ? n + p.layers.length : n), 0));

/**
 * GeoJSON sources of the story layers, computed from the model. Past a few thousand points the
 * icons, the labels and the rings are clustered alike (a label or a ring only for a point drawn as itself).
 */
export function storySources(model: Model): Record<string, SourceSpecification> {
  const labels = storyLabels(model);
  const cluster = clusteredModel(model);
  return {
    'story-points': { type: 'geojson', data: storyPoints(model), ...(cluster ? clusterOptions(true) : {}) },
    'story-labels': { type: 'geojson', data: labels, ...(cluster ? clusterOptions(false) : {}) },
    // The rings read their own copy of the label points, so ringing a place reloads no label; they need only the place's id.
    'story-marks': { type: 'geojson', data: idsOnly(labels), promoteId: PLACE_ID_PROPERTY, ...(cluster ? clusterOptions(false) : {}) },
    'story-routes': { type: 'geojson', data: storyRoutes(model) },
    'story-corridors': { type: 'geojson', data: corridors, promoteId: PLACE_ID_PROPERTY },
    'story-areas': { type: 'geojson', data: storyAreas(model), promoteId: PLACE_ID_PROPERTY }
  };
}

/** The features with only their place's id. */
function idsOnly<G extends Geometry>(data: FeatureCollection<G, Pick<StoryProps, 'placeId'>>): FeatureCollection<G, Pick<StoryProps, 'placeId'>> {
  return { type: 'FeatureCollection', features: data.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { placeId: f.properties.placeId } })) };
}

/** The metadata key of a style layer drawn only while a story layer is visible: that layer's id. */
const FOLLOWS = 'khojaly:layer';

/** The metadata of a style layer drawn only while the story layer `id` is visible. */
const follows = (id: LayerId) => ({ metadata: { [FOLLOWS]: id } });

/** The story layer a style layer is drawn for, if it follows one (see {@link FOLLOWS}). */
export function followedLayer(layer: { metadata?: unknown }): LayerId | null {
  const id = (layer.metadata as Record<string, unknown> | undefined)?.[FOLLOWS];
  return typeof id === 'string' && (LAYER_IDS as readonly string[]).includes(id) ? (id as LayerId) : null;
}

/**
 * The layers with the visibility of the story layer each follows, a plain value: MapLibre re-makes
 * a source's tiles for a visibility read from the global state twice (once when the state changes,
 * once in its next frame), for a visibility set on the layer once.
 */
function withVisibility(layers: LayerSpecification[], visible: readonly LayerId[]): LayerSpecification[] {
  return layers.map((layer) => {
    const id = followedLayer(layer);
    return id ? ({ ...layer, layout: { ...layer.layout, visibility: visible.includes(id) ? 'visible' : 'none' } } as LayerSpecification) : layer;
  });
}

/** The areas of the "Also named" layer: a light fill, an outline, and outlines for the selected and the marked. */
function areaLayers(theme: Theme, mode: HighlightMode): LayerSpecification[] {
  const colors = storyText(theme);
  const base = { source: 'story-areas', ...follows('also-named') } as const;
  return [
    { id: 'story-areas-fill', type: 'fill', ...base, paint: { 'fill-color': STORY_COLORS.also, 'fill-opacity': theme === 'dark' ? 0.28 : 0.16 } },
    { id: 'story-areas-outline', type: 'line', ...base, paint: { 'line-color': STORY_COLORS.also, 'line-width': 1.2 } },
    highlightLayer({ id: 'story-areas-marked', type: 'line', ...base, paint: { 'line-color': colors.text, 'line-width': 2, 'line-dasharray': [2, 1] } }, 'marked', { 'line-opacity': 1 }, mode),
    highlightLayer({ id: 'story-areas-selected', type: 'line', ...base, paint: { 'line-color': colors.selected, 'line-width': 3 } }, 'selected', { 'line-opacity': 1 }, mode)
  ];
}

/** Where a story label may sit around its point, in order of preference (MapLibre's text anchors). */
export const LABEL_ANCHORS = ['right', 'left', 'top', 'bottom', 'top-left', 'top-right', 'bottom-right', 'bottom-left'] as const;

/** The label layers: the main places' labels above the icons (placed first), the others below. */
export const LABEL_LAYERS = ['story-labels', 'story-labels-primary'];

/** Shows a place's label when at least one of its layers is visible. */
const labelFilter: ExpressionSpecification = ['any', ...LAYER_IDS.map((id): ExpressionSpecification => ['all', isShown(id), ['in', `,${id},`, ['get', 'layers']]])];

/** The filter of a label layer: its places (main or not) whose layers are visible. */
function labelLayerFilter(id: string): FilterSpecification {
  const primary: ExpressionSpecification = [id === 'story-labels-primary' ? '==' : '!=', ['get', 'priority'], 0];
  return ['all', labelFilter, primary];
}

function labelLayer(id: string, theme: Theme, primary: boolean): LayerSpecification {
  const colors = storyText(theme);
  return {
    id,
    type: 'symbol',
    source: 'story-labels',
    ...(primary ? {} : { minzoom: 5.5 }),
    filter: labelLayerFilter(id),
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
 * (placed first by MapLibre, so labels make way for them). The layers drawn for one story layer
 * are shown while it is `visible`; which labels and clusters are drawn is read from the style's
 * global state, the highlighted places from the feature state in `feature-state` mode: see
 * {@link StoryState}. `withClusters` (clustered sources): the clusters are drawn on top.
 */
export function storyLayers(theme: Theme, mode: HighlightMode = 'global-state', withClusters = false, visible: readonly LayerId[] = LAYER_IDS): LayerSpecification[] {
  const colors = storyText(theme);
  const route = 'escape-route' as const;
  const lineLayout = { 'line-cap': 'round', 'line-join': 'round' } as const;
  const icons: LayerSpecification[] = (['also-named', 'khankendi', 'khojaly', 'baku-monument', 'escape-route', 'flag-raising-2023'] as const).map((id) => ({
    id: `story-icons-${id}`,
    type: 'symbol',
    source: 'story-points',
    filter: inLayer(id),
    ...follows(id),
    layout: {
      'icon-image': ['get', 'icon'],
      'icon-anchor': LAYER_SYMBOLS[id].anchor,
      'icon-size': zoomSize(0.8, 1.1),
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
      'symbol-sort-key': ['get', 'priority']
    }
  }));
  return withVisibility([
    ...areaLayers(theme, mode),
    {
      id: 'story-route-corridor',
      type: 'fill',
      source: 'story-corridors',
      ...follows(route),
      paint: { 'fill-color': STORY_COLORS.event, 'fill-opacity': theme === 'dark' ? 0.22 : 0.14 }
    },
    {
      id: 'story-route-corridor-edge',
      type: 'line',
      source: 'story-corridors',
      ...follows(route),
      layout: lineLayout,
      paint: { 'line-color': STORY_COLORS.event, 'line-opacity': 0.45, 'line-width': 1, 'line-dasharray': [1, 3] }
    },
    highlightLayer(
      { id: 'story-route-selected', type: 'line', source: 'story-corridors', ...follows(route), layout: lineLayout, paint: { 'line-color': colors.selected, 'line-width': zoomSize(3, 5) } },
      'selected',
      { 'line-opacity': 0.9 },
      mode
    ),
    highlightLayer(
      { id: 'story-route-marked', type: 'line', source: 'story-corridors', ...follows(route), layout: lineLayout, paint: { 'line-color': colors.selected, 'line-width': zoomSize(2, 4) } },
      'marked',
      { 'line-opacity': 0.55 },
      mode
    ),
    {
      id: 'story-route-arrows',
      type: 'symbol',
      source: 'story-routes',
      ...follows(route),
      layout: {
        'symbol-placement': 'line-center',
        'icon-image': 'story-direction',
        'icon-size': zoomSize(0.8, 1.2),
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-rotation-alignment': 'map'
      }
    },
    highlightLayer(
      {
        id: 'story-hover-halo',
        type: 'circle',
        source: 'story-marks',
        paint: { 'circle-radius': zoomSize(13, 18), 'circle-color': colors.selected, 'circle-opacity': 0, 'circle-stroke-color': colors.text, 'circle-stroke-width': 2 }
      },
      'hover',
      { 'circle-stroke-opacity': 0.7 },
      mode
    ),
    highlightLayer(
      { id: 'story-event-halo', type: 'circle', source: 'story-marks', paint: { 'circle-radius': zoomSize(11, 16), 'circle-opacity': 0, 'circle-stroke-color': colors.selected, 'circle-stroke-width': 3 } },
      'marked',
      { 'circle-stroke-opacity': 0.95 },
      mode
    ),
    highlightLayer(
      { id: 'story-selected-halo', type: 'circle', source: 'story-marks', paint: { 'circle-radius': zoomSize(14, 20), 'circle-color': colors.selected, 'circle-stroke-color': colors.selected, 'circle-stroke-width': 3 } },
      'selected',
      { 'circle-opacity': 0.35, 'circle-stroke-opacity': 1 },
      mode
    ),
    labelLayer('story-labels', theme, false),
    ...icons,
    labelLayer('story-labels-primary', theme, true),
    ...(withClusters ? clusterLayers(theme) : [])
  ], visible);
}
