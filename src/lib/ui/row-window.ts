/** Lists longer than this draw only the rows near the scroll position; shorter ones draw every row. */
export const WINDOW_FROM = 200;

/** Rows drawn beyond each edge of the visible part, so a Tab or a short scroll lands on a drawn row. */
export const OVERSCAN = 8;

/** The rows to draw: indices `start` (included) to `end` (excluded). */
export interface RowRange {
  start: number;
  end: number;
}

/**
 * The rows of a list of `count` rows, each `pitch` pixels below the previous, that meet a view
 * `height` pixels high whose top lies `top` pixels below the list's top (negative while the list
 * starts below the view's top), with `overscan` rows more on each side.
 */
export function rowWindow(count: number, pitch: number, top: number, height: number, overscan = OVERSCAN): RowRange {
  if (count <= 0 || pitch <= 0) return { start: 0, end: 0 };
  const first = Math.floor(top / pitch) - overscan;
  const last = Math.ceil((top + Math.max(0, height)) / pitch) + overscan;
  const start = Math.min(count, Math.max(0, first));
  return { start, end: Math.max(start, Math.min(count, last)) };
}

/** The keys that move focus through a windowed list, by the row they move to. */
const STEPS: Record<string, (index: number, count: number, page: number) => number> = {
  ArrowDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  PageDown: (i, _, page) => i + page,
  PageUp: (i, _, page) => i - page,
  Home: () => 0,
  End: (_, count) => count - 1
};

/**
 * The row a key moves focus to from row `index` of `count` (`page` rows for Page Up / Down), kept
 * inside the list; null for a key that does not move through the list.
 */
export function stepRow(key: string, index: number, count: number, page: number): number | null {
  const step = STEPS[key];
  if (!step || count <= 0) return null;
  return Math.min(count - 1, Math.max(0, step(index, count, Math.max(1, page))));
}
