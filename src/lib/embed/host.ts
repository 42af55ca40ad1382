import { isId, record, versionOk, viewFrom, type EmbedMessage, type EmbedState } from './protocol';

function stateFrom(value: unknown): EmbedState | null {
  const s = record(value);
  if (!s) return null;
  const place = s.place === null || isId(s.place, undefined) ? (s.place as string | null) : undefined;
  const layersOk = Array.isArray(s.layers) && s.layers.every((l) => isId(l, undefined));
  const view = s.view === null ? null : viewFrom(s.view);
  if (place === undefined || !layersOk || typeof s.cite !== 'number' || typeof s.hash !== 'string') return null;
  if (s.view !== null && view === null) return null;
  return { place, cite: s.cite, layers: [...(s.layers as string[])], view, hash: s.hash };
}

/** A plausible height in CSS pixels. */
const isHeight = (h: unknown): h is number => typeof h === 'number' && Number.isFinite(h) && h >= 0 && h <= 100_000;

/** Validates a message from an embed, for host pages written in TypeScript; null when malformed. */
export function parseEmbedMessage(data: unknown): EmbedMessage | null {
  const m = record(data);
  if (!m || !versionOk(m, true)) return null;
  switch (m.type) {
    case 'khojaly-map:height':
      return isHeight(m.height) ? { type: m.type, height: m.height } : null;
    case 'khojaly-map:select':
      if (!(m.place === null || isId(m.place, undefined)) || typeof m.cite !== 'number') return null;
      return { type: m.type, place: m.place as string | null, cite: m.cite };
    case 'khojaly-map:ready':
    case 'khojaly-map:state': {
      const state = stateFrom(m.state);
      if (!state) return null;
      if (m.type === 'khojaly-map:state') return { type: m.type, state };
      return isHeight(m.height) ? { type: m.type, state, height: m.height } : null;
    }
    default:
      return null;
  }
}

