import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Position } from 'geojson';
import { contains, fontCodePoints, readBasemap, readRepoFile, rings } from './helpers.ts';

const CAUCASUS = { west: 36, south: 34, east: 56, north: 47 };
const STORY_IDS = [147774, 148619, 146970, 587379, 148450, 146969];

const land = readBasemap('land.geojson');
const lakes = readBasemap('lakes.geojson');
const towns = readBasemap('towns.geojson');
const labels = readBasemap('labels.geojson');

const town = (id: number) => towns.features.find((f) => f.properties.geonameId === id);
const lakeAt = (pt: Position) => lakes.features.find((f) => contains(f.geometry, pt));

describe('land', () => {
  const world = land.features.filter((f) => f.properties.res === '110m');
  const detail = land.features.filter((f) => f.properties.res === '10m');

  it('has a world layer and a Caucasus detail layer, each feature named', () => {
    expect(world.length).toBeGreaterThan(150);
    expect(detail.map((f) => f.properties.name)).toEqual(expect.arrayContaining(['Azerbaijan', 'Armenia', 'Georgia', 'Iran', 'Russia', 'Turkey']));
    for (const f of land.features) expect(typeof f.properties.name).toBe('string');
  });

  it('has no ring spanning more than 180° of longitude (antimeridian fixed)', () => {
    for (const f of land.features) {
      for (const ring of rings(f.geometry)) {
        const xs = ring.map((p) => p[0]!);
        expect(Math.max(...xs) - Math.min(...xs), String(f.properties.name)).toBeLessThanOrEqual(180);
      }
    }
  });

  it('keeps the world layer out of the Caucasus box, where the detail layer is', () => {
    for (const f of world) {
      for (const ring of rings(f.geometry)) {
        for (const [x = 0, y = 0] of ring) {
          const inside = x > CAUCASUS.west && x < CAUCASUS.east && y > CAUCASUS.south && y < CAUCASUS.north;
          expect(inside, `${f.properties.name} at ${x},${y}`).toBe(false);
        }
      }
    }
  });

  it('has no Antarctica', () => {
    expect(land.features.some((f) => f.properties.name === 'Antarctica')).toBe(false);
    expect(labels.features.some((f) => f.properties.name === 'Antarctica')).toBe(false);
    for (const f of land.features) for (const ring of rings(f.geometry)) for (const p of ring) expect(p[1]).toBeGreaterThan(-60);
  });

  it('draws Khojaly and Baku on land and the centre of the Caspian as water', () => {
    const onLand = (pt: Position) => land.features.some((f) => contains(f.geometry, pt));
    expect(onLand([46.79028, 39.91297])).toBe(true);
    expect(onLand([49.89201, 40.37767])).toBe(true);
    expect(onLand([51, 42])).toBe(false);
    expect(lakeAt([51, 42])?.properties.name).toBe('Caspian Sea');
  });
});

describe('Caspian coast around Baku (GSHHG, not Natural Earth)', () => {
  // The lakes layer (GSHHG, the Caspian included) is drawn above land: a point is water when a
  // lake holds it, land when a land polygon holds it and no lake does, and would show the
  // background (also water-coloured) when neither does.
  const onLand = (pt: Position) => land.features.some((f) => contains(f.geometry, pt));
  const rendersAs = (pt: Position) => (lakeAt(pt) ? 'water' : onLand(pt) ? 'land' : 'background');
  const fill = land.features.find((f) => f.properties.res === 'gshhg');

  it('draws Baku Bay as Caspian water', () => {
    // GSHHG's shore crosses 49.87°E at about 40.3575°N (Natural Earth's lies further south).
    expect(lakeAt([49.87, 40.35])?.properties.name).toBe('Caspian Sea');
    expect(lakeAt([49.9, 40.34])?.properties.name).toBe('Caspian Sea');
    expect(rendersAs([49.87, 40.35])).toBe('water');
  });

  it('draws Baku city, the Mother’s Cry monument and Sumgait as land', () => {
    for (const pt of [[49.9, 40.42], [49.873932, 40.382991], [49.89201, 40.37767], [49.66, 40.59]]) {
      expect(rendersAs(pt), String(pt)).toBe('land');
    }
  });

  it('has a GSHHG land fill with the Caspian as a hole and its islands as land', () => {
    expect(fill?.properties.name).toBeTypeOf('string');
    expect(contains(fill!.geometry, [49.9, 40.42])).toBe(true);
    expect(contains(fill!.geometry, [49.87, 40.35])).toBe(false);
    expect(contains(fill!.geometry, [51, 42])).toBe(false);
    // Pirallahi island, off the Absheron peninsula's east coast (a hole in the Caspian polygon).
    expect(rendersAs([50.363, 40.436])).toBe('land');
  });

  it('leaves no background gap along the Absheron coast: every point is lake or land', () => {
    for (let x = 49.3; x <= 50.6; x += 0.02) {
      for (let y = 40.0; y <= 40.8; y += 0.02) expect(rendersAs([x, y]), `${x.toFixed(2)},${y.toFixed(2)}`).not.toBe('background');
    }
  }, 60_000);

  it('keeps the shore within 60 km of Baku at ≈ 10 m detail', () => {
    const caspian = lakes.features.find((f) => f.properties.name === 'Caspian Sea')!;
    const near = rings(caspian.geometry).flat().filter(([x = 0, y = 0]) => Math.abs(x - 49.87) < 0.6 && Math.abs(y - 40.38) < 0.45);
    expect(near.length).toBeGreaterThan(350);
  });
});

