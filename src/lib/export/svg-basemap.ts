import type { FeatureCollection, Geometry } from 'geojson';
import { BASEMAP_SOURCE, BASEMAP_URLS } from '../map/basemap';
import type { SourceData } from './svg-layers';

type Collection = FeatureCollection<Geometry, Record<string, unknown>>;
/** The offline basemap files the style loads, by name. */
export type BasemapData = Record<keyof typeof BASEMAP_SOURCE, Collection>;

let cache: Promise<BasemapData> | null = null;

/** Fetches the committed basemap GeoJSON once (the same files the map style loads). */
export function loadBasemapData(): Promise<BasemapData> {
  cache ??= (async () => {
    const names = Object.keys(BASEMAP_SOURCE) as (keyof typeof BASEMAP_SOURCE)[];
    const files = await Promise.all(names.map(async (n) => (await fetch(BASEMAP_URLS[n])).json() as Promise<Collection>));
    return Object.fromEntries(names.map((n, i) => [n, files[i]])) as BasemapData;
  })();
  return cache;
}

/** The basemap's data by style source id (`basemap-land` → the land file). */
export function basemapSourceData(data: BasemapData): SourceData {
  const byId = new Map(Object.entries(BASEMAP_SOURCE).map(([name, id]) => [id as string, data[name as keyof BasemapData]]));
  return (id) => byId.get(id) ?? null;
}
