import { isLang, type Lang } from '../i18n';
import type { Theme } from '../map/basemap';

/** How an embed looks and behaves; carried in the query string of `embed.html`. */
export interface EmbedOptions {
  /** `auto`: the iframe's height follows the content; a number: a fixed height in CSS pixels. */
  height: 'auto' | number;
  /** Whether the place details and the source texts are shown under the map. */
  panel: boolean;
  /** A static map cannot be panned, zoomed or clicked; the host and the panel can still move it. */
  static: boolean;
  /** A forced theme; null follows the reader's system. */
  theme: Theme | null;
  /** The host page's origin, set by the loader; messages to the host are addressed to it. */
  host: string | null;
  /** Whether the timeline of events is shown under the map (`timeline=1`). */
  timeline?: boolean;
  /** The interface language; null follows the reader's browser. */
  lang?: Lang | null;
}

/** The options an embed has when its URL gives none. */
export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { height: 'auto', panel: true, static: false, theme: null, host: null };

/** Smallest and largest fixed heights accepted, in CSS pixels. */
export const MIN_HEIGHT = 200;
export const MAX_HEIGHT = 4000;

/** An http(s) origin such as `https://news.example`, or null for anything else (including `null`). */
export function parseOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin === value ? value : null;
  } catch {
    return null;
  }
}

/** A fixed height in pixels from `height=<px>`, or `auto`; malformed values give `auto`. */
export function parseHeight(value: string | null): 'auto' | number {
  if (value === null || !/^\d{1,4}$/.test(value)) return 'auto';
  const px = Number(value);
  return px >= MIN_HEIGHT && px <= MAX_HEIGHT ? px : 'auto';
}

/**
 * Reads embed options from a query string (`?height=auto|<px>&panel=0|1&static=0|1&theme=light|dark&lang=en|az&host=<origin>&timeline=1`).
 * It never throws; every unknown or malformed value keeps its default.
 */
export function parseEmbedOptions(search: string): EmbedOptions {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  const theme = params.get('theme');
  const lang = params.get('lang');
  return {
    height: parseHeight(params.get('height')),
    panel: params.get('panel') !== '0',
    static: params.get('static') === '1',
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    host: parseOrigin(params.get('host')),
    ...(params.get('timeline') === '1' ? { timeline: true } : {}),
    ...(isLang(lang) ? { lang } : {})
  };
}

/** Writes options as a query string without `?`; defaults are left out, so the default is ``. */
export function formatEmbedOptions(options: EmbedOptions): string {
  const parts: string[] = [];
  if (options.height !== 'auto') parts.push(`height=${options.height}`);
  if (!options.panel) parts.push('panel=0');
  if (options.static) parts.push('static=1');
  if (options.theme) parts.push(`theme=${options.theme}`);
  if (options.host) parts.push(`host=${encodeURIComponent(options.host)}`);
  if (options.timeline) parts.push('timeline=1');
  if (options.lang) parts.push(`lang=${options.lang}`);
  return parts.join('&');
}
