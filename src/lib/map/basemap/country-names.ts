/** A box in map pixels: [left, top, right, bottom]. */
export type Box = [number, number, number, number];

/** A ring of a polygon in map pixels. */
export type PixelRing = readonly (readonly [number, number])[];

/** The map sampled every `cell` px: the country id at each cell's centre (row by row), -1 where there is none. */
export interface CountryGrid {
  cols: number;
  rows: number;
  cell: number;
  ids: Int32Array;
}

/** The size of a country's name, in px. */
export interface NameSize {
  id: number;
  w: number;
  h: number;
}

/** Where names may and should go. */
export interface NamePlacement {
  /** The map's size in px. */
  width: number;
  height: number;
  /** The least distance from a name to the map's edge, in px. */
  margin: number;
  /** The least part of the map a country must cover to be named. */
  minShare: number;
  /** Boxes no name may touch (the map's controls, insets drawn over it). */
  blocked: readonly Box[];
  /** Boxes names keep away from where they can (story places, their labels and areas). */
  avoid: readonly Box[];
}

/** A country's name placed: its id and box. */
export interface PlacedName {
  id: number;
  box: Box;
}

/** The zoom from which the map names the countries in view itself (below it, the region's country labels do). */
export const LOCAL_NAMES_FROM = 7.5;
/** The zoom at which the names chosen per view stop. */
export const LOCAL_NAMES_UNTIL = 15;
/** Font size of the names, px. */
export const NAME_SIZE = 13;
/** Letter spacing of the names, in ems. */
export const NAME_SPACING = 0.15;
/** Clearance from story places that a name seeks, px: beyond it, a name prefers the middle of its country. */
const CLEARANCE = 48;
/** The side of a grid cell, px. */
export const GRID_CELL = 8;

/**
 * Advance widths of Noto Sans Bold capitals, in ems (rounded up); any other character counts as
 * 0.8 em, wider than every capital but M and W.
 */
const CAPITALS: Record<string, number> = {
  A: 0.7, B: 0.71, C: 0.66, D: 0.76, E: 0.57, F: 0.55, G: 0.75, H: 0.79, I: 0.38, J: 0.35, K: 0.7, L: 0.57, M: 0.96,
  N: 0.82, O: 0.81, P: 0.67, Q: 0.81, R: 0.7, S: 0.61, T: 0.61, U: 0.78, V: 0.67, W: 1.01, X: 0.68, Y: 0.63, Z: 0.61, ' ': 0.27
};

/** A measure of text width in px: the export's canvas measure, or {@link estimateWidth}. */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

/** A safe estimate of the width of bold text: the capitals' widths rounded up, 5% more. */
export const estimateWidth: MeasureText = (text, size) => [...text].reduce((sum, ch) => sum + (CAPITALS[ch] ?? 0.8), 0) * size * 1.05;

/** The box a country's name takes on the map (upper case, letter-spaced, with its halo), px. */
export function nameSize(name: string, measure: MeasureText = estimateWidth): { w: number; h: number } {
  const text = name.toUpperCase();
  return { w: Math.ceil(measure(text, NAME_SIZE, true) + NAME_SPACING * NAME_SIZE * text.length + 4), h: Math.ceil(NAME_SIZE * 1.2 + 4) };
}

/**
 * Samples polygons on a grid of `cell` px over a `width` × `height` map: each cell takes the id of
 * the last polygon holding its centre (even-odd rule over a polygon's rings, holes included).
 */
export function countryGrid(polygons: readonly { id: number; rings: readonly PixelRing[] }[], width: number, height: number, cell = GRID_CELL): CountryGrid {
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const ids = new Int32Array(cols * rows).fill(-1);
  const crossings: number[][] = Array.from({ length: rows }, () => []);
  for (const { id, rings } of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        const from = Math.max(0, Math.ceil(Math.min(yi, yj) / cell - 0.5));
        const to = Math.min(rows - 1, Math.floor(Math.max(yi, yj) / cell - 0.5));
        for (let r = from; r <= to; r++) {
          const y = (r + 0.5) * cell;
          if (yi > y !== yj > y) crossings[r]!.push(xi + ((y - yi) / (yj - yi)) * (xj - xi));
        }
      }
    }
    crossings.forEach((xs, r) => {
      if (xs.length === 0) return;
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const start = Math.max(0, Math.ceil(xs[k]! / cell - 0.5));
        const end = Math.min(cols - 1, Math.floor(xs[k + 1]! / cell - 0.5));
        for (let c = start; c <= end; c++) ids[r * cols + c] = id;
      }
      xs.length = 0;
    });
  }
  return { cols, rows, cell, ids };
}

