import type { Map as MapLibreMap } from 'maplibre-gl';
import { HIGHLIGHT_SOURCES, type HighlightKey } from './style/highlight';

/** The places each highlight key names. */
export type Highlighted = Record<HighlightKey, readonly string[]>;

const KEYS: readonly HighlightKey[] = ['selected', 'marked', 'hover'];

const NONE: Highlighted = { selected: [], marked: [], hover: [] };

/**
 * Keeps the feature state of the highlight sources in step with the places the selection, the
 * event and the hover name (the screen style's `feature-state` mode): only the places whose state
 * changes are touched, so MapLibre rewrites the paint of those features alone.
 */
export class FeatureHighlight {
  private readonly map: MapLibreMap;
  /** What the map's feature state holds, by key. */
  private applied: Highlighted = NONE;

  constructor(map: MapLibreMap) {
    this.map = map;
  }

  /** Names the places of a key; false, changing nothing, while a style is loading (then {@link restore} it after `style.load`). */
  set(key: HighlightKey, placeIds: readonly string[]): boolean {
    const before = new Set(this.applied[key]);
    const after = new Set(placeIds);
    try {
      for (const id of before) if (!after.has(id)) for (const source of HIGHLIGHT_SOURCES) this.map.removeFeatureState({ source, id }, key);
      for (const id of after) if (!before.has(id)) for (const source of HIGHLIGHT_SOURCES) this.map.setFeatureState({ source, id }, { [key]: true });
    } catch {
      return false;
    }
    this.applied = { ...this.applied, [key]: [...after] };
    return true;
  }

  /** Sets every key anew on a style just loaded or diffed, whose sources may hold none of it, or stale state. */
  restore(state: Highlighted): void {
    for (const source of HIGHLIGHT_SOURCES) if (this.map.getSource(source)) this.map.removeFeatureState({ source });
    this.applied = NONE;
    for (const key of KEYS) this.set(key, state[key]);
  }
}
