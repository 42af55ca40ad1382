import { untrack } from 'svelte';
import { LAYER_IDS } from '../data/types';
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
  const state = (): EmbedState => embedState(app.toUrl(), LAYER_IDS);
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
  let sent = untrack(state);
  post({ type: 'khojaly-map:ready', state: sent, height: measure() });
  /** The last height reported; the observer's first call always reports, for hosts that only read `height`. */
  let height = -1;
  const observer = new ResizeObserver(() => {
    const next = measure();
    if (next !== height) post({ type: 'khojaly-map:height', height: (height = next) });
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
    stop();
  };
}
