import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { LayerId, Model, Place } from '../../data/types';
import { LAYER_SYMBOLS } from '../symbols';
import { placesById } from '../../data/lookup';

/** Which places win label collisions: lower first. */
const PRIORITY: Record<string, number> = { khojaly: 0, 'mothers-cry': 0, khankendi: 1, aghdam: 2 };

/** Properties every story feature carries on the map. */
export interface StoryProps {
  placeId: string;
  layer: LayerId;
  name: string;
  label: string;
  icon: string;
  priority: number;
  precision: string;
}

/** Label text: the sources' spelling, with the Azerbaijani name below where it differs. */
export function placeLabel(place: Place): string {
  return place.nameAz && place.nameAz !== place.name && place.kind === 'town' ? `${place.name}\n${place.nameAz}` : place.name;
}

/**
 * What the icon layers read of a point: its place, layer, icon and rank. The points and labels
 * carry nothing more, since MapLibre copies every property to its worker one by one, and at
 * 100,000 points that copy is most of the first view.
 */
export type PointProps = Pick<StoryProps, 'placeId' | 'layer' | 'icon' | 'priority'>;

/** What the label layers read of a place: its label, its rank and its layers as `,a,b,`. */
export type LabelProps = Pick<StoryProps, 'placeId' | 'label' | 'priority'> & { layers: string };

/** One point feature per (layer, place), for the icon layers. */
export function storyPoints(model: Model): FeatureCollection<Point, PointProps> {
  const features: Feature<Point, PointProps>[] = [];
  const byId = placesById(model.places);
  for (const layer of model.layers) {
    for (const id of layer.placeIds) {
      const place = byId.get(id);
      if (!place || place.geometry.type !== 'Point') continue;
      const properties = { placeId: place.id, layer: layer.id, icon: LAYER_SYMBOLS[layer.id].icon ?? '', priority: priorityOf(place) };
      features.push({ type: 'Feature', geometry: place.geometry, properties });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** One label per place (a place in two layers is labelled once). */
export function storyLabels(model: Model): FeatureCollection<Point, LabelProps> {
  return {
    type: 'FeatureCollection',
    features: model.places
      .filter((p): p is Place & { geometry: Point } => p.geometry.type === 'Point')
      .map((place) => ({
        type: 'Feature' as const,
        geometry: place.geometry,
        properties: { placeId: place.id, label: placeLabel(place), priority: priorityOf(place), layers: `,${place.layers.join(',')},` }
      }))
  };
}

/** The route lines. */
export function storyRoutes(model: Model): FeatureCollection<LineString, StoryProps> {
  return {
    type: 'FeatureCollection',
    features: model.places
      .filter((p): p is Place & { geometry: LineString } => p.geometry.type === 'LineString')
      .map((place) => ({ type: 'Feature' as const, geometry: place.geometry, properties: propsOf(place, place.layers[0]!) }))
  };
}

/** The areas (countries of the "Also named" layer). */
export function storyAreas(model: Model): FeatureCollection<Polygon | MultiPolygon, StoryProps> {
  return {
    type: 'FeatureCollection',
    features: model.places
      .filter((p): p is Place & { geometry: Polygon | MultiPolygon } => p.geometry.type === 'Polygon' || p.geometry.type === 'MultiPolygon')
      .map((place) => ({ type: 'Feature' as const, geometry: place.geometry, properties: propsOf(place, place.layers[0]!) }))
  };
}

function propsOf(place: Place, layer: LayerId): StoryProps {
  return {
    placeId: place.id,
    layer,
    name: place.name,
    label: placeLabel(place),
    icon: LAYER_SYMBOLS[layer].icon ?? '',
    priority: priorityOf(place),
    precision: place.precision
  };
}

const priorityOf = (place: Place): number => PRIORITY[place.id] ?? 3;
