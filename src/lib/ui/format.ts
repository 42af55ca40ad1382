import type { Source } from '../data/types';

/** A metadata value, or "unknown" (in the interface language) when the source does not give it. */
export const orUnknown = (value: string | null, unknown = 'unknown'): string => value ?? unknown;

/** Degrees as `39.91111° N, 46.78917° E`. */
export function formatLngLat([lng, lat]: number[]): string {
  return `${Math.abs(lat!).toFixed(5)}° ${lat! >= 0 ? 'N' : 'S'}, ${Math.abs(lng!).toFixed(5)}° ${lng! >= 0 ? 'E' : 'W'}`;
}

/** The short label of a source by id. */
export function sourceLabel(sources: Source[], id: string): string {
  return sources.find((s) => s.id === id)?.label ?? id;
}

/** Whether a URL is safe to link to (http or https only). */
export function isWebUrl(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}
