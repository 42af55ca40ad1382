import { ID_PATTERN } from './ids.ts';

/** One basemap the map may draw. */
export type BasemapChoice = { id: string; label: string } & (
  | { type: 'offline' }
  | { type: 'style'; url: string }
  | { type: 'pmtiles'; url: string }
);

/** The basemaps configured for this build and the one drawn by default. */
export interface BasemapConfig {
  default: string;
  basemaps: BasemapChoice[];
}

const OFFLINE: BasemapChoice = { id: 'offline', label: 'Offline (shipped with the map)', type: 'offline' };

/**
 * Reads the configuration (the `basemaps.json` file) and the build-time override (`BASEMAP`:
 * an id, `style:<url>` or `pmtiles:<url>`). Invalid entries are dropped; the offline basemap is
 * always available, so a broken configuration still gives a working map.
 */
export function parseBasemapConfig(file: unknown, override?: string): BasemapConfig {
  const raw = (typeof file === 'object' && file !== null ? file : {}) as { default?: unknown; basemaps?: unknown };
  const basemaps: BasemapChoice[] = [];
  for (const entry of Array.isArray(raw.basemaps) ? raw.basemaps : []) {
    const choice = parseChoice(entry);
    if (choice && !basemaps.some((b) => b.id === choice.id)) basemaps.push(choice);
  }
  if (!basemaps.some((b) => b.type === 'offline')) basemaps.unshift(OFFLINE);
  let fallback = typeof raw.default === 'string' && basemaps.some((b) => b.id === raw.default) ? raw.default : basemaps[0]!.id;
  const fromEnv = override?.trim();
  if (fromEnv) {
    const match = /^(style|pmtiles):(.+)$/.exec(fromEnv);
    if (match) {
      const choice = { id: 'configured', label: `Configured ${match[1]} basemap`, type: match[1] as 'style' | 'pmtiles', url: match[2]! };
      basemaps.push(choice);
      fallback = choice.id;
    } else if (basemaps.some((b) => b.id === fromEnv)) fallback = fromEnv;
  }
  return { default: fallback, basemaps };
}

function parseChoice(entry: unknown): BasemapChoice | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { id, label, type, url } = entry as Record<string, unknown>;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return null;
  const name = typeof label === 'string' ? label : id;
  if (type === 'offline') return { id, label: name, type };
  if ((type === 'style' || type === 'pmtiles') && typeof url === 'string' && isAllowedUrl(url)) return { id, label: name, type, url };
  return null;
}

/** Paths on the page's own server (absolute or relative) and http(s) URLs; no other scheme. */
function isAllowedUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme) return scheme === 'http' || scheme === 'https';
  return !url.startsWith('//') && url.length > 0;
}

/** The origins a configuration may contact besides the page's own (for the Content-Security-Policy). */
export function externalOrigins(config: BasemapConfig): string[] {
  const origins = new Set<string>();
  for (const choice of config.basemaps) {
    if (choice.type !== 'offline' && /^https?:\/\//i.test(choice.url)) origins.add(new URL(choice.url).origin);
  }
  return [...origins];
}
