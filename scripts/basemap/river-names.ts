import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BBox, Feature, FeatureCollection, Geometry } from 'geojson';
import { clipLine, linesOf, roundAll, simplifyLine, type Pt, type Ring } from './geo.ts';

/** A river's name and its centre lines, as Natural Earth draws it (1:10m). */
export interface NamedRiver {
  name: string;
  lines: Ring[];
}

/**
 * Where the basemap names its rivers: [west, south, east, north]. West of 44°E, Natural Earth's
 * 1:10m Kura ends where its Aras begins (43.47°E 40.80°N), which is not how the rivers run, so
 * the names start at 44°E.
 */
export const RIVER_NAME_BOX: BBox = [44, 38, 51, 43];

/** A WDBII vertex takes a river's name when it lies within this distance of its Natural Earth line. */
export const NAME_WITHIN_KM = 3;

/** A named stretch shorter than this keeps no name (a tributary meeting the river, a canal beside it). */
export const MIN_NAMED_KM = 15;

/** An unnamed gap shorter than this, between two stretches of one name, takes that name (a meander). */
const MAX_GAP_KM = 12;

const KM_PER_DEGREE = 111.2;

/** Planar distance in km from a point to a segment (equirectangular at the point's latitude). */
function segmentKm(p: Pt, a: Pt, b: Pt): number {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const [ax, ay, bx, by] = [(a[0] - p[0]) * k, a[1] - p[1], (b[0] - p[0]) * k, b[1] - p[1]];
  const [dx, dy] = [bx - ax, by - ay];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy) * KM_PER_DEGREE;
}

const stepKm = (a: Pt, b: Pt) => segmentKm(a, b, b);

/** The name of the river whose line passes within `withinKm` of a point (the nearest), or null. */
function nameAt(p: Pt, rivers: readonly NamedRiver[], withinKm: number): string | null {
  let best: { name: string; km: number } | null = null;
  for (const river of rivers) {
    for (const line of river.lines) {
      for (let i = 1; i < line.length; i++) {
        const km = segmentKm(p, line[i - 1]!, line[i]!);
        if (km <= withinKm && (!best || km < best.km)) best = { name: river.name, km };
      }
    }
  }
  return best?.name ?? null;
}

/** Runs of consecutive vertices with one name; neighbouring runs share their boundary vertex. */
function runsOf(line: Ring, names: (string | null)[]): { name: string | null; points: Ring; km: number }[] {
  const runs: { name: string | null; points: Ring; km: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const last = runs.at(-1);
    if (last && last.name === names[i]) {
      last.km += stepKm(line[i - 1]!, line[i]!);
      last.points.push(line[i]!);
    } else {
      if (last) {
        last.points.push(line[i]!);
        last.km += stepKm(line[i - 1]!, line[i]!);
      }
      runs.push({ name: names[i] ?? null, points: i > 0 ? [line[i - 1]!, line[i]!] : [line[i]!], km: i > 0 ? stepKm(line[i - 1]!, line[i]!) : 0 });
    }
  }
  return runs;
}

/**
 * Splits one river line into stretches named after the Natural Earth river it follows. A vertex
 * within {@link NAME_WITHIN_KM} of a named line takes its name; short gaps inside a named
 * stretch take the name too, and named stretches shorter than {@link MIN_NAMED_KM} lose it.
 */
export function nameStretches(line: Ring, rivers: readonly NamedRiver[]): { name: string | null; points: Ring }[] {
  const names = line.map((p) => nameAt(p, rivers, NAME_WITHIN_KM));
  const runs = runsOf(line, names);
  runs.forEach((run, i) => {
    const [before, after] = [runs[i - 1], runs[i + 1]];
    if (run.name === null && before?.name && before.name === after?.name && run.km < MAX_GAP_KM) run.name = before.name;
  });
  const named = merged(runs);
  for (const run of named) if (run.name !== null && run.km < MIN_NAMED_KM) run.name = null;
  return merged(named)
    .filter((r) => r.points.length >= 2)
    .map(({ name, points }) => ({ name, points }));
}

