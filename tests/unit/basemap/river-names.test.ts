import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { joinLines, NAME_LINE_BANDS, nameStretches, smoothLine, type NamedRiver } from '../../../scripts/basemap/river-names';
import type { Ring } from '../../../scripts/basemap/geo';
import { readBasemap } from './helpers.ts';

/** A straight river running east along 40°N from 47°E to 48°E (about 85 km). */
const KURA: NamedRiver = { name: 'Kura', lines: [[[47, 40], [48, 40]]] };

/** Points along a line from a to b, `n` steps. */
const along = (a: [number, number], b: [number, number], n: number): Ring =>
  Array.from({ length: n + 1 }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n] as [number, number]);

describe('naming river lines after the Natural Earth river they follow', () => {
  it('names a line running within a kilometre of the river', () => {
    const stretches = nameStretches(along([47.1, 40.005], [47.9, 40.005], 40), [KURA]);
    expect(stretches.map((s) => s.name)).toEqual(['Kura']);
  });

  it('leaves a tributary that only meets the river unnamed', () => {
    const tributary = along([47.5, 40.3], [47.5, 40.0], 30);
    expect(nameStretches(tributary, [KURA]).map((s) => s.name)).toEqual([null]);
  });

  it('names the stretch along the river and not the part that leaves it', () => {
    const line = [...along([47.1, 40.0], [47.6, 40.0], 25), ...along([47.6, 40.0], [47.6, 40.5], 25).slice(1)];
    const stretches = nameStretches(line, [KURA]);
    expect(stretches.map((s) => s.name)).toEqual(['Kura', null]);
    expect(stretches[0]!.points.at(-1)![1]).toBeLessThan(40.05);
  });

  it('keeps the name across a short meander away from the river', () => {
    const line = [...along([47.1, 40.0], [47.5, 40.0], 20), [47.51, 40.035] as [number, number], ...along([47.52, 40.0], [47.9, 40.0], 20)];
    expect(nameStretches(line, [KURA]).map((s) => s.name)).toEqual(['Kura']);
  });
});

describe('the lines names are set along', () => {
  it('joins two stretches of one river whose ends are close, in order', () => {
    const joined = joinLines([[[47.5, 40], [48, 40]], [[47.49, 40], [47, 40]]], 3);
    expect(joined).toHaveLength(1);
    const x = joined[0]!.map((p) => p[0]);
    expect([x, [...x].reverse()]).toContainEqual([47, 47.49, 47.5, 48]);
  });

  it('keeps stretches far apart separate', () => {
    expect(joinLines([[[47, 40], [47.5, 40]], [[48, 40], [48.5, 40]]], 3)).toHaveLength(2);
  });

  it('smooths a corner and keeps both ends where they are', () => {
    const smooth = smoothLine([[47, 40], [47.5, 40.5], [48, 40]], 2);
    expect(smooth[0]).toEqual([47, 40]);
    expect(smooth.at(-1)).toEqual([48, 40]);
    expect(Math.max(...smooth.map((p) => p[1]))).toBeLessThan(40.5);
  });
});

/** Distance in degrees (longitude scaled by the cosine of the latitude) from a point to a polyline. */
function distance(p: Position, line: Position[]): number {
  const k = Math.cos((p[1]! * Math.PI) / 180);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1]!, line[i]!];
    const [ax, ay, bx, by] = [(a[0]! - p[0]!) * k, a[1]! - p[1]!, (b[0]! - p[0]!) * k, b[1]! - p[1]!];
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

const linesOf = (g: Geometry): Position[][] => (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []);

describe('the shipped river names (labels.geojson)', () => {
  const names = readBasemap('labels.geojson').features.filter((f) => f.properties.kind === 'river');
  const rivers = readBasemap('rivers.geojson').features.flatMap((f) => linesOf(f.geometry));
  const boxes = rivers.map((l) => [Math.min(...l.map((p) => p[0]!)), Math.min(...l.map((p) => p[1]!)), Math.max(...l.map((p) => p[0]!)), Math.max(...l.map((p) => p[1]!))]);
  /** Distance from a point to the nearest river line (lines whose box is over 0.1° away are skipped). */
  const offRiver = (p: Position) =>
    Math.min(...rivers.filter((_, i) => p[0]! > boxes[i]![0]! - 0.1 && p[0]! < boxes[i]![2]! + 0.1 && p[1]! > boxes[i]![1]! - 0.1 && p[1]! < boxes[i]![3]! + 0.1).map((l) => distance(p, l)));

  it('name the Kura and the Aras in every zoom band from zoom 6', () => {
    for (const river of ['Kura', 'Aras']) {
      const bands = names.filter((f) => f.properties.name === river).map((f) => [f.properties.minzoom, f.properties.maxzoom]);
      expect(bands, river).toEqual(NAME_LINE_BANDS.map((b) => [b.minzoom, b.maxzoom]));
    }
  });

  it('run along the drawn rivers: nearly every vertex within its band’s tolerance of a river line, and all within 3 km or that tolerance', () => {
    for (const f of names) {
      const tolerance = NAME_LINE_BANDS.find((b) => b.minzoom === f.properties.minzoom)!.tolerance;
      const off = linesOf(f.geometry).flat().map(offRiver);
      const label = `${String(f.properties.name)} z${String(f.properties.minzoom)}`;
      expect(off.filter((d) => d > tolerance * 1.05 + 0.0002).length / off.length, label).toBeLessThan(0.05);
      expect(Math.max(...off), label).toBeLessThan(Math.max(tolerance * 1.05, 0.027));
    }
  });
});
