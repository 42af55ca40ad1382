import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { LAYER_IDS, type LayerId, type Model } from '../../data/types';
import { basemapLayers, basemapSources, fontFaces, type Theme } from '../basemap';
import { clusteredModel, stateSpec, storyLayers, storySources, storyStateValues } from './story';
import { shownValues } from './shown';
import type { HighlightMode } from './highlight';
import { sharePrograms } from './programs';
import { MAP_TITLE } from '../../title';

/** The part of a style under the story layers. */
export interface BasemapPart {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  glyphs?: string;
  sprite?: StyleSpecification['sprite'];
}

/** What the style depends on. */
export interface StyleInput {
  model: Model;
  theme: Theme;
  visible?: readonly LayerId[];
  selected?: string | null;
  /** The places of the selected event, ringed. */
  marked?: readonly string[];
  /** The place pointed at in a list or a text, ringed (screen only). */
  hover?: string | null;
  /** Defaults to the offline basemap shipped with the app. */
  basemap?: BasemapPart;
  /**
   * How the selected, marked and hovered places are highlighted: `global-state` (the default, an
   * export's style) or `feature-state` (the screen map, whose controller sets the feature state;
   * its global state then says only which layers are shown).
   */
  highlight?: HighlightMode;
}

/** The offline basemap shipped with the app. */
export function offlineBasemap(theme: Theme): BasemapPart {
  return { sources: basemapSources(), layers: basemapLayers(theme) };
}

/**
 * The whole map style: a basemap with the story layers always on top, and what they show (visible
 * layers, and in `global-state` mode the selection, event and hover) as the defaults of its global state.
 */
export function buildStyle({ model, theme, visible = LAYER_IDS, selected = null, marked = [], hover = null, basemap, highlight = 'global-state' }: StyleInput): StyleSpecification {
  const base = basemap ?? offlineBasemap(theme);
  const state = stateSpec(highlight === 'global-state' ? storyStateValues({ visible, selected, marked, hover }) : shownValues(visible));
  return {
    version: 8,
    name: MAP_TITLE,
    ...(base.glyphs ? { glyphs: base.glyphs } : {}),
    ...(base.sprite ? { sprite: base.sprite } : {}),
    'font-faces': fontFaces(),
    state,
    sources: { ...base.sources, ...storySources(model) },
    layers: sharePrograms([...base.layers, ...storyLayers(theme, highlight, clusteredModel(model), visible)])
  };
}
