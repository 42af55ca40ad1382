import { addProtocol, type AddProtocolAction } from 'maplibre-gl';
import { offlineBasemap, type BasemapPart } from './style';
import type { Theme } from './basemap';
import type { BasemapChoice } from '../data/basemap-config';

type PmtilesModule = typeof import('pmtiles');

let pmtilesReady: Promise<{ lib: PmtilesModule; protocol: InstanceType<PmtilesModule['Protocol']> }> | null = null;
const archives = new Map<string, Promise<boolean>>();

/** How many tiles {@link shared} keeps after they arrived. */
const RECENT_TILES = 16;

/**
 * A tile loader that reads each tile once for the requests that want it together: MapLibre asks
 * for an overzoomed tile once per visible child (four children of the world's zoom-5 tile in the
 * default view), and each caller gets its own copy, since MapLibre hands the bytes to its worker.
 * A caller's abort does not cancel the read the others share.
 */
function shared(load: AddProtocolAction): AddProtocolAction {
  const recent = new Map<string, ReturnType<AddProtocolAction>>();
  return async (params) => {
    let pending = recent.get(params.url);
    if (!pending) {
      pending = load(params, new AbortController());
      recent.set(params.url, pending);
      pending.catch(() => recent.delete(params.url));
      if (recent.size > RECENT_TILES) recent.delete(recent.keys().next().value!);
    }
    const response = await pending;
    return response.data instanceof Uint8Array ? { ...response, data: response.data.slice() } : response;
  };
}

/** Registers the `pmtiles://` protocol once, loading the PMTiles reader only when a PMTiles basemap is used. */
function registerPmtiles() {
  pmtilesReady ??= import('pmtiles').then((lib) => {
    const protocol = new lib.Protocol();
    addProtocol('pmtiles', shared(protocol.tilev4 as AddProtocolAction));
    return { lib, protocol };
  });
  return pmtilesReady;
}

/**
 * Whether the server of this archive answers HTTP range requests, decided by the archive's
 * first request (its header): a server that ignores `Range` answers 200 with the whole file,
 * which the PMTiles reader refuses before reading the body. Asked once per URL.
 */
export function archiveServed(url: string): Promise<boolean> {
  let known = archives.get(url);
  if (!known) {
    known = registerPmtiles().then(async ({ lib, protocol }) => {
      const archive = new lib.PMTiles(url);
      try {
        await archive.getHeader();
        protocol.add(archive);
        return true;
      } catch {
        return false;
      }
    });
    archives.set(url, known);
  }
  return known;
}

/**
 * Turns a basemap choice into the part of the style under the story layers. A PMTiles archive
 * whose server ignores range requests is replaced by the offline GeoJSON basemap, silently.
 */
export async function resolveBasemap(choice: BasemapChoice, theme: Theme): Promise<BasemapPart> {
  if (choice.type === 'offline') return offlineBasemap(theme);
  if (choice.type === 'pmtiles') {
    const url = new URL(choice.url, window.location.href).href;
    const [{ pmtilesBasemapLayers, pmtilesBasemapSources }, served] = await Promise.all([import('./basemap'), archiveServed(url)]);
    if (!served) return offlineBasemap(theme);
    return { sources: pmtilesBasemapSources(url), layers: pmtilesBasemapLayers(theme) };
  }
  const response = await fetch(choice.url);
  if (!response.ok) throw new Error(`basemap style ${choice.url}: HTTP ${response.status}`);
  const style = (await response.json()) as BasemapPart & { sprite?: BasemapPart['sprite'] };
  return { sources: style.sources, layers: style.layers, glyphs: style.glyphs, sprite: style.sprite };
}
