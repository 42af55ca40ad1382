import type { Browser, Page } from '@playwright/test';
import { mapIdle, VIEWPORT } from './map-page';

/** Two exports of the same PNG in one page: the first after the page is ready, then again. */
export interface ExportPair {
  firstMs: number;
  againMs: number;
}

/** The PNG asked of both exports: the default view (the main frame), social 1200 × 675 CSS px at scale 2. */
const EXPECTED = { width: 2400, height: 1350 };

/** Stops the bench when our PNG is not the size asked for. */
function expectSize({ width, height }: { width: number; height: number }): void {
  if (width !== EXPECTED.width || height !== EXPECTED.height) fail('our', `${width} × ${height} px, not ${EXPECTED.width} × ${EXPECTED.height}`);
}

const fail = (who: string, what: string): never => {
  throw new Error(`${who} export: ${what}`);
};

/** Clicks the button and times, in the page, until the PNG is handed to the browser as a download; with its size. */
function timedDownload(page: Page, button: string): Promise<{ ms: number; width: number; height: number }> {
  return page.evaluate(
    (selector) =>
      new Promise<{ ms: number; width: number; height: number }>((resolve) => {
        const click = HTMLAnchorElement.prototype.click;
        let t0 = 0;
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          if (!this.download) return click.call(this);
          const ms = performance.now() - t0;
          HTMLAnchorElement.prototype.click = click;
          void fetch(this.href)
            .then((r) => r.arrayBuffer())
            .then((b) => resolve({ ms, width: new DataView(b).getUint32(16), height: new DataView(b).getUint32(20) }));
        };
        const target = document.querySelector<HTMLButtonElement>(selector)!;
        t0 = performance.now();
        target.click();
      }),
    button
  );
}

/**
 * Our export as a user makes it: the app (`dist/index.html`, the default view) once its map is
 * idle (the `idle` section's "ready"), the toolbar's Export… clicked, 2× chosen in the dialog and
 * its preview shown (the dialog's first preview is an export of the same view at thumbnail size,
 * which makes the hidden map). Timed in the page from the click on Download to the PNG handed to
 * the browser as a download, as the peer's.
 */
export async function oursExport(browser: Browser, origin: string, timeoutMs = 180_000): Promise<ExportPair> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(`${origin}/`);
    await mapIdle(page, timeoutMs);
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-scale').selectOption('2');
    await page.getByTestId('export-preview').waitFor({ timeout: timeoutMs });
    const once = async () => {
      const answer = await timedDownload(page, '[data-testid="export-download"]');
      expectSize(answer);
      return answer.ms;
    };
    return { firstMs: await once(), againMs: await once() };
  } finally {
    await page.close();
  }
}

/**
 * Our export with nothing prepared: `dist/snapshot.html` (the page of the snapshot CLI, no map on
 * screen), `window.__khojalyExport`, which runs `exportSnapshot` as the dialog does and hands the
 * file back as base64. Timed in the page from the call to the answer. Reported, not budgeted.
 */
export async function coldExport(browser: Browser, origin: string, timeoutMs = 180_000): Promise<ExportPair> {
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
      expectSize(answer);
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
