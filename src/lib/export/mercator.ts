import type { FramePadding } from '../map/camera';

/** MapLibre's tile size: zoom 0 shows the world 512 CSS pixels wide. */
export const TILE_SIZE = 512;
const MAX_LAT = 85.051129;
const EARTH_CIRCUMFERENCE = 2 * Math.PI * 6378137;

/** A camera over a frame of `width` × `height` CSS pixels, as MapLibre's `center` and `zoom` (no pitch, no bearing). */
export interface Camera {
  center: [number, number];
  zoom: number;
  width: number;
  height: number;
}

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

const clampLat = (lat: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));

/** Web Mercator position of a coordinate in world pixels at zoom 0 (0..512), the same math as MapLibre. */
export function mercator(lngLat: readonly number[]): [number, number] {
  const lng = lngLat[0] ?? 0;
  const phi = (clampLat(lngLat[1] ?? 0) * Math.PI) / 180;
  const x = ((180 + lng) / 360) * TILE_SIZE;
  const y = ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + phi / 2))) / 360) * TILE_SIZE;
  return [x, y];
}

/** The inverse of {@link mercator}. */
export function unmercator([x, y]: [number, number]): [number, number] {
  const lng = (x / TILE_SIZE) * 360 - 180;
  const y2 = 180 - (y / TILE_SIZE) * 360;
  const lat = (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90;
  return [lng, lat];
}

/** A function from coordinates to frame pixels (origin top left), equal to `map.project` for the camera. */
export function projector(camera: Camera): (lngLat: readonly number[]) => [number, number] {
  const scale = Math.pow(2, camera.zoom);
  const [cx, cy] = mercator(camera.center);
  return (lngLat) => {
    const [x, y] = mercator(lngLat);
    return [(x - cx) * scale + camera.width / 2, (y - cy) * scale + camera.height / 2];
  };
}

/** The coordinate under a frame pixel. */
export function unproject(camera: Camera, [px, py]: [number, number]): [number, number] {
  const scale = Math.pow(2, camera.zoom);
  const [cx, cy] = mercator(camera.center);
  return unmercator([cx + (px - camera.width / 2) / scale, cy + (py - camera.height / 2) / scale]);
}

/** The geographic extent the camera shows. */
export function cameraBounds(camera: Camera): Bounds {
  const [w, n] = unproject(camera, [0, 0]);
  const [e, s] = unproject(camera, [camera.width, camera.height]);
  return [w, s, e, n];
}

const NO_PADDING: FramePadding = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * The camera that shows `bounds` whole in a frame and as large as it fits inside `padding`, the
 * bounds' Mercator midpoint in the middle of the padded box: what `map.fitBounds` does with the
 * same padding. A padding that would leave less than half the frame is shrunk to leave half.
 */
export function fitCamera(bounds: Bounds, width: number, height: number, padding: FramePadding = NO_PADDING): Camera {
  const [w, s, e, n] = bounds;
  const [x0, y0] = mercator([w, n]);
  const [x1, y1] = mercator([e, s]);
  const shrink = (a: number, b: number, side: number) => Math.min(1, side / 2 / Math.max(a + b, 1e-9));
  const kx = shrink(padding.left, padding.right, width);
  const ky = shrink(padding.top, padding.bottom, height);
  const [left, right, top, bottom] = [padding.left * kx, padding.right * kx, padding.top * ky, padding.bottom * ky];
  const scale = Math.min((width - left - right) / Math.max(x1 - x0, 1e-9), (height - top - bottom) / Math.max(y1 - y0, 1e-9));
  const center = unmercator([(x0 + x1) / 2 - (left - right) / 2 / scale, (y0 + y1) / 2 - (top - bottom) / 2 / scale]);
  return { center, zoom: Math.log2(scale), width, height };
}

/** Ground metres per CSS pixel at a latitude and zoom. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (TILE_SIZE * Math.pow(2, zoom));
}
