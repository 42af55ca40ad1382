import type { View } from '../state/url';
import type { HostMessage } from './protocol';

/** The part of AppState a host message may use: state methods only, never the map. */
export interface HostControls {
  select(placeId: string, options?: { cite?: number; focus?: boolean }): void;
  clearSelection(): void;
  moveTo(view: View): void;
  setLayers(ids: readonly string[]): void;
}

/**
 * Applies a validated host message to the app state. Returns true when the message asked for
 * nothing but a reply (`get-state`), so the caller can answer with the state.
 */
export function applyHostMessage(app: HostControls, message: HostMessage): boolean {
  switch (message.type) {
    case 'khojaly-map:select':
      if (message.place === null) app.clearSelection();
      else app.select(message.place, { cite: message.cite ?? 0 });
      return false;
    case 'khojaly-map:view':
      app.moveTo(message.view);
      return false;
    case 'khojaly-map:layers':
      app.setLayers(message.layers);
      return false;
    case 'khojaly-map:get-state':
      return true;
  }
}