describe('borders', () => {
  it('are lines, not polygon outlines', () => {
    const borders = readBasemap('borders.geojson');
    expect(borders.features.length).toBeGreaterThan(0);
    for (const f of borders.features) expect(f.geometry.type).toMatch(/LineString$/);
  });
});

describe('water', () => {
  it('has Lake Sevan and the Mingachevir reservoir, found by a point inside each', () => {
    expect(lakeAt([45.3, 40.35])?.properties.name).toBe('Lake Sevan');
    expect(lakeAt([46.8, 40.9])?.properties.name).toBe('Mingachevir Reservoir');
    expect(lakeAt([42.9, 38.6])?.properties.name).toBe('Lake Van');
    expect(lakeAt([45.3, 37.95])?.properties.name).toBe('Lake Urmia');
  });

  it('has no lake at Khojaly', () => {
    expect(lakeAt([46.79028, 39.91297])).toBeUndefined();
  });

  it('has rivers in the Kura–Aras lowland, as lines inside the Caucasus box', () => {
    const rivers = readBasemap('rivers.geojson');
    const points = rivers.features.flatMap((f) =>
      f.geometry.type === 'MultiLineString' ? f.geometry.coordinates.flat() : f.geometry.type === 'LineString' ? f.geometry.coordinates : [],
    );
    expect(points.length).toBeGreaterThan(1000);
    for (const [x = 0, y = 0] of points) {
      expect(x).toBeGreaterThanOrEqual(CAUCASUS.west);
      expect(x).toBeLessThanOrEqual(CAUCASUS.east);
      expect(y).toBeGreaterThanOrEqual(CAUCASUS.south);
      expect(y).toBeLessThanOrEqual(CAUCASUS.north);
    }
    // The Kura between Mingachevir and the Aras confluence crosses 47.5°E near 40.2°N.
    expect(points.some(([x = 0, y = 0]) => Math.abs(x - 47.5) < 0.05 && y > 39.8 && y < 40.6)).toBe(true);
  });
});

describe('towns', () => {
  it('has Baku as a capital, labelled Baku (Bakı)', () => {
    const baku = town(587084);
    expect(baku?.properties).toMatchObject({ name: 'Baku', nameAz: 'Bakı', rank: 1, capital: true });
  });

  it('leaves out the story places that the app draws itself', () => {
    for (const id of STORY_IDS) expect(town(id), String(id)).toBeUndefined();
  });

  it('names towns in Azerbaijani and English, keeping Soviet and Armenian names as alternates', () => {
    expect(town(147105)?.properties).toMatchObject({ name: 'Shusha', nameAz: 'Şuşa', altNames: ['Shushi'] });
    expect(town(585514)?.properties).toMatchObject({ name: 'Mingachevir', nameAz: 'Mingəçevir' });
    expect(town(586523)?.properties).toMatchObject({ name: 'Ganja', nameAz: 'Gəncə' });
    for (const f of towns.features.filter((t) => t.properties.country === 'AZ')) expect(f.properties.nameAz, String(f.properties.name)).toBeTruthy();
  });

  it('keeps every town within 40 km of Khojaly, whatever its size', () => {
    expect(town(147695)?.properties.population).toBeLessThan(10_000);
  });

  it('gives each town a rank from its population and capital status', () => {
    for (const f of towns.features) {
      const { population, rank, capital } = f.properties as { population: number; rank: number; capital: boolean };
      const expected = capital || population > 1_000_000 ? 1 : population > 100_000 ? 2 : population > 20_000 ? 3 : 4;
      expect(rank, String(f.properties.name)).toBe(expected);
      const [x = 0, y = 0] = f.geometry.type === 'Point' ? f.geometry.coordinates : [];
      expect(x >= CAUCASUS.west && x <= CAUCASUS.east && y >= CAUCASUS.south && y <= CAUCASUS.north).toBe(true);
    }
  });
});

describe('size and fonts', () => {
  it('keeps all basemap GeoJSON under 1.5 MB raw', () => {
    const dir = fileURLToPath(new URL('../../../geodata/basemap/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.geojson'));
    const bytes = files.map((f) => readRepoFile(`geodata/basemap/${f}`));
    const raw = bytes.reduce((s, b) => s + b.length, 0);
    expect(raw).toBeLessThan(1_500_000);
    expect(bytes.reduce((s, b) => s + gzipSync(b).length, 0)).toBeLessThan(500_000);
  });

  it('rounds coordinates to at most 5 decimals', () => {
    const text = readRepoFile('geodata/basemap/lakes.geojson').toString('utf8');
    expect(text).not.toMatch(/\d\.\d{6,}/);
  });

  it.each(['Regular', 'Bold'])('ships a Noto Sans %s that covers every label and Azerbaijani letter', (style) => {
    const cps = fontCodePoints(readRepoFile(`src/lib/map/basemap/fonts/NotoSans-${style}.ttf`));
    for (const ch of 'ƏəĞğIıİiŞşÇçÖöÜüXxQq–—’«»Ё') expect(cps.has(ch.codePointAt(0)!), ch).toBe(true);
    const text = [...towns.features, ...labels.features].flatMap((f) => [f.properties.name, f.properties.nameAz]).join('');
    for (const ch of new Set(text.replace(/\s/g, ''))) expect(cps.has(ch.codePointAt(0)!), `${ch} U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
  });

  it('ships the OFL licence with the fonts', () => {
    for (const path of ['src/lib/map/basemap/fonts/OFL.txt', 'public/fonts/OFL.txt']) {
      expect(readRepoFile(path).toString('utf8')).toMatch(/SIL OPEN FONT LICENSE Version 1\.1/i);
    }
  });
});
