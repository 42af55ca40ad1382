import type { Page } from '@playwright/test';
import { mapIdle, mapQuiet } from './map-page';

/**
 * One selection timed from the click: to the first animation frame after it (the main thread free
 * again), to the frame that shows the passage, to the one that shows the map's highlight, and to both.
 */
export interface SelectSample {
  placeId: string;
  nextFrameMs: number;
  passageMs: number;
  mapMs: number;
  totalMs: number;
}

/**
 * Clicks the place's button in the place list and times, in the page, until what it changed is
 * painted:
 *
 * - the passage: the first animation frame in which the button is pressed and the source panel
 *   has an active passage (`mark[aria-current="true"]`, the selector of the browser tests); the
 *   time is taken in a task queued from that frame's `requestAnimationFrame` callback, i.e. after
 *   the frame is painted;
 * - the map: the first frame MapLibre renders (its `render` event) after the click in which no
 *   style update is pending and no tile of a story layer's source is still being re-made for the
 *   new state (tile state `reloading`, as after a filter change). Tiles only newly in view while
 *   the camera moves to the place (state `loading`) do not count: the highlight is painted on the
 *   tiles already there. Timed the same way, after that frame.
 *
 * Resolves with null when either has not happened after 20 s.
 */
async function selectOnce(page: Page, placeId: string): Promise<SelectSample | null> {
  return page.evaluate(
    (id) =>
      new Promise<SelectSample | null>((resolve) => {
        const map = (window as any).__map;
        const button = document.querySelector<HTMLButtonElement>(`[data-testid="place-list"] [data-place-id="${id}"] button`);
        if (!button) throw new Error(`no button for place ${id} in the place list`);
        const story = new Set<string>(
          (map.getLayersOrder() as string[]).filter((l) => l.startsWith('story-')).map((l) => map.getLayer(l)?.source).filter(Boolean)
        );
        const settled = () => {
          const style = map.style;
          for (const source of story) {
            if (style._updatedSources?.[source]) return false;
            const tiles = style.tileManagers?.[source];
            if (!tiles) {
              if (!map.isSourceLoaded(source)) return false;
              continue;
            }
            for (const tileId of tiles.getIds()) if (tiles.getTileByID(tileId)?.state === 'reloading') return false;
          }
          return true;
        };
        const afterPaint = (record: (t: number) => void) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => record(performance.now());
          channel.port2.postMessage(0);
        };
        let passageAt: number | null = null;
        let mapAt: number | null = null;
        let mapSeen = false;
        let nextFrameAt: number | null = null;
        const finish = () => {
          if (passageAt === null || mapAt === null) return;
          map.off('render', onRender);
          clearTimeout(timer);
          resolve({ placeId: id, nextFrameMs: nextFrameAt! - t0, passageMs: passageAt - t0, mapMs: mapAt - t0, totalMs: Math.max(passageAt, mapAt) - t0 });
        };
        const onRender = () => {
          if (mapSeen || !settled()) return;
          mapSeen = true;
          afterPaint((t) => ((mapAt = t), finish()));
        };
        const onFrame = () => {
          nextFrameAt ??= performance.now();
          const shown = button.getAttribute('aria-pressed') === 'true' && document.querySelector('[data-testid="source-panel"] mark[aria-current="true"]');
          if (shown) afterPaint((t) => ((passageAt = t), finish()));
          else requestAnimationFrame(onFrame);
        };
        const timer = setTimeout(() => {
          map.off('render', onRender);
          resolve(null);
        }, 20_000);
        map.on('render', onRender);
        const t0 = performance.now();
        button.click();
        requestAnimationFrame(onFrame);
      }),
    placeId
  );
}

/**
 * Scrolls a long place list (one that draws only the rows near its scroll position) until the row
 * of the place at `index` is drawn, as a reader scrolls to it before the click; nothing when it is.
 */
async function revealRow(page: Page, id: string, index: number, timeoutMs: number): Promise<void> {
  const row = `[data-testid="place-list"] [data-place-id="${id}"] button`;
  if ((await page.locator(row).count()) > 0) return;
  await page.evaluate((at) => {
    const list = document.querySelector<HTMLElement>('[data-testid="place-list"]')!;
    const count = Number(list.querySelector('[aria-setsize]')?.getAttribute('aria-setsize') ?? list.children.length);
    let box = list.parentElement!;
    while (!/auto|scroll/.test(getComputedStyle(box).overflowY)) box = box.parentElement!;
    const top = list.getBoundingClientRect().top + (at / count) * list.getBoundingClientRect().height;
    box.scrollTop += top - box.getBoundingClientRect().top - box.clientHeight / 2;
  }, index);
  await page.locator(row).waitFor({ timeout: timeoutMs });
  await page.waitForTimeout(100);
}

/** How long the map has drawn nothing before a click: longer than one frame's trip through the compositor (about 0.1 s with software GL). */
const QUIET_MS = 400;

/**
 * Selects each of `placeIds` in turn from the place list of a loaded page, waiting for the map to
 * be idle between selections; returns the samples (null for a selection that was not painted).
 * `order` is the list's order of places, to scroll a long list to a row it does not draw yet.
 */
export async function selectLatency(page: Page, placeIds: readonly string[], timeoutMs = 60_000, order: readonly string[] = placeIds): Promise<(SelectSample | null)[]> {
  const samples: (SelectSample | null)[] = [];
  // tsx compiles the functions sent to the page with esbuild's keepNames, which calls a helper `__name`.
  await page.evaluate('globalThis.__name ??= (f) => f');
  for (const id of placeIds) {
    await revealRow(page, id, order.indexOf(id), timeoutMs);
    await mapIdle(page, timeoutMs);
    await mapQuiet(page, QUIET_MS, timeoutMs);
    samples.push(await selectOnce(page, id));
  }
  return samples;
}

/** The ids of the place list's places, in its order. */
export function listedPlaces(page: Page): Promise<string[]> {
  return page.locator('[data-testid="place-list"] [data-place-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-place-id')!));
}

/**
 * The floor under a selection: the map at rest asked to draw one frame with nothing changed
 * (`triggerRepaint`), timed the same way as a selection's map highlight (from the request to a
 * task queued after MapLibre's `render`), `count` times with the map at rest before each.
 */
export async function repaintMs(page: Page, count: number, timeoutMs = 60_000): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await mapIdle(page, timeoutMs);
    await mapQuiet(page, QUIET_MS, timeoutMs);
    times.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const map = (window as any).__map;
            const t0 = performance.now();
            map.once('render', () => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - t0);
              channel.port2.postMessage(0);
            });
            map.triggerRepaint();
          })
      )
    );
  }
  return times;
}
