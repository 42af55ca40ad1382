import type { LngLatBoundsLike } from 'maplibre-gl';
import { geometryBounds } from '../data/geojson';
import type { Place } from '../data/types';

/** Room in CSS pixels around the default frame's points for what is drawn beside them. */
export interface FramePadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The default frame's padding for a map `width` CSS pixels wide, around `storyBounds` (frames.ts)
 * on screen, in the embed and in exports: room for what is drawn beside the points, in pixels
 * because labels and icons keep their size at every zoom, plus air that grows with the map (6 px on a phone, 24 px from 1200 px). Left: the widest label MapLibre puts
 * left of a western point ("Khankendi"). Top: Aghdara's flag and the scale bar. Right:
 * Khojavand's flag (its label goes left). Bottom: the lower half of Khojavand's label, with
 * twice the air, for the attribution that wide maps spread over a line or two (narrow ones fold
 * it behind its ⓘ button).
 */
export function defaultPadding(width: number): FramePadding {
  const air = Math.round(Math.min(24, Math.max(6, width / 50)));
  return { top: 44 + air, right: 16 + air, bottom: 34 + 2 * air, left: 100 + air };
}

/** Half-width of the escape route's uncertainty band, in kilometres. */
export const CORRIDOR_KM = 3;

/** Zoom the camera moves to for each kind of point place. */
export const FOCUS_ZOOM = { town: 11, monument: 13 } as const;

/** The width of the insets (the Baku inset and the locator) on a map `width` CSS pixels wide. */
export const insetWidth = (width: number): number => Math.round(Math.min(150, Math.max(90, width * 0.24)));

/** The room a label takes left of its point: the widest, "Khankendi", beside its icon. */
const LABEL_ROOM = 110;

/**
 * The map's left edge the insets take in a view zoomed into the story, in CSS pixels (they stand
 * 10 px in, {@link insetWidth} wide, plus air), where that leaves too little room for a label left
 * of the map's centre; 0 on a map wide enough.
 */
export function reservedLeft(width: number): number {
  const reserved = 10 + insetWidth(width) + 6;
  return width / 2 - reserved < LABEL_ROOM ? reserved : 0;
}

/**
 * The camera's centre that puts `point` in the middle of the map right of `reserved` CSS pixels
 * at `zoom`: the point moved half of them to the right of the map's centre (512-pixel tiles).
 */
export function centreBeside(point: [number, number], zoom: number, reserved: number): [number, number] {
  const degreesPerPixel = 360 / (512 * 2 ** zoom);
  return [point[0] - (reserved / 2) * degreesPerPixel, point[1]];
}

/**
 * The padding that frames bounds in the room right of `reserved` CSS pixels: with the insets at
 * the left, room for the label of the westernmost place besides (MapLibre sets a label left of its
 * point first, and does not keep it off the map's edge or the insets).
 */
export function framePadding(reserved: number): FramePadding {
  return { top: 60, right: 60, bottom: 60, left: reserved > 0 ? reserved + LABEL_ROOM : 60 };
}

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
