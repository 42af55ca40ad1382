import type { Browser } from '@playwright/test';
import { VIEWPORT } from './map-page';

/** Two exports of the same PNG in one page: the first after the page is ready, then again. */
export interface ExportPair {
  firstMs: number;
  againMs: number;
}

/** The PNG asked of both exports: the default view (the main frame), social 1200 × 675 CSS px at scale 2. */
const EXPECTED = { width: 2400, height: 1350 };

const fail = (who: string, what: string): never => {
  throw new Error(`${who} export: ${what}`);
};

/**
 * Our export: `dist/snapshot.html` (the production build), `window.__khojalyExport`, which runs
 * `exportSnapshot` as the dialog does and hands the file back as base64 (the peer's data URL is
 * base64 too). Timed in the page from the call to the answer.
 */
export async function oursExport(browser: Browser, origin: string, timeoutMs = 180_000): Promise<ExportPair> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(`${origin}/snapshot.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: timeoutMs });
    const once = async () => {
      const answer = await page.evaluate(async () => {
        const t0 = performance.now();
        const a = await (window as any).__khojalyExport({ format: 'png', preset: 'social-wide', scale: 2, permalinkBase: 'index.html' });
        return { ms: performance.now() - t0, ok: a.ok as boolean, error: a.error as string | undefined, width: a.width as number, height: a.height as number };
      });
      if (!answer.ok) fail('our', answer.error ?? 'failed');
      if (answer.width !== EXPECTED.width || answer.height !== EXPECTED.height) fail('our', `${answer.width} × ${answer.height} px, not ${EXPECTED.width} × ${EXPECTED.height}`);
      return answer.ms;
    };
    return { firstMs: await once(), againMs: await once() };
  } finally {
    await page.close();
  }
}

/**
 * The peer's export: `@watergis/maplibre-gl-export` in the bench page `scripts/bench/peer.html`,
 * on a 1200 × 675 map of the same extent and style, once the map on screen is idle (the peer
 * copies it). Timed in the page from the call to the PNG handed to the browser as a download.
 */
export async function peerExport(browser: Browser, benchOrigin: string, timeoutMs = 180_000): Promise<ExportPair> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(`${benchOrigin}/scripts/bench/peer.html?data=shipped`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: timeoutMs });
    const once = async () => {
      const answer = await page.evaluate(() => (window as any).__peerExport() as Promise<{ ms: number; width: number; height: number }>);
      if (answer.width !== EXPECTED.width || answer.height !== EXPECTED.height) fail('peer', `${answer.width} × ${answer.height} px, not ${EXPECTED.width} × ${EXPECTED.height}`);
      return answer.ms;
    };
    return { firstMs: await once(), againMs: await once() };
  } finally {
    await page.close();
  }
}
