import { untrack } from 'svelte';
import { DEFAULT_LAYERS, LAYER_IDS } from '../data/types';
import type { AppState } from '../state/app-state.svelte';
import { applyHostMessage } from './apply';
import type { EmbedOptions } from './options';
import { embedState, parseHostMessage, wire, type EmbedMessage, type EmbedState } from './protocol';

/** What the embed needs of the page that frames it: a window to post to. */
export interface HostWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

/**
 * Connects an embed to the page that frames it. Incoming messages are accepted only from
 * `window.parent` (and, when the loader told the embed its host origin, only from that origin),
 * are validated by {@link parseHostMessage} and only call AppState methods. Outgoing messages go to
 * `window.parent`, addressed to the host origin when known, else to `'*'` (they carry only the
 * public map state). Reports `ready`, `height` (of `root`), the reader's `select` and every `state`.
 * Returns a disposer; does nothing when the page is not framed (`host` null).
 */
export function connectHost(
  app: AppState,
  options: Pick<EmbedOptions, 'host'>,
  root: HTMLElement,
  host: HostWindow | null = window.parent === window ? null : window.parent
): () => void {
  if (!host) return () => {};
  const target = options.host ?? '*';
  const known = { places: app.model.places.map((p) => p.id), layers: LAYER_IDS };
  const post = (message: EmbedMessage) => host.postMessage(wire(message), target);
  const state = (): EmbedState => embedState(app.toUrl(), DEFAULT_LAYERS);
  /** The place the host asked for: its selection is not echoed back as the reader's. */
  let hostPlace: string | null | undefined;

  const onMessage = (event: MessageEvent) => {
    if (event.source !== host || (options.host && event.origin !== options.host)) return;
    const message = parseHostMessage(event.data, known);
    if (!message) return;
    if (message.type === 'khojaly-map:select') hostPlace = message.place;
    if (applyHostMessage(app, message)) post({ type: 'khojaly-map:state', state: untrack(state) });
  };
  window.addEventListener('message', onMessage);

  const measure = () => Math.ceil(root.getBoundingClientRect().height);
  const acted = trackReaderAction(root);
  let sent = untrack(state);
  post({ type: 'khojaly-map:ready', state: sent, height: measure() });
  /** The last height reported; the observer's first call always reports, for hosts that only read `height`. */
  let height = -1;
  const observer = new ResizeObserver(() => {
    const next = measure();
    if (next !== height) post({ type: 'khojaly-map:height', height: (height = next), ...acted.anchor() });
  });
  observer.observe(root);

  let lastPlace = untrack(() => app.placeId);
  const stop = $effect.root(() => {
    $effect(() => {
      const place = app.placeId;
      const cite = app.citeIndex;
      if (place === lastPlace) return;
      lastPlace = place;
      const fromHost = hostPlace !== undefined && place === hostPlace;
      hostPlace = undefined;
      if (!fromHost) post({ type: 'khojaly-map:select', place, cite });
    });
    $effect(() => {
      const next = state();
      if (next.hash === sent.hash) return;
      sent = next;
      post({ type: 'khojaly-map:state', state: next });
    });
  });

  return () => {
    window.removeEventListener('message', onMessage);
    observer.disconnect();
    acted.stop();
    stop();
  };
}

/** How long after a reader's action a height change counts as caused by it. */
const ACTION_WINDOW_MS = 2000;

/**
 * Remembers the element the reader last acted on (pointer, key or change) inside `root`. `anchor()`
 * gives its position in the embed's document, for the host to keep it in view while the iframe's
 * height changes (the current passage when the element itself was replaced); nothing when no action is recent.
 */
export function trackReaderAction(root: HTMLElement): { anchor: () => Partial<{ anchor: number; anchorHeight: number }>; stop: () => void } {
  let last: { element: Element; at: number } | null = null;
  const onAction = (event: Event) => {
    if (event.target instanceof Element) last = { element: event.target, at: performance.now() };
  };
  const kinds = ['pointerdown', 'keydown', 'change'] as const;
  for (const kind of kinds) root.addEventListener(kind, onAction, true);
  return {
    anchor: () => {
      if (!last || performance.now() - last.at > ACTION_WINDOW_MS) return {};
      const element = last.element.isConnected ? last.element : root.querySelector('mark[aria-current="true"], [data-testid="passage-card"]');
      if (!element) return {};
      const rect = element.getBoundingClientRect();
      return { anchor: Math.max(0, Math.round(rect.top + window.scrollY)), anchorHeight: Math.round(rect.height) };
    },
    stop: () => {
      for (const kind of kinds) root.removeEventListener(kind, onAction, true);
    }
  };
}
