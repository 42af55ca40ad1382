import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

/** The page's map, as the app (under automation), the baseline and the bench pages expose it. */
export type WithMap = { __map?: any };

/** A viewport like a laptop's, for every bench page. */
export const VIEWPORT = { width: 1280, height: 800 };

/** Waits until the page has a map and it is idle (style and tiles loaded); rejects after `timeoutMs`. */
export async function mapIdle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => (window as WithMap).__map !== undefined, null, { timeout: timeoutMs });
  const idle = await page.evaluate(
    (ms) =>
      new Promise<boolean>((resolve) => {
        const map = (window as WithMap).__map;
        if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) resolve(true);
        else map.once('idle', () => resolve(true));
        setTimeout(() => resolve(false), ms);
      }),
    timeoutMs
  );
  if (!idle) throw new Error(`${page.url()}: the map was not idle within ${timeoutMs / 1000} s`);
}

/**
 * Waits until the map has drawn no frame for `quietMs` (a reader's click comes to a map at rest,
 * not into the frames it draws just after `idle`, such as the country names placed then); rejects
 * after `timeoutMs`.
 */
export async function mapQuiet(page: Page, quietMs: number, timeoutMs: number): Promise<void> {
  // tsx compiles the functions sent to the page with esbuild's keepNames, which calls a helper `__name`.
  await page.evaluate('globalThis.__name ??= (f) => f');
  const quiet = await page.evaluate(
    ([ms, limit]) =>
      new Promise<boolean>((resolve) => {
        const map = (window as WithMap).__map;
        let timer = setTimeout(done, ms);
        const giveUp = setTimeout(() => (map.off('render', onRender), clearTimeout(timer), resolve(false)), limit);
        function onRender() {
          clearTimeout(timer);
          timer = setTimeout(done, ms);
        }
        function done() {
          map.off('render', onRender);
          clearTimeout(giveUp);
          resolve(true);
        }
        map.on('render', onRender);
      }),
    [quietMs, timeoutMs] as const
  );
  if (!quiet) throw new Error(`${page.url()}: the map kept drawing for ${timeoutMs / 1000} s`);
}

/**
 * Milliseconds from navigation to the map's first `idle`, checked to have drawn its basemap (else
 * the timing would be meaningless). `then` runs on the loaded page before it closes.
 */
export async function timeToIdle(browser: Browser, url: string, timeoutMs = 60_000, then?: (page: Page) => Promise<void>): Promise<number> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const start = Date.now();
    await page.goto(url, { timeout: timeoutMs });
    await mapIdle(page, timeoutMs);
    const elapsed = Date.now() - start;
    const drawn = await page.evaluate(() => {
      const map = (window as WithMap).__map;
      const layers = ['basemap-land', 'bg'].filter((id: string) => map.getLayer(id));
      return layers.includes('bg') || map.queryRenderedFeatures({ layers }).length > 0;
    });
    if (!drawn) throw new Error(`${url}: the map went idle without drawing its basemap`);
    if (errors.length > 0) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    await then?.(page);
    return elapsed;
  } finally {
    await page.close();
  }
}

/** Bytes of every response of a page's first view up to the map's idle, each gzipped as a server would send it. */
export async function transferOf(browser: Browser, url: string, timeoutMs = 60_000): Promise<number> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    const bodies: Promise<number>[] = [];
    page.on('response', (r) => bodies.push(r.body().then((b) => gzipSync(b).length, () => 0)));
    await page.goto(url);
    await mapIdle(page, timeoutMs);
    return (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  } finally {
    await page.close();
  }
}

/** The CSS size of a page's map box (`[data-testid="map"]`) at the bench's viewport, once the map is there. */
export async function appMapBox(browser: Browser, url: string, timeoutMs = 60_000): Promise<{ width: number; height: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    await mapIdle(page, timeoutMs);
    return await page.locator('[data-testid="map"]').evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
  } finally {
    await page.close();
  }
}