/**
 * The cells of the grid whose centres lie in any of the polygons, as boxes: the story's areas
 * (the escape route's corridor) as something names keep away from.
 */
export function coveredCells(polygons: readonly (readonly PixelRing[])[], width: number, height: number, cell = GRID_CELL): Box[] {
  const { cols, ids } = countryGrid(polygons.map((rings) => ({ id: 0, rings })), width, height, cell);
  const out: Box[] = [];
  ids.forEach((id, i) => {
    if (id < 0) return;
    const [x, y] = [(i % cols) * cell, Math.floor(i / cols) * cell];
    out.push([x, y, x + cell, y + cell]);
  });
  return out;
}

/**
 * The boxes with those of one row (same top and bottom) that touch or overlap joined into one: an
 * area given as grid cells ({@link coveredCells}) becomes a box per row, and each candidate name
 * is measured against far fewer boxes. No point a box covered is left out, and none is added.
 */
export function joinRows(boxes: readonly Box[]): Box[] {
  const sorted = [...boxes].sort((a, b) => a[1] - b[1] || a[3] - b[3] || a[0] - b[0]);
  const out: Box[] = [];
  for (const box of sorted) {
    const last = out.at(-1);
    if (last && last[1] === box[1] && last[3] === box[3] && box[0] <= last[2]) last[2] = Math.max(last[2], box[2]);
    else out.push([...box]);
  }
  return out;
}

/** How far apart two boxes are (px), negative by how deep they overlap. */
function separation(a: Box, b: Box): number {
  const dx = Math.max(b[0] - a[2], a[0] - b[2]);
  const dy = Math.max(b[1] - a[3], a[1] - b[3]);
  return Math.max(dx, dy);
}

/** Where a country lies on the grid: its cells' count, the sum of their centres, and the rows and columns it spans. */
interface Extent {
  n: number;
  sx: number;
  sy: number;
  c0: number;
  c1: number;
  r0: number;
  r1: number;
}

/** Each country's {@link Extent}, in one pass over the grid. */
function extents({ cols, cell, ids }: CountryGrid): Map<number, Extent> {
  const out = new Map<number, Extent>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0) continue;
    const [c, r] = [i % cols, Math.floor(i / cols)];
    const e = out.get(id) ?? { n: 0, sx: 0, sy: 0, c0: c, c1: c, r0: r, r1: r };
    e.n++;
    e.sx += (c + 0.5) * cell;
    e.sy += (r + 0.5) * cell;
    e.c0 = Math.min(e.c0, c);
    e.c1 = Math.max(e.c1, c);
    e.r1 = r;
    out.set(id, e);
  }
  return out;
}

/** The cells touching a blocked box, as 1s. */
function blockedCells({ cols, rows, cell }: CountryGrid, blocked: readonly Box[]): Uint8Array {
  const out = new Uint8Array(cols * rows);
  for (const [x0, y0, x1, y1] of blocked) {
    for (let r = Math.max(0, Math.floor(y0 / cell)); r <= Math.min(rows - 1, Math.ceil(y1 / cell) - 1); r++) {
      for (let c = Math.max(0, Math.floor(x0 / cell)); c <= Math.min(cols - 1, Math.ceil(x1 / cell) - 1); c++) out[r * cols + c] = 1;
    }
  }
  return out;
}

/** Summed-area table of the cells that are `id` and not blocked. */
function freeCells({ cols, rows, ids }: CountryGrid, id: number, blocked: Uint8Array): Int32Array {
  const sums = new Int32Array((cols + 1) * (rows + 1));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const free = ids[r * cols + c] === id && !blocked[r * cols + c] ? 1 : 0;
      sums[(r + 1) * (cols + 1) + c + 1] = free + sums[r * (cols + 1) + c + 1]! + sums[(r + 1) * (cols + 1) + c]! - sums[r * (cols + 1) + c]!;
    }
  }
  return sums;
}

