import { DEFAULT_LAYERS, type Model } from '../data/types';
import { geometryBounds } from '../data/geojson';

/** A west-south / east-north pair of [lng, lat] corners. */
export type Bounds = [[number, number], [number, number]];

/** The inset: Baku and the Khatai district, where the "Mother's Cry" monument stands. */
export const BAKU_INSET = {
  bounds: [
    [49.7, 40.28],
    [50.05, 40.48]
  ] as Bounds,
  /** The place the inset selects when activated. */
  placeId: 'mothers-cry'
} as const;

/**
 * Whether a view needs the Baku inset: it does not hold the inset's centre, between the city and
 * its monument, which are then out of sight. The screen's insets and the exports' ask this alike.
 */
export function needsBakuInset(view: Bounds): boolean {
  const [[w, s], [e, n]] = BAKU_INSET.bounds;
  const [lng, lat] = [(w + e) / 2, (s + n) / 2];
  return !(lng >= view[0][0] && lng <= view[1][0] && lat >= view[0][1] && lat <= view[1][1]);
}

/**
 * The story's frame, derived from the data: the corners of the point places of the layers shown
 * by default, less those the Baku inset shows (the places inside `BAKU_INSET.bounds`). Labels and
 * symbols need room beside the points; every surface gives it in pixels (`defaultPadding` in
 * camera.ts), not in degrees here. The locator's region when no such place exists.
 */
export function storyBounds(model: Pick<Model, 'places'>): Bounds {
  const points = model.places.flatMap((p) => (p.geometry.type === 'Point' && p.layers.some((l) => DEFAULT_LAYERS.includes(l)) ? [p.geometry.coordinates] : []));
  const framed = points.filter(([lng, lat]) => !containsBounds(BAKU_INSET.bounds, [[lng!, lat!], [lng!, lat!]]));
  if (framed.length === 0) return LOCATOR_BOUNDS;
  const [w, s, e, n] = geometryBounds({ type: 'MultiPoint', coordinates: framed });
  return [
    [w, s],
    [e, n]
  ];
}

/** The region a locator inset shows when the main view is zoomed in: Karabakh to the Caspian. */
export const LOCATOR_BOUNDS: Bounds = [
  [44.6, 38.4],
  [50.6, 41.9]
];

/** A map view: centre and zoom (MapLibre's 512-pixel tiles). */
export interface ViewCenter {
  zoom: number;
  lat: number;
  lng: number;
}

const TILE = 512;
const MAX_LAT = 85.051129;

/** Web Mercator x of a longitude, in units of the world's width (0 at 180°W, 1 at 180°E). */
export function mercatorX(lng: number): number {
  return (lng + 180) / 360;
}

/** Web Mercator y of a latitude, in units of the world's width (0 at the top, 1 at the bottom). */
export function mercatorY(lat: number): number {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
}

/** The latitude of a Web Mercator y (the inverse of `mercatorY`). */
export function latOfMercatorY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** The bounds a view of `width` × `height` CSS pixels shows (Web Mercator, no rotation or pitch). */
export function viewBounds(view: ViewCenter, width: number, height: number): Bounds {
  const world = TILE * 2 ** view.zoom;
  const x = mercatorX(view.lng);
  const y = mercatorY(view.lat);
  const dx = width / 2 / world;
  const dy = height / 2 / world;
  return [
    [(x - dx) * 360 - 180, latOfMercatorY(y + dy)],
    [(x + dx) * 360 - 180, latOfMercatorY(y - dy)]
  ];
}

/** True when `outer` wholly contains `inner`. */
export function containsBounds(outer: Bounds, inner: Bounds): boolean {
  return outer[0][0] <= inner[0][0] && outer[0][1] <= inner[0][1] && outer[1][0] >= inner[1][0] && outer[1][1] >= inner[1][1];
}

/** A projection of a frame onto a picture `width` pixels wide (Web Mercator); `height` follows from the frame. */
export interface FrameProjection {
  width: number;
  height: number;
  project: (lng: number, lat: number) => [number, number];
}

/** Projects `bounds` onto a picture `width` pixels wide, north up, in Web Mercator like the map. */
export function frameProjection(bounds: Bounds, width: number): FrameProjection {
  const x0 = mercatorX(bounds[0][0]);
  const y0 = mercatorY(bounds[1][1]);
  const scale = width / (mercatorX(bounds[1][0]) - x0);
  const height = (mercatorY(bounds[0][1]) - y0) * scale;
  return { width, height, project: (lng, lat) => [(mercatorX(lng) - x0) * scale, (mercatorY(lat) - y0) * scale] };
}
