import type { Geometry, Position } from 'geojson';
import { describe } from './hardening';

/** Checks a GeoJSON geometry; returns the problem, or null when it is valid. */
export function geometryProblem(value: unknown): string | null {
  if (!isObject(value)) return 'geometry is missing or not an object';
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  switch (type) {
    case 'Point':
      return positionProblem(coordinates);
    case 'LineString':
      return lineProblem(coordinates, 2);
    case 'MultiPoint':
      return listProblem(coordinates, (c) => positionProblem(c));
    case 'Polygon':
      return listProblem(coordinates, ringProblem);
    case 'MultiLineString':
      return listProblem(coordinates, (line) => lineProblem(line, 2));
    case 'MultiPolygon':
      return listProblem(coordinates, (poly) => listProblem(poly, ringProblem));
    default:
      return `geometry type ${describe(type)} is not supported (Point, LineString, Polygon or their Multi forms)`;
  }
}

function positionProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return `position ${describe(value)} is not [longitude, latitude]`;
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) return `position ${describe(value)} has a non-numeric coordinate`;
  const [lon, lat] = value as number[];
  if (lon! < -180 || lon! > 180) return `longitude ${lon} is out of range [-180, 180]`;
  if (lat! < -90 || lat! > 90) return `latitude ${lat} is out of range [-90, 90]`;
  return null;
}

function lineProblem(value: unknown, min: number): string | null {
  if (!Array.isArray(value) || value.length < min) return `a line or ring needs at least ${min} positions`;
  return listProblem(value, positionProblem);
}

/** A polygon ring (RFC 7946 §3.1.6): at least four positions, the last equal to the first. */
function ringProblem(value: unknown): string | null {
  const problem = lineProblem(value, 4);
  if (problem) return problem;
  const ring = value as unknown[][];
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  const closed = first.length === last.length && first.every((n, i) => n === last[i]);
  return closed ? null : `a polygon ring must be closed: its last position ${describe(last)} differs from its first ${describe(first)}`;
}

function listProblem(value: unknown, check: (item: unknown) => string | null): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'coordinates are missing or empty';
  for (const item of value) {
    const problem = check(item);
    if (problem) return problem;
  }
  return null;
}

/** Whether two geometries have the same type and coordinates. */
export function sameGeometry(a: Geometry, b: Geometry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every position of a geometry, flattened. */
export function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

/** The positions of a point or multi-point geometry; none for other geometries. */
export const pointsOf = (g: Geometry): Position[] => (g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : []);

/** The lines of a line or multi-line geometry; none for other geometries. */
export const linesOf = (g: Geometry): Position[][] => (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []);

/** The polygons (each its rings) of a polygon or multi-polygon geometry; none for other geometries. */
export const polygonsOf = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);

/** The bounding box of a geometry as [west, south, east, north]. */
export function geometryBounds(geometry: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of positions(geometry)) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/** Narrows unknown JSON to a plain object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
