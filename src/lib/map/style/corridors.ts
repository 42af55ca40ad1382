import buffer from '@turf/buffer';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Model } from '../../data/types';
import { CORRIDOR_KM } from '../camera';
import { storyRoutes, type StoryProps } from './story-data';

/** A FeatureCollection of corridors around routes. */
export type Corridors = FeatureCollection<Polygon | MultiPolygon, StoryProps>;

/**
 * The uncertainty corridor around each approximate route (a Turf buffer). Computed at build time
 * (`virtual:route-corridors`), so the buffer code never ships to the browser.
 */
export function routeCorridors(model: Model, km = CORRIDOR_KM): Corridors {
  const features: Feature<Polygon | MultiPolygon, StoryProps>[] = [];
  for (const route of storyRoutes(model).features) {
    if (route.properties.precision !== 'approximate') continue;
    const area = buffer(route, km, { units: 'kilometers', steps: 16 });
    if (area) features.push({ ...area, properties: route.properties });
  }
  return { type: 'FeatureCollection', features };
}
