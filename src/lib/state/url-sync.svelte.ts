import { BASEMAPS } from '../data/basemaps';
import { LAYER_IDS } from '../data/types';
import { LANGS } from '../i18n';
import type { AppState } from './app-state.svelte';
import { formatHash, parseHash, type Known, type UrlState } from './url';

/** How the URL is kept: `push` adds a history entry when the selected place changes (the full app), `replace` never does (the embed). */
export type HistoryMode = 'push' | 'replace';

/** What URL ids the app accepts. */
function knownIds(app: AppState, basemaps: readonly string[]): Known {
  return { layers: LAYER_IDS, places: app.model.places.map((p) => p.id), basemaps, events: app.model.events.map((e) => e.id), langs: LANGS };
}

/** Longest wait for a frame before a URL write goes ahead anyway (a hidden page or frame may draw none). */
const WRITE_WAIT_MS = 500;

/**
 * Runs `task` once the next frame is painted (in a task queued from its animation frame), or after
 * {@link WRITE_WAIT_MS} when no frame comes first; returns a canceller.
 */
function afterNextPaint(task: () => void): () => void {
  let afterFrame: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    cancelAnimationFrame(frame);
    clearTimeout(afterFrame);
    clearTimeout(fallback);
  };
  const run = () => {
    cancel();
    task();
  };
  const frame = requestAnimationFrame(() => (afterFrame = setTimeout(run, 0)));
  const fallback = setTimeout(run, WRITE_WAIT_MS);
  return cancel;
}

/** The hash part of a URL, without the `#`. */
function hashOf(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? '' : url.slice(at + 1);
}

/**
 * Keeps the URL hash and the state in step. Reads it at start and on `hashchange` / `popstate`
 * (from the event's own URL, so a hash written since cannot stand in for the one navigated to),
 * and writes the state back once the frame that shows a change is painted, so a click pays for no
 * history write: a new selected place gets a history entry in `push` mode, so the browser's Back
 * button returns to the previous place; every other change (camera moves, passages, layers)
 * replaces the current entry. A navigation that comes before the write wins over it. Also sets
 * `<html lang>` to the interface language. Returns a disposer.
 */
export function syncUrl(app: AppState, options: { basemaps?: readonly string[]; history?: HistoryMode } = {}): () => void {
  const known = knownIds(app, options.basemaps ?? BASEMAPS.basemaps.map((b) => b.id));
  const mode = options.history ?? 'replace';
  /** The place the URL showed when last read or written: a new one is what gets a history entry. */
  let writtenPlace: string | null = null;
  /** The hash the URL had when last read or written: another one at a write means a navigation is under way. */
  let seenHash = '';
  /** The write waiting for the next paint. */
  let pending: { state: UrlState; place: string | null; cancel: () => void } | null = null;
  const drop = () => {
    pending?.cancel();
    pending = null;
  };
  const write = () => {
    const next = pending;
    drop();
    const current = hashOf(window.location.href);
    if (!next || current !== seenHash) return;
    const hash = formatHash(next.state);
    if (current !== hash) {
      const url = hash ? `#${hash}` : window.location.pathname + window.location.search;
      if (mode === 'push' && next.place !== writtenPlace) history.pushState(null, '', url);
      else history.replaceState(history.state, '', url);
    }
    writtenPlace = next.place;
    seenHash = hashOf(window.location.href);
  };
  const apply = (hash: string) => {
    drop();
    const url = parseHash(hash, known);
    if (formatHash(url) !== formatHash(app.toUrl())) app.applyUrl(url);
    writtenPlace = app.placeId;
    seenHash = hashOf(window.location.href);
  };
  app.applyUrl(parseHash(window.location.hash, known));
  writtenPlace = app.placeId;
  seenHash = hashOf(window.location.href);
  const onHash = (event: HashChangeEvent) => apply(hashOf(event.newURL));
  const onPop = () => apply(hashOf(window.location.href));
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onPop);
  const stop = $effect.root(() => {
    $effect(() => {
      document.documentElement.lang = app.language;
    });
    $effect(() => {
      // Formatted at the write, after the frame: the click pays only for reading the state.
      const state = app.toUrl();
      const place = app.placeId;
      // A second place before the frame: the first keeps its own history entry.
      if (pending && pending.place !== place) write();
      drop();
      pending = { state, place, cancel: afterNextPaint(write) };
    });
  });
  return () => {
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('popstate', onPop);
    drop();
    stop();
  };
}
