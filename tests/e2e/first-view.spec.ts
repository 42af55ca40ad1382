import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { serveStatic } from '../../scripts/static-server';
import { mapIdle, watch } from './helpers';
import { shippedModel } from '../support/model';

const model = shippedModel();

/** The page's HTML as the server sends it, before any script runs. */
async function servedHtml(request: import('@playwright/test').APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.ok()).toBe(true);
  return response.text();
}

/** Visible text of an HTML string: tags removed. */
function textOf(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => entities[name]!);
}

test('the served HTML of the app already holds the title and the list of places', async ({ request }) => {
  const html = await servedHtml(request, '/');
  expect(html).toContain('data-testid="place-list"');
  for (const place of model.places) expect(html).toContain(`data-place-id="${place.id}"`);
  expect(textOf(html)).toContain('Khojaly, February 1992 and after');
});

test('the served HTML of the app holds every source text: the first in the panel, the others for readers without scripts', async ({ request }) => {
  const text = textOf(await servedHtml(request, '/'));
  for (const source of model.sources) {
    const lines = readFileSync(`geodata/sources/${source.id}.txt`, 'utf8')
      .split('\n')
      .filter((l) => l.length > 80);
    for (const line of [lines[0]!, lines[lines.length - 1]!]) expect(text, source.id).toContain(line.slice(0, 60));
  }
});

test('the prerendered page works without a script: the places and the passages are readable', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('[data-testid="place-list"] [data-place-id="khojaly"]')).toBeVisible();
  await expect(page.locator('[data-testid="source-panel"] .text')).not.toBeEmpty();
  for (const source of model.sources.slice(1)) await expect(page.locator(`[data-source-id="${source.id}"] .text`)).toBeVisible();
  await context.close();
});

test('the app hydrates the prerendered page: a click on a place selects it', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/');
  await mapIdle(page);
  await page.locator('[data-place-id="khojaly"] button').click();
  await expect(page.locator('[data-testid="source-panel"] mark[aria-current="true"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="place-list"] [data-place-id="khojaly"]')).toHaveCount(1);
  expect(seen.errors).toEqual([]);
});

test('the default basemap is the PMTiles archive, read by range requests, with no request leaving the origin', async ({ page }) => {
  const ranges: number[] = [];
  const asked: string[] = [];
  const bytes: Promise<number>[] = [];
  page.on('response', (r) => {
    if (!r.url().endsWith('.pmtiles')) return;
    ranges.push(r.status());
    asked.push(r.request().headers().range ?? 'none');
    bytes.push(r.body().then((b) => b.length));
  });
  const seen = watch(page);
  await page.goto('/');
  await mapIdle(page);
  // The header and directory (the reader's first 16 KiB) and the few tiles in view, never the 1 MB file.
  expect((await Promise.all(bytes)).reduce((a, b) => a + b, 0)).toBeLessThan(48_000);
  // An overzoomed tile wanted by several children in view is read once.
  expect(asked.filter((range, i) => asked.indexOf(range) !== i)).toEqual([]);
  const sources = await page.evaluate(() => Object.keys((window as any).__map.getStyle().sources).filter((id: string) => id.startsWith('basemap-')));
  expect(sources.sort()).toEqual(['basemap-country-names', 'basemap-pmtiles', 'basemap-pmtiles-world']);
  expect(ranges.length).toBeGreaterThan(0);
  expect(ranges.every((status) => status === 206)).toBe(true);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('the first view loads the WOFF2 label fonts, and never the TrueType fonts the exports use', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (r) => /\.(woff2|ttf)$/.test(r.url()) && fonts.push(new URL(r.url()).pathname.replace(/^.*\//, '')));
  await page.goto('/');
  await mapIdle(page);
  await page.locator('[data-place-id="khojaly"] button').click();
  await mapIdle(page);
  expect(fonts.filter((f) => f.endsWith('.ttf'))).toEqual([]);
  expect([...new Set(fonts.map((f) => /^NotoSans-(Regular|Bold)/.exec(f)?.[0] ?? f))].sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
});

test.describe('on a server that ignores Range', () => {
  let server: Server;
  let site: string;

  test.beforeAll(async () => {
    const served = await serveStatic({ '/': 'dist' }, undefined, { ranges: false });
    server = served.server;
    site = served.origin;
  });

  test.afterAll(() => server.close());

  test('the default basemap falls back to the GeoJSON files with no visible error and no request leaving the origin', async ({ page }) => {
    const seen = watch(page);
    await page.goto(`${site}/`);
    await mapIdle(page);
    const state = await page.evaluate(() => {
      const map = (window as any).__map;
      return {
        sources: Object.keys(map.getStyle().sources).filter((id: string) => id.startsWith('basemap-')),
        land: map.queryRenderedFeatures({ layers: ['basemap-land'] }).length
      };
    });
    expect(state.sources).toContain('basemap-land');
    expect(state.sources).not.toContain('basemap-pmtiles');
    expect(state.land).toBeGreaterThan(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText('could not be loaded')).toHaveCount(0);
    expect(seen.external).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});

test('the served HTML of the app and the embed carries its own styles: the text is styled with no stylesheet request before the first paint', async ({
  browser,
  request
}) => {
  for (const path of ['/', '/embed.html'])
    expect((await servedHtml(request, path)).match(/<link[^>]*rel="stylesheet"(?![^>]*disabled)[^>]*>/g) ?? [], path).toEqual([]);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const css: string[] = [];
  page.on('request', (r) => void (r.resourceType() === 'stylesheet' && css.push(r.url())));
  await page.goto('/');
  await expect(page.locator('[data-testid="place-list"]')).toHaveCSS('list-style-type', 'none');
  expect(css).toEqual([]);
  await context.close();
});
