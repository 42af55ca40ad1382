import file from '../../../basemaps.json';
import { parseBasemapConfig, type BasemapChoice } from './basemap-config';

/** The basemaps of this build: `basemaps.json`, with the `BASEMAP` build-time override applied. */
export const BASEMAPS = parseBasemapConfig(file, import.meta.env.VITE_BASEMAP);

/** The configured basemap with this id, else the default one. */
export function basemapChoice(id: string | null): BasemapChoice {
  return BASEMAPS.basemaps.find((b) => b.id === id) ?? BASEMAPS.basemaps.find((b) => b.id === BASEMAPS.default)!;
}