/** Neighbouring runs of one name joined (their shared vertex once). */
function merged(runs: readonly { name: string | null; points: Ring; km: number }[]): { name: string | null; points: Ring; km: number }[] {
  const out: { name: string | null; points: Ring; km: number }[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last && last.name === run.name) {
      last.points.push(...run.points.slice(1));
      last.km += run.km;
    } else out.push({ name: run.name, points: [...run.points], km: run.km });
  }
  return out;
}

type Props = Record<string, string | number | boolean | null | string[]>;

/**
 * The river features with the stretches that follow a named river split off into features of
 * their own, with `name`: one feature per level and name (unnamed stretches keep the level's
 * feature, without `name`).
 */
export function nameRivers(features: Feature<Geometry, Props>[], rivers: readonly NamedRiver[]): Feature<Geometry, Props>[] {
  return features.flatMap((f) => {
    const byName = new Map<string | null, Ring[]>();
    for (const line of linesOf(f.geometry)) {
      for (const stretch of nameStretches(line, rivers)) byName.set(stretch.name, [...(byName.get(stretch.name) ?? []), stretch.points]);
    }
    return [...byName].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')).map(([name, lines]): Feature<Geometry, Props> => ({
      type: 'Feature',
      properties: name === null ? f.properties : { ...f.properties, name },
      geometry: lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines },
    }));
  });
}

/**
 * The zoom bands of the lines river names are set along, each with its Douglas–Peucker tolerance
 * in degrees: a name follows the river's course, not every meander (which would leave MapLibre
 * no stretch straight enough for it). At the top of its band a name's line strays at most about
 * 15 px from the river (7 px one zoom lower), about as far as a meander's own width.
 */
export const NAME_LINE_BANDS: readonly { minzoom: number; maxzoom: number; tolerance: number }[] = [
  { minzoom: 6, maxzoom: 8, tolerance: 0.04 },
  { minzoom: 8, maxzoom: 10, tolerance: 0.01 },
  { minzoom: 10, maxzoom: 12, tolerance: 0.0025 },
  { minzoom: 12, maxzoom: 24, tolerance: 0 },
];

/**
 * Chaikin's corner cutting, `rounds` times: each corner becomes two points a quarter of the way
 * along its segments, so a simplified line turns gradually and a name set along it is not broken
 * off at a vertex (MapLibre's `text-max-angle`). The ends stay where they are.
 */
export function smoothLine(line: Ring, rounds = 2): Ring {
  let out = line;
  for (let r = 0; r < rounds && out.length > 2; r++) {
    const next: Ring = [out[0]!];
    for (let i = 1; i < out.length; i++) {
      const [a, b] = [out[i - 1]!, out[i]!];
      if (i > 1) next.push([a[0] * 0.75 + b[0] * 0.25, a[1] * 0.75 + b[1] * 0.25]);
      if (i < out.length - 1) next.push([a[0] * 0.25 + b[0] * 0.75, a[1] * 0.25 + b[1] * 0.75]);
    }
    next.push(out.at(-1)!);
    out = next;
  }
  return roundAll(out, 4);
}

/**
 * The lines the basemap sets river names along (`kind` `river` in labels.geojson): each named
 * stretch of the rivers, simplified for each of {@link NAME_LINE_BANDS} and smoothed (the top band
 * keeps the river's own line, detailed enough to turn gradually), with the band's zooms
 * and the river's WDBII `level`.
 */
export function riverNameLines(features: Feature<Geometry, Props>[], rivers: readonly NamedRiver[]): Feature<Geometry, Props>[] {
  const byName = new Map<string, { level: number; lines: Ring[] }>();
  for (const f of nameRivers(features, rivers)) {
    if (typeof f.properties.name !== 'string') continue;
    const entry = byName.get(f.properties.name) ?? { level: Number(f.properties.level), lines: [] };
    entry.level = Math.min(entry.level, Number(f.properties.level));
    entry.lines.push(...linesOf(f.geometry));
    byName.set(f.properties.name, entry);
  }
  return [...byName].flatMap(([name, { level, lines: pieces }]) => {
    const joined = joinLines(pieces, JOIN_WITHIN_KM);
    return NAME_LINE_BANDS.map(({ minzoom, maxzoom, tolerance }): Feature<Geometry, Props> => {
      const lines = joined.map((l) => (tolerance > 0 ? smoothLine(simplifyLine(l, tolerance)) : l));
      return {
        type: 'Feature',
        properties: { kind: 'river', name, level, minzoom, maxzoom },
        geometry: lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines },
      };
    });
  });
}

