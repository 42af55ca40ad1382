import { expect, type Frame, type Page } from '@playwright/test';

/** What a page did that a test must check: page errors and requests that left 127.0.0.1. */
export interface Watch {
  errors: string[];
  external: string[];
}

const LOCAL = new Set(['127.0.0.1', 'localhost']);

/** Records page errors and every request to a host other than this machine. */
export function watch(page: Page): Watch {
  const seen: Watch = { errors: [], external: [] };
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && !LOCAL.has(url.hostname)) {
      seen.external.push(request.url());
    }
  });
  return seen;
}

/**
 * Waits until the map of a page or frame has loaded its style and drawn everything; rejects,
 * naming what it waited for, if that does not happen within `timeout` milliseconds.
 */
export async function mapIdle(page: Page | Frame, timeout = 45_000): Promise<void> {
  await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout });
  // A flight to a selection starts a frame after the click: until then the map is still but not settled.
  await page.locator('[data-testid="map"][data-camera="pending"]').waitFor({ state: 'detached', timeout });
  const idle = await page.evaluate(
    (ms) =>
      new Promise<boolean>((resolve) => {
        const map = (window as any).__map;
        if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) return resolve(true);
        map.once('idle', () => resolve(true));
        setTimeout(() => resolve(false), ms);
      }),
    timeout
  );
  if (!idle) throw new Error(`mapIdle: the map was not idle (style loaded, tiles loaded, not moving) within ${timeout} ms; ${await mapState(page)}`);
}

/** What keeps a map from `idle`, for the error of {@link mapIdle}: the style, the camera, and each source's tile states (MapLibre's internals). */
async function mapState(page: Page | Frame): Promise<string> {
  return page
    .evaluate(() => {
      const map = (window as any).__map;
      const managers = Object.entries(map.style?.tileManagers ?? {}) as [string, any][];
      const sources = managers
        .filter(([, t]) => !t.loaded())
        .map(([id, t]) => `${id}: ${(t.getIds() as string[]).map((k) => t.getTileByID(k).state).join(',') || 'no tiles'}`);
      return `style loaded ${map.isStyleLoaded()}, moving ${map.isMoving()}, sources not loaded: ${sources.join('; ') || 'none'}`;
    })
    .catch((error: Error) => `its state could not be read (${error.message})`);
}

/** Opens the app at a hash and waits for the map. */
export async function openApp(page: Page, hash = ''): Promise<Watch> {
  const seen = watch(page);
  await page.goto(`/${hash ? `#${hash}` : ''}`);
  await mapIdle(page);
  return seen;
}

/** The text of the active passage. */
export async function activePassage(page: Page): Promise<string> {
  const mark = page.locator('[data-testid="source-panel"] mark[aria-current="true"]');
  await expect(mark).toHaveCount(1);
  return (await mark.textContent()) ?? '';
}

/** Screen position of a coordinate on the map canvas, in page pixels. */
export async function projectToPage(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as any).__map;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

/** Decodes a PNG in the page and returns how many distinct colours it has and the RGB of one pixel. */
async function inspectPng(page: Page, png: Buffer, x = 0, y = 0): Promise<{ colours: number; pixel: [number, number, number] }> {
  return page.evaluate(
    async ({ b64, x, y }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      const at = (Math.round(y) * img.width + Math.round(x)) * 4;
      return { colours: colours.size, pixel: [data[at]!, data[at + 1]!, data[at + 2]!] as [number, number, number] };
    },
    { b64: png.toString('base64'), x, y }
  );
}

/** How many distinct colours a PNG screenshot has (a blank canvas has one or two). */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return (await inspectPng(page, png)).colours;
}

/** RGB of one pixel of a PNG. */
export async function pixelAt(page: Page, png: Buffer, x: number, y: number): Promise<[number, number, number]> {
  return (await inspectPng(page, png, x, y)).pixel;
}

/**
 * The ids of the places the map draws visibly in these layers (each once, in drawing order): a
 * feature whose paint, as MapLibre evaluates it for the feature and its feature state, has every
 * opacity at 0 (a highlight layer's feature that is not highlighted) is not drawn.
 */
export function renderedPlaceIds(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const visible = (paint: Record<string, unknown>) => {
      const opacities = Object.entries(paint).filter(([name]) => name.endsWith('opacity'));
      return opacities.length === 0 || opacities.some(([, value]) => Number(value) > 0);
    };
    const features = (window as any).__map.queryRenderedFeatures({ layers: ids }) as { layer: { paint?: Record<string, unknown> }; properties: { placeId: string } }[];
    return [...new Set(features.filter((f) => visible(f.layer.paint ?? {})).map((f) => f.properties.placeId))];
  }, layers);
}
