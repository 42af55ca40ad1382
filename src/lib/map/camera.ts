import type { LngLatBoundsLike } from 'maplibre-gl';
import { geometryBounds } from '../data/geojson';
import type { Place } from '../data/types';
import { MAIN_BOUNDS, type Bounds } from './frames';

/** The default frame: the Karabakh places of the story (Baku has its own inset). */
export const DEFAULT_BOUNDS: Bounds = MAIN_BOUNDS;

/** Padding in CSS pixels around the default frame. */
export const DEFAULT_PADDING = 24;

/** The default frame's padding for a map this wide: on a phone the frame keeps its points 24 px apart. */
export function defaultPadding(width: number): number | { top: number; right: number; bottom: number; left: number } {
  return width < 500 ? { top: 34, right: 6, bottom: 6, left: 6 } : DEFAULT_PADDING;
}

/** Half-width of the escape route's uncertainty band, in kilometres. */
export const CORRIDOR_KM = 3;

/** Zoom the camera moves to for each kind of point place. */
export const FOCUS_ZOOM = { town: 11, monument: 13 } as const;

/** Where the camera goes for a place: a centre and zoom for points, bounds for lines. */
export type CameraTarget = { center: [number, number]; zoom: number } | { bounds: LngLatBoundsLike };

/** The camera target for a place: towns at town scale, the monument at street scale, a route framed whole with its band. */
export function cameraTarget(place: Place): CameraTarget {
  if (place.geometry.type === 'Point') {
    const [lng, lat] = place.geometry.coordinates as [number, number];
    return { center: [lng, lat], zoom: place.kind === 'monument' ? FOCUS_ZOOM.monument : FOCUS_ZOOM.town };
  }
  const [w, s, e, n] = geometryBounds(place.geometry);
  const dLat = CORRIDOR_KM / 111.32;
  const dLng = dLat / Math.cos((((s + n) / 2) * Math.PI) / 180);
  return { bounds: [[w - dLng, s - dLat], [e + dLng, n + dLat]] };
}
