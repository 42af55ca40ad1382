import { BASEMAPS } from '../data/basemaps';
import { LAYER_IDS } from '../data/types';
import { LANGS } from '../i18n';
import type { AppState } from './app-state.svelte';
import { formatHash, parseHash, type Known } from './url';

/** How the URL is kept: `push` adds a history entry when the selected place changes (the full app), `replace` never does (the embed). */
export type HistoryMode = 'push' | 'replace';

/** What URL ids the app accepts. */
function knownIds(app: AppState, basemaps: readonly string[]): Known {
  return { layers: LAYER_IDS, places: app.model.places.map((p) => p.id), basemaps, events: app.model.events.map((e) => e.id), langs: LANGS };
}

/** The hash part of a URL, without the `#`. */
function hashOf(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? '' : url.slice(at + 1);
}

/**
 * Keeps the URL hash and the state in step. Reads it at start and on `hashchange` / `popstate`
 * (from the event's own URL, so a hash written since cannot stand in for the one navigated to),
 * and writes the state back: a new selected place gets a history entry in `push` mode, so the
 * browser's Back button returns to the previous place; every other change (camera moves,
 * passages, layers) replaces the current entry. Also sets `<html lang>` to the interface
 * language. Returns a disposer.
 */
export function syncUrl(app: AppState, options: { basemaps?: readonly string[]; history?: HistoryMode } = {}): () => void {
  const known = knownIds(app, options.basemaps ?? BASEMAPS.basemaps.map((b) => b.id));
  const mode = options.history ?? 'replace';
  /** The place the URL showed when last read or written: a new one is what gets a history entry. */
  let writtenPlace: string | null = null;
  const apply = (hash: string) => {
    const url = parseHash(hash, known);
    if (formatHash(url) !== formatHash(app.toUrl())) app.applyUrl(url);
    writtenPlace = app.placeId;
  };
  app.applyUrl(parseHash(window.location.hash, known));
  writtenPlace = app.placeId;
  const onHash = (event: HashChangeEvent) => apply(hashOf(event.newURL));
  const onPop = () => apply(hashOf(window.location.href));
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onPop);
  const stop = $effect.root(() => {
    $effect(() => {
      document.documentElement.lang = app.language;
    });
    $effect(() => {
      const hash = formatHash(app.toUrl());
      const place = app.placeId;
      if (hashOf(window.location.href) === hash) {
        writtenPlace = place;
        return;
      }
      const url = hash ? `#${hash}` : window.location.pathname + window.location.search;
      if (mode === 'push' && place !== writtenPlace) history.pushState(null, '', url);
      else history.replaceState(history.state, '', url);
      writtenPlace = place;
    });
  });
  return () => {
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('popstate', onPop);
    stop();
  };
}
