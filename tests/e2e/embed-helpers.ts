import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { APP_PORT, HOST_PORT } from '../../playwright.config';
import { mapIdle } from './helpers';

/** The map's origin and the host page's origin: different ports, so different origins. */
export const MAP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;

/** What the embed frame did: page errors, and requests that left the map's origin. */
export interface FrameWatch {
  errors: string[];
  offOrigin: string[];
  scripts: string[];
}

/** Records page errors and every request made by a frame of the map's origin. */
export function watchEmbed(page: Page): FrameWatch {
  const seen: FrameWatch = { errors: [], offOrigin: [], scripts: [] };
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|404/.test(m.text())) seen.errors.push(m.text());
  });
  page.on('request', (request) => {
    const frame = request.frame();
    if (!frame.url().startsWith(`${MAP_ORIGIN}/embed.html`)) return;
    const url = request.url();
    if (!/^(data|blob):/.test(url) && !url.startsWith(`${MAP_ORIGIN}/`)) seen.offOrigin.push(url);
    if (request.resourceType() === 'script') seen.scripts.push(url);
  });
  return seen;
}

/** The frame of the first (or nth) embed on the page, once its map has drawn. */
export async function embedFrame(page: Page, nth = 0): Promise<Frame> {
  const iframe = page.locator(`iframe[src^="${MAP_ORIGIN}/embed.html"]`).nth(nth);
  await iframe.waitFor();
  const frame = (await iframe.elementHandle())!.contentFrame();
  const f = await frame;
  if (!f) throw new Error('embed iframe has no frame');
  await frameMapIdle(f);
  return f;
}

/** Waits until the map inside a frame has loaded and drawn. */
export const frameMapIdle = mapIdle;

/** Opens a host fixture page and waits for its first embed. */
export async function openHost(page: Page, path = '/'): Promise<{ seen: FrameWatch; frame: Frame }> {
  const seen = watchEmbed(page);
  await page.goto(`${HOST_ORIGIN}${path}`);
  const frame = await embedFrame(page);
  return { seen, frame };
}

/** The height of the embed's content and of its iframe, in CSS pixels. */
export async function heights(page: Page, frame: Frame, nth = 0): Promise<{ content: number; iframe: number }> {
  const content = await frame.locator('[data-testid="embed"]').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  const iframe = await page.locator('iframe').nth(nth).evaluate((el) => el.getBoundingClientRect().height);
  return { content, iframe };
}

/** Waits until the iframe is as tall as the embed's content. */
export async function expectHeightFollows(page: Page, frame: Frame): Promise<number> {
  await expect.poll(async () => {
    const h = await heights(page, frame);
    return Math.abs(h.content - h.iframe);
  }).toBeLessThanOrEqual(1);
  return (await heights(page, frame)).iframe;
}

/** The embed's selected place, as its place chooser shows it ('' for none). */
export function chosenPlace(frame: Frame | FrameLocator): Promise<string> {
  return frame.locator('[data-testid="embed-place-select"]').inputValue();
}

/** Messages the host fixture page recorded from the loader's API. */
export function hostEvents(page: Page): Promise<Array<Record<string, any>>> {
  return page.evaluate(() => (window as any).__events);
}