/** The best box for one name: wholly on free cells of its country, inside the margin, as clear of `avoid` as can be, then nearest the middle of the country's visible part. */
function bestBox(grid: CountryGrid, size: NameSize, extent: Extent, sums: Int32Array, options: NamePlacement, avoid: readonly Box[]): Box | null {
  const { cols, cell } = grid;
  const { width, height, margin } = options;
  const [kw, kh] = [Math.ceil(size.w / cell), Math.ceil(size.h / cell)];
  const [mx, my] = [extent.sx / extent.n, extent.sy / extent.n];
  const sum = (r: number, c: number) => sums[r * (cols + 1) + c]!;
  let best: { box: Box; score: number } | null = null;
  for (let r = extent.r0; r + kh <= extent.r1 + 1; r++) {
    for (let c = extent.c0; c + kw <= extent.c1 + 1; c++) {
      if (sum(r + kh, c + kw) - sum(r, c + kw) - sum(r + kh, c) + sum(r, c) !== kw * kh) continue;
      const x = c * cell + (kw * cell - size.w) / 2;
      const y = r * cell + (kh * cell - size.h) / 2;
      if (x < margin || y < margin || x + size.w > width - margin || y + size.h > height - margin) continue;
      const off = Math.hypot(x + size.w / 2 - mx, y + size.h / 2 - my);
      if (best && CLEARANCE * 1000 - off <= best.score) continue;
      const box: Box = [x, y, x + size.w, y + size.h];
      let clear = CLEARANCE;
      for (const a of avoid) clear = Math.min(clear, separation(box, a));
      const score = clear * 1000 - off;
      if (!best || score > best.score) best = { box, score };
    }
  }
  return best?.box ?? null;
}

/**
 * One name per country that covers at least `minShare` of the map, where its whole box lies on
 * the country's cells, inside the map less its margin and clear of the blocked boxes, keeping
 * away from the story (and from names placed before it) where it can. Larger countries are placed
 * first. A country whose name fits nowhere is left unnamed.
 */
export function placeCountryNames(grid: CountryGrid, sizes: readonly NameSize[], options: NamePlacement): PlacedName[] {
  const total = grid.cols * grid.rows;
  const where = extents(grid);
  const blocked = blockedCells(grid, options.blocked);
  const candidates = sizes.flatMap((size) => {
    const extent = where.get(size.id);
    return extent && extent.n / total >= options.minShare ? [{ size, extent }] : [];
  });
  const placed: PlacedName[] = [];
  const avoid = joinRows(options.avoid);
  for (const { size, extent } of candidates.sort((a, b) => b.extent.n - a.extent.n)) {
    const box = bestBox(grid, size, extent, freeCells(grid, size.id, blocked), options, [...avoid, ...placed.map((p) => p.box)]);
    if (box) placed.push({ id: size.id, box });
  }
  return placed;
}

/** The visible pieces of a country: its name and polygons (rings of [lng, lat]). */
export interface CountryShape {
  name: string;
  polygons: readonly (readonly (readonly number[])[])[][];
}

/** A country's name chosen for a view: the name, the centre of its box and the box, in map px. */
export interface ChosenName {
  name: string;
  at: [number, number];
  box: Box;
}

/**
 * Chooses the country names of one view: the shapes (tile pieces or whole polygons, several per
 * country alike) projected to map px with `project`, sampled on a grid, then
 * {@link placeCountryNames}. The same for the screen and for an export's frame.
 */
export function chooseCountryNames(shapes: readonly CountryShape[], project: (lngLat: [number, number]) => [number, number], placement: NamePlacement, measure?: MeasureText): ChosenName[] {
  const names = [...new Set(shapes.map((s) => s.name))];
  const { width, height } = placement;
  const inFrame = (rings: PixelRing[]) => {
    const outer = rings[0] ?? [];
    return outer.some(([x]) => x >= 0) && outer.some(([x]) => x <= width) && outer.some(([, y]) => y >= 0) && outer.some(([, y]) => y <= height);
  };
  const polygons = shapes
    .flatMap((s) => s.polygons.map((rings) => ({ id: names.indexOf(s.name), rings: rings.map((ring): PixelRing => ring.map((p) => project([p[0]!, p[1]!]))) })))
    .filter((p) => inFrame(p.rings));
  const grid = countryGrid(polygons, width, height);
  const sizes = names.map((name, id) => ({ id, ...nameSize(name, measure) }));
  return placeCountryNames(grid, sizes, placement).map(({ id, box }) => ({ name: names[id]!, at: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2], box }));
}
