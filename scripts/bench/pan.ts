import type { Page } from '@playwright/test';
import { mapIdle, mapQuiet, type WithMap } from './map-page';

/** One drag of the map: each pointer move's time to the map's next frame, and where the drag left the map. */
export interface PanSample {
  /** Per pointer move after the first: milliseconds from the move's event to the map's next frame. */
  latenciesMs: number[];
  /** How far (px) the point under the map's centre ended from where the drag put it: 0 when no move was dropped. */
  offsetPx: number;
}

/** The drag: this many pointer moves of this many pixels each, from the map's centre, mouse button held. */
const MOVES = 20;
const STEP = { x: -8, y: -3 };

/**
 * Drags the map at rest from its centre by {@link MOVES} pointer moves of {@link STEP}, each sent
 * once the page has taken the one before (so the moves queue up behind a busy page, as a reader's
 * hand outpaces it), holds still, lets go and waits for `idle`. Times each move, from its event to
 * the next frame the map draws (`render`).
 */
export async function panSample(page: Page, timeoutMs: number): Promise<PanSample> {
  await mapQuiet(page, 400, timeoutMs);
  const centre = await page.evaluate(() => {
    const map = (window as WithMap).__map;
    const box = map.getCanvas().getBoundingClientRect() as DOMRect;
    const inputs: number[] = [];
    const frames: number[] = [];
    const onMove = (e: MouseEvent) => inputs.push(e.timeStamp);
    const onRender = () => frames.push(performance.now());
    map.getCanvasContainer().addEventListener('mousemove', onMove, { capture: true });
    map.on('render', onRender);
    const start = map.unproject([box.width / 2, box.height / 2]).toArray() as [number, number];
    (window as unknown as { __pan: unknown }).__pan = { inputs, frames, start, stop: () => (map.getCanvasContainer().removeEventListener('mousemove', onMove, { capture: true }), map.off('render', onRender)) };
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(centre.x + i * STEP.x, centre.y + i * STEP.y);
  // Held still for longer than MapLibre's inertia window, so letting go adds no glide.
  await page.waitForTimeout(300);
  await page.mouse.up();
  await mapIdle(page, timeoutMs);
  return page.evaluate(
    ({ dx, dy }) => {
      const map = (window as WithMap).__map;
      const pan = (window as unknown as { __pan: { inputs: number[]; frames: number[]; start: [number, number]; stop: () => void } }).__pan;
      pan.stop();
      const box = map.getCanvas().getBoundingClientRect() as DOMRect;
      const at = map.project(pan.start) as { x: number; y: number };
      const offsetPx = Math.hypot(at.x - (box.width / 2 + dx), at.y - (box.height / 2 + dy));
      const latenciesMs = pan.inputs.slice(1).map((t) => (pan.frames.find((f) => f > t) ?? Number.NaN) - t);
      return { latenciesMs, offsetPx };
    },
    { dx: MOVES * STEP.x, dy: MOVES * STEP.y }
  );
}
