import { describe, expect, it } from 'vitest';
import { chooseCountryNames, countryGrid, coveredCells, joinRows, placeCountryNames, type Box, type CountryGrid, type NamePlacement } from '../../../src/lib/map/basemap/country-names';

const CELL = 4;

/** A grid of `cols` × `rows` cells whose country at each cell is `at(col, row)`. */
function grid(cols: number, rows: number, at: (col: number, row: number) => number): CountryGrid {
  const ids = new Int32Array(cols * rows);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) ids[r * cols + c] = at(c, r);
  return { cols, rows, cell: CELL, ids };
}

/** The placement options of a `width` × `height` map with a 10 px margin, naming countries from 8% of it. */
const options = (width: number, height: number, more: Partial<NamePlacement> = {}): NamePlacement => ({ width, height, margin: 10, minShare: 0.08, blocked: [], avoid: [], ...more });

/** Whether every cell a box covers (by its centre) is the country `id`. */
function onCountry(g: CountryGrid, box: Box, id: number): boolean {
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      const [x, y] = [(c + 0.5) * g.cell, (r + 0.5) * g.cell];
      if (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && g.ids[r * g.cols + c] !== id) return false;
    }
  }
  return true;
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

/** Two countries side by side on a 400 × 200 px map: 0 west of x = 240, 1 east of it. */
const twoCountries = grid(100, 50, (c) => (c < 60 ? 0 : 1));
const sizes = [
  { id: 0, w: 100, h: 18 },
  { id: 1, w: 60, h: 18 }
];

describe('placeCountryNames', () => {
  it('puts each name’s whole box inside the map, less its margin', () => {
    const corners = grid(100, 50, (c, r) => (c < 15 ? 0 : r < 10 ? 1 : r >= 40 ? 2 : 3));
    const placed = placeCountryNames(corners, [{ id: 0, w: 48, h: 18 }, { id: 1, w: 60, h: 24 }, { id: 2, w: 60, h: 24 }], options(400, 200, { minShare: 0.05 }));
    expect(placed.map((p) => p.id).sort()).toEqual([0, 1, 2]);
    for (const { box } of placed) {
      expect(box[0]).toBeGreaterThanOrEqual(10);
      expect(box[1]).toBeGreaterThanOrEqual(10);
      expect(box[2]).toBeLessThanOrEqual(390);
      expect(box[3]).toBeLessThanOrEqual(190);
    }
  });

  it('puts each name’s whole box on its own country, even where the country’s middle is another’s', () => {
    const ring = grid(100, 50, (c, r) => (c < 30 || c >= 70 || r < 12 || r >= 38 ? 1 : 0));
    const placed = placeCountryNames(ring, sizes, options(400, 200));
    expect(placed).toHaveLength(2);
    for (const { id, box } of placed) expect(onCountry(ring, box, id), `country ${id}`).toBe(true);
  });

  it('names each country once', () => {
    const placed = placeCountryNames(twoCountries, sizes, options(400, 200));
    expect(placed.map((p) => p.id).sort()).toEqual([0, 1]);
  });

  it('leaves out a country covering less than the least share of the map', () => {
    const corner = grid(100, 50, (c, r) => (c >= 70 && r >= 40 ? 1 : 0));
    const placed = placeCountryNames(corner, [{ id: 0, w: 40, h: 10 }, { id: 1, w: 20, h: 10 }], options(400, 200));
    expect(placed.map((p) => p.id)).toEqual([0]);
  });

  it('leaves out a country whose name fits nowhere on it, however much of the map it covers', () => {
    const stripes = grid(100, 50, (c) => (c % 10 < 5 ? 0 : 1));
    expect(placeCountryNames(stripes, [{ id: 1, w: 40, h: 18 }], options(400, 200))).toEqual([]);
  });

  it('keeps names off the blocked boxes (the map’s controls)', () => {
    const blocked: Box[] = [[0, 0, 400, 120]];
    const placed = placeCountryNames(twoCountries, sizes, options(400, 200, { blocked }));
    expect(placed).toHaveLength(2);
    for (const { box } of placed) expect(overlaps(box, blocked[0]!)).toBe(false);
  });

  it('keeps a name away from the story where the country has room', () => {
    const avoid: Box[] = [[100, 60, 140, 140]];
    const [placed] = placeCountryNames(grid(100, 50, () => 0), [{ id: 0, w: 100, h: 18 }], options(400, 200, { avoid }));
    const gap = Math.max(avoid[0]![0] - placed!.box[2], placed!.box[0] - avoid[0]![2], avoid[0]![1] - placed!.box[3], placed!.box[1] - avoid[0]![3]);
    expect(gap).toBeGreaterThanOrEqual(48);
  });
});

describe('countryGrid', () => {
  it('gives each cell the country holding its centre, and none in a hole', () => {
    const square = [[0, 0], [40, 0], [40, 40], [0, 40], [0, 0]] as const;
    const hole = [[10, 10], [30, 10], [30, 30], [10, 30], [10, 10]] as const;
    const g = countryGrid([{ id: 3, rings: [square, hole] }], 60, 40, 10);
    const at = (c: number, r: number) => g.ids[r * g.cols + c];
    expect([at(0, 0), at(1, 1), at(2, 2), at(3, 3), at(4, 0), at(5, 3)]).toEqual([3, -1, -1, 3, -1, -1]);
  });
});

describe('coveredCells', () => {
  it('gives the cells whose centres lie in a polygon, as boxes', () => {
    const band = [[10, 0], [30, 0], [30, 40], [10, 40], [10, 0]] as const;
    expect(coveredCells([[band]], 40, 40, 10)).toEqual([
      [10, 0, 20, 10], [20, 0, 30, 10],
      [10, 10, 20, 20], [20, 10, 30, 20],
      [10, 20, 20, 30], [20, 20, 30, 30],
      [10, 30, 20, 40], [20, 30, 30, 40]
    ]);
  });
});

describe('chooseCountryNames', () => {
  it('names a country from several tile pieces once, at the centre of its box', () => {
    const piece = (x0: number, x1: number) => [[[x0, 0], [x1, 0], [x1, 100], [x0, 100], [x0, 0]]];
    const shapes = [{ name: 'Azerbaijan', polygons: [piece(0, 110)] }, { name: 'Azerbaijan', polygons: [piece(100, 300)] }];
    const names = chooseCountryNames(shapes, ([x, y]) => [x, y], options(300, 100));
    expect(names).toHaveLength(1);
    const [{ at, box }] = names as [(typeof names)[0]];
    expect(at).toEqual([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]);
  });
});

describe('joinRows', () => {
  it('joins the touching boxes of one row and keeps other rows and gaps apart', () => {
    const boxes: Box[] = [[20, 0, 30, 10], [10, 0, 20, 10], [40, 0, 50, 10], [10, 10, 20, 20]];
    expect(joinRows(boxes)).toEqual([[10, 0, 30, 10], [40, 0, 50, 10], [10, 10, 20, 20]]);
  });
});
