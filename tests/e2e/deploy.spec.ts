import { expect, test } from '@playwright/test';
import type { Server } from 'node:http';
import { serveStatic } from '../../scripts/static-server';
import { mapIdle, watch } from './helpers';

let server: Server;
let site: string;

test.beforeAll(async () => {
  const served = await serveStatic({ '/news/khojaly/': 'dist' });
  server = served.server;
  site = `${served.origin}/news/khojaly/`;
});

test.afterAll(() => server.close());

for (const [name, hash] of [
  ['the offline basemap', ''],
  ['the PMTiles basemap', '#basemap=pmtiles']
] as const) {
  test(`the built site works from a subfolder of any server, with ${name}`, async ({ page }) => {
    const seen = watch(page);
    const missing: string[] = [];
    page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
    await page.goto(`${site}${hash}`);
    await mapIdle(page);
    const land = await page.evaluate(() => (window as any).__map.queryRenderedFeatures({ layers: ['basemap-land'] }).length);
    expect(land).toBeGreaterThan(0);
    await page.locator('[data-place-id="khojaly"] button').click();
    await expect(page.locator('[data-testid="source-panel"] mark[aria-current="true"]')).toHaveCount(1);
    expect(missing).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.external).toEqual([]);
  });
}
