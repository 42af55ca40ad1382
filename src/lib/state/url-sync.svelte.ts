import { LAYER_IDS } from '../data/types';
import { BASEMAPS } from '../data/basemaps';
import type { AppState } from './app-state.svelte';
import { formatHash, parseHash, type Known } from './url';

/** What URL ids the model accepts. */
function knownIds(app: AppState): Known {
  return { layers: LAYER_IDS, places: app.model.places.map((p) => p.id), basemaps: BASEMAPS.basemaps.map((b) => b.id), events: app.model.events.map((e) => e.id) };
}

/**
 * Keeps the URL hash and the state in step: reads it at start and on `hashchange`, and writes the
 * state back with `history.replaceState` (no history entry per camera move). Returns a disposer.
 */
export function syncUrl(app: AppState): () => void {
  const known = knownIds(app);
  const read = () => app.applyUrl(parseHash(window.location.hash, known));
  read();
  window.addEventListener('hashchange', read);
  const stop = $effect.root(() => {
    $effect(() => {
      const hash = formatHash(app.toUrl());
      if (window.location.hash.replace(/^#/, '') !== hash) {
        history.replaceState(history.state, '', hash ? `#${hash}` : window.location.pathname + window.location.search);
      }
    });
  });
  return () => {
    window.removeEventListener('hashchange', read);
    stop();
  };
}