/** Named stretches whose ends lie this close are one line to set the name along (a confluence, a dam). */
const JOIN_WITHIN_KM = 6;

/**
 * Joins lines end to start (turning them where needed) while some end lies within `withinKm` of
 * another line's end, so a name is repeated along a river as along one line.
 */
export function joinLines(pieces: readonly Ring[], withinKm: number): Ring[] {
  const lines = pieces.map((l) => [...l]);
  for (let joined = true; joined; ) {
    joined = false;
    outer: for (let i = 0; i < lines.length; i++) {
      for (let j = 0; j < lines.length; j++) {
        if (i === j) continue;
        const [a, b] = [lines[i]!, lines[j]!];
        const options: [Ring, Ring][] = [[a, b], [a, [...b].reverse()], [[...a].reverse(), b], [[...a].reverse(), [...b].reverse()]];
        const fit = options.find(([x, y]) => stepKm(x.at(-1)!, y[0]!) <= withinKm);
        if (!fit) continue;
        lines[i] = [...fit[0], ...fit[1]];
        lines.splice(j, 1);
        joined = true;
        break outer;
      }
    }
  }
  return lines;
}

/** The committed subset of Natural Earth's 1:10m rivers that names the basemap's rivers. */
export const NE_RIVERS_FILE = new URL('./ne-rivers.geojson', import.meta.url);

/** Reads the committed Natural Earth subset. */
export function readNamedRivers(): NamedRiver[] {
  const data = JSON.parse(readFileSync(NE_RIVERS_FILE, 'utf8')) as FeatureCollection<Geometry, { name: string }>;
  return data.features.map((f) => ({ name: f.properties.name, lines: linesOf(f.geometry) }));
}

/**
 * Natural Earth's river centre lines (`ne_10m_rivers_lake_centerlines`, public domain) cut to
 * {@link RIVER_NAME_BOX}, one feature per name, with the `name` property only.
 */
export function subsetOf(ne: FeatureCollection<Geometry | null, Record<string, unknown>>): FeatureCollection<Geometry, { name: string }> {
  const byName = new Map<string, Ring[]>();
  for (const f of ne.features) {
    const name = f.properties.name_en ?? f.properties.name;
    if (!f.geometry || typeof name !== 'string' || name.includes('?') || f.properties.featurecla !== 'River') continue;
    const cut = linesOf(f.geometry).flatMap((l) => clipLine(l, RIVER_NAME_BOX)).map((l) => roundAll(l, 4)).filter((l) => l.length >= 2);
    if (cut.length > 0) byName.set(name, [...(byName.get(name) ?? []), ...cut]);
  }
  return {
    type: 'FeatureCollection',
    features: [...byName].sort(([a], [b]) => a.localeCompare(b)).map(([name, lines]) => ({ type: 'Feature', properties: { name }, geometry: { type: 'MultiLineString', coordinates: lines } })),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [input] = process.argv.slice(2);
  if (!input) {
    console.error('Usage: npx tsx scripts/basemap/river-names.ts <ne_10m_rivers_lake_centerlines.geojson>');
    process.exit(1);
  }
  const subset = subsetOf(JSON.parse(readFileSync(input, 'utf8')) as FeatureCollection<Geometry | null, Record<string, unknown>>);
  writeFileSync(NE_RIVERS_FILE, `{"type":"FeatureCollection","features":[\n${subset.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
  console.log(`ne-rivers.geojson: ${subset.features.map((f) => f.properties.name).join(', ')}`);
}
