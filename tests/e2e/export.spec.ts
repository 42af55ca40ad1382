import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { LAYER_IDS } from '../../src/lib/data/types';
import { loadModel } from '../../src/lib/data/load';
import { readGeodata } from '../../src/lib/data/read-files';
import { exportGeoJson, splitByLayer } from '../../src/lib/export/data';
import { storyCamera } from '../../src/lib/export/frame';
import { projector } from '../../src/lib/export/mercator';
import type { SnapshotAnswer, SnapshotOptions } from '../../src/lib/export/snapshot-page';
import { STORY_COLORS } from '../../src/lib/map/symbols';
import { openApp, pixelAt } from './helpers';
import { shippedModel } from '../support/model';

const model = shippedModel();
const point = (id: string) => (model.places.find((p) => p.id === id)!.geometry as unknown as { coordinates: [number, number] }).coordinates;
const BASE = { permalinkBase: 'https://example.org/khojaly-map/' };

async function snapshot(page: Page, options: Partial<SnapshotOptions>): Promise<Extract<SnapshotAnswer, { ok: true }> & { bytes: Buffer }> {
  const answer = await rawSnapshot(page, options);
  if (!answer.ok) throw new Error(answer.error);
  return { ...answer, bytes: Buffer.from(answer.base64, 'base64') };
}

async function rawSnapshot(page: Page, options: Partial<SnapshotOptions>): Promise<SnapshotAnswer> {
  if (!page.url().endsWith('/snapshot.html')) {
    await page.goto('/snapshot.html');
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
  }
  return page.evaluate((o) => (window as any).__khojalyExport(o), { format: 'png', ...BASE, ...options });
}

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const hex = (c: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
const near = (a: number[], b: number[], tolerance = 40) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

test('a 2× PNG has exactly twice the pixels of a 1× PNG in each direction', async ({ page }) => {
  const one = await snapshot(page, { preset: 'social-wide', scale: 1 });
  const two = await snapshot(page, { preset: 'social-wide', scale: 2 });
  expect(pngSize(one.bytes)).toEqual({ width: 1200, height: 675 });
  expect(pngSize(two.bytes)).toEqual({ width: 2400, height: 1350 });
});

test('story symbols are drawn at their projected positions', async ({ page }) => {
  for (const [id, layers, color, scale] of [
    ['mothers-cry', ['baku-monument'], STORY_COLORS.monument, 2],
    ['khankendi', ['khankendi'], STORY_COLORS.town, 1]
  ] as const) {
    const [lng, lat] = point(id);
    const out = await snapshot(page, { preset: 'social-wide', scale, view: `13/${lat}/${lng}`, layers: [...layers] });
    const m = out.map as { x: number; y: number; w: number; h: number; center: [number, number]; zoom: number };
    const [px, py] = projector({ center: m.center, zoom: m.zoom, width: m.w, height: m.h })([lng, lat]);
    const at = await pixelAt(page, out.bytes, (m.x + px) * scale, (m.y + py) * scale);
    expect(near(at, hex(color)), `${id}: pixel ${at} should be ${color}`).toBe(true);
    const off = await pixelAt(page, out.bytes, (m.x + px + 40) * scale, (m.y + py + 40) * scale);
    expect(near(off, hex(color), 20)).toBe(false);
  }
});

test('a PNG repeated after another export in the kept hidden map has the pixels of the first, drawn by a new map', async ({ page }) => {
  const request = { preset: 'social-wide', scale: 1, place: 'khojaly' } as const;
  const first = await snapshot(page, request);
  await snapshot(page, { preset: 'social-wide', scale: 1, event: 'flag-2023' });
  const again = await snapshot(page, request);
  expect(again.bytes.equals(first.bytes)).toBe(true);
});

test('a PNG after exports of another size, scale and theme in the kept hidden map has the bytes of the same PNG from a new map', async ({ page }) => {
  test.setTimeout(180_000);
  const request = { preset: 'social-wide', scale: 1 } as const;
  const fresh = await snapshot(page, request);
  await snapshot(page, { preset: 'social-square', scale: 2 });
  expect((await snapshot(page, request)).bytes.equals(fresh.bytes), 'after another size and scale').toBe(true);
  await snapshot(page, { preset: 'social-wide', scale: 1, theme: 'dark' });
  expect((await snapshot(page, request)).bytes.equals(fresh.bytes), 'after another theme').toBe(true);
});

test('the burned-in source list is the sources of the places in view', async ({ page }) => {
  const cited = (ids: string[]) => model.sources.filter((s) => model.places.some((p) => ids.includes(p.id) && p.citations.some((c) => c.source === s.id))).map((s) => s.id);
  const [lng, lat] = point('mothers-cry');
  const baku = await snapshot(page, { view: `14/${lat}/${lng}` });
  expect(baku.sources.map((s: any) => s.id)).toEqual(cited(['mothers-cry']));
  const karabakh = await snapshot(page, { view: '9/39.9/46.85' });
  const inView = model.places.filter((p) => p.geometry.type !== 'Point' || (Math.abs(point(p.id)[0] - 46.85) < 0.8 && Math.abs(point(p.id)[1] - 39.9) < 0.4)).map((p) => p.id);
  expect(karabakh.sources.map((s: any) => s.id)).toEqual(cited(inView));
  for (const s of model.sources.filter((s) => karabakh.sources.some((k: any) => k.id === s.id))) {
    expect(karabakh.texts.join(' ')).toContain(s.title ?? 'Title unknown');
  }
});

test('the SVG parses and holds place names and source titles as text', async ({ page }) => {
  const out = await snapshot(page, { format: 'svg', view: '9/39.9/46.85' });
  const svg = out.bytes.toString('utf8');
  const texts = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return null;
    return [...doc.querySelectorAll('#labels text, #frame text, #frame-over-map text')].map((t) => t.textContent ?? '');
  }, svg);
  expect(texts).not.toBeNull();
  const all = texts!.join(' ');
  for (const name of ['Khojaly', 'Khankendi', 'Aghdam', 'Xocalı']) expect(all).toContain(name);
  expect(all).toContain(model.sources.find((s) => s.title)!.title!);
  expect(svg).toMatch(/<g data-layer="basemap-land"><path d="M/);
  expect(svg).not.toMatch(/<image/);
});

test('the PDF has the title and source titles as text and the permalink in its metadata', async ({ page }) => {
  const out = await snapshot(page, { format: 'pdf', view: '9/39.9/46.85', title: 'Xocalı export test' });
  expect(out.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(out.bytes), useSystemFonts: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  const text = content.items.map((i: any) => i.str).join(' ');
  expect(text).toContain('Xocalı export test');
  expect(text).toContain(model.sources.find((s) => s.title)!.title!);
  expect(text).toContain('Khojaly');
  const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string> };
  expect(info.Title).toBe('Xocalı export test');
  expect(info.Subject).toContain('https://example.org/khojaly-map/#view=9/39.9/46.85');
  expect(info.Keywords).toContain(model.sources.find((s) => s.title)!.title!);
});

test('a PDF with a numbered place and river names has no infinite character spacing (which breaks the page in poppler) and keeps its text', async ({ page }) => {
  const out = await snapshot(page, { format: 'pdf', view: '7.6/40.1/47.6', preset: 'a4-landscape' });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(out.bytes), useSystemFonts: false }).promise;
  const operators = await (await doc.getPage(1)).getOperatorList();
  const spacing = operators.fnArray.flatMap((fn: number, i: number) => (fn === pdfjs.OPS.setCharSpacing ? [operators.argsArray[i][0] as number] : []));
  expect(spacing.every((s: number) => Number.isFinite(s))).toBe(true);
  const text = (await (await doc.getPage(1)).getTextContent()).items.map((i: any) => i.str).join(' ');
  for (const name of ['NUMBERED PLACES', 'Kura', 'Aras', model.sources.find((s) => s.title)!.title!]) expect(text).toContain(name);
});

test('the GeoJSON export validates with the loader and round-trips; annotations are W3C JSON-LD', async ({ page }) => {
  const out = await snapshot(page, { format: 'geojson', layers: [...LAYER_IDS] });
  const exported = JSON.parse(out.bytes.toString('utf8'));
  expect(exported).toEqual(JSON.parse(JSON.stringify(exportGeoJson(model, LAYER_IDS, { permalink: exported.permalink, attribution: exported.attribution }))));
  const { layers: _, ...rest } = readGeodata('geodata');
  const again = loadModel(splitByLayer(exported, rest, LAYER_IDS));
  expect(again.ok && again.model.places.length).toBe(model.places.length);
  const annotations = JSON.parse((await snapshot(page, { format: 'annotations' })).bytes.toString('utf8'));
  expect(annotations['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
  expect(annotations.first.items[0].target.selector.map((s: any) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
});

test('impossible exports are refused with the reason, never cropped', async ({ page }) => {
  const place = await rawSnapshot(page, { place: 'atlantis' });
  expect(place).toMatchObject({ ok: false, error: expect.stringContaining('unknown place "atlantis"') });
  const event = await rawSnapshot(page, { event: 'atlantis-founded' });
  expect(event).toMatchObject({ ok: false, error: expect.stringContaining('unknown event "atlantis-founded"') });
  const huge = await rawSnapshot(page, { width: 12000, height: 9000, scale: 4 });
  expect(huge).toMatchObject({ ok: false, error: expect.stringMatching(/limit of \d+ px|canvas limit/) });
});

test('the export dialog opens from the toolbar, downloads a PNG and closes with Escape', async ({ page }) => {
  const seen = await openApp(page, 'place=khojaly');
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-subtitle')).toHaveValue('Khojaly');
  await expect(page.getByTestId('export-preview')).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  expect(download.suggestedFilename()).toBe('khojaly-map-khojaly.png');
  expect(pngSize(readFileSync((await download.path())!))).toEqual({ width: 1200, height: 675 });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('export-button')).toBeFocused();
  expect(seen.errors).toEqual([]);
});

test('export code is not in the initial JavaScript of the app or the embed', async () => {
  for (const html of ['index.html', 'embed.html'].filter((f) => existsSync(join('dist', f)))) {
    const page = readFileSync(join('dist', html), 'utf8');
    const chunks = [...page.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(chunks.length, html).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const code = readFileSync(join('dist', chunk), 'utf8');
      for (const marker of ['Sources of the places shown', 'urn:khojaly-map:annotation', 'svg2pdf', 'jsPDF']) {
        expect(code.includes(marker), `${html} loads ${chunk}, which contains "${marker}"`).toBe(false);
      }
    }
  }
});

test.describe('snapshot CLI', () => {
  const run = promisify(execFile);
  const cli = (args: string[]) => run('npx', ['tsx', 'scripts/snapshot.ts', ...args], { timeout: 90_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string })
  );

  test('writes a PNG and exits 0', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'snap-')), 'a.png');
    const r = await cli(['--out', out, '--view', '9/39.9/46.85', '--width', '600', '--height', '400', '--scale', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(pngSize(readFileSync(out))).toEqual({ width: 1200, height: 800 });
  });

  test('names an unknown place and an unwritable path, exiting non-zero', async () => {
    const place = await cli(['--out', join(tmpdir(), 'x.png'), '--place', 'atlantis']);
    expect(place.code).not.toBe(0);
    expect(place.stderr).toContain('unknown place "atlantis"');
    const path = await cli(['--out', '/nonexistent-dir/x.png']);
    expect(path.code).not.toBe(0);
    expect(path.stderr).toContain('cannot write /nonexistent-dir/x.png');
  });
});

test('a raster export draws the basemap chosen on screen, credits it and links to it', async ({ page }) => {
  const archiveRequests: string[] = [];
  page.on('request', (r) => r.url().endsWith('.pmtiles') && archiveRequests.push(r.url()));
  await page.goto('/snapshot.html');
  await page.locator('body[data-ready="true"]').waitFor();
  const answer = (await page.evaluate(
    (o) => (window as any).__khojalyExport(o),
    { format: 'png', width: 600, height: 400, view: '8/40.2/47.2', basemap: 'pmtiles', permalinkBase: 'https://maps.example.org/' }
  )) as SnapshotAnswer;
  expect(answer.ok).toBe(true);
  if (!answer.ok) return;
  expect(answer.texts.join(' ')).toContain('basemap=pmtiles');
  expect(archiveRequests.length).toBeGreaterThan(0);
  const unknown = (await page.evaluate(
    (o) => (window as any).__khojalyExport(o),
    { format: 'png', width: 600, height: 400, basemap: 'somewhere', permalinkBase: 'https://maps.example.org/' }
  )) as SnapshotAnswer;
  expect(unknown).toEqual({ ok: false, error: 'unknown basemap "somewhere"; configured basemaps: offline, pmtiles' });
});

test('a title with markup is written as text in the SVG and never run while making the PDF', async ({ page }) => {
  const title = '<img src=x onerror="window.__ran=1"> & <script>window.__ran=2</script>';
  const svg = await snapshot(page, { format: 'svg', width: 800, height: 500, title });
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('&lt;img src=x onerror=');
  expect(text).not.toContain('<script>');
  await snapshot(page, { format: 'pdf', width: 800, height: 500, title });
  expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
});

test('the SVG labels Khojaly at the default extent and the monument in the Baku inset', async ({ page }) => {
  const svg = (await snapshot(page, { format: 'svg', width: 1123, height: 794, preset: 'custom' })).bytes.toString('utf8');
  expect(svg).toMatch(/<text class="label story-label" data-layer="story-labels-primary" data-place-id="khojaly"[^>]*><tspan[^>]*>Khojaly<\/tspan>/);
  expect(svg).toMatch(/<g id="inset-baku"[\s\S]*data-place-id="mothers-cry"[\s\S]*<\/g>/);
});

for (const [width, height] of [
  [390, 844],
  [1280, 800]
] as const) {
  test(`the export's default frame is the screen's: at ${width} × ${height} the app's default camera is the one the export fits for a map of that size`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    const screen = await page.evaluate(() => {
      const map = (window as any).__map;
      const box = map.getContainer();
      return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() as number, width: box.clientWidth as number, height: box.clientHeight as number };
    });
    const fitted = storyCamera(model, screen.width, screen.height);
    expect(screen.zoom).toBeCloseTo(fitted.zoom, 6);
    expect(screen.center[0]).toBeCloseTo(fitted.center[0], 6);
    expect(screen.center[1]).toBeCloseTo(fitted.center[1], 6);
  });
}

/** RGB of several pixels of a PNG, decoded once. */
function pixelsAt(page: Page, png: Buffer, points: [number, number][]): Promise<[number, number, number][]> {
  return page.evaluate(
    async ({ b64, points }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const ctx = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height }).getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      return points.map(([x, y]) => {
        const at = (Math.round(y) * img.width + Math.round(x)) * 4;
        return [data[at]!, data[at + 1]!, data[at + 2]!] as [number, number, number];
      });
    },
    { b64: png.toString('base64'), points }
  );
}

test.describe('a selected timeline event', () => {
  const event = model.events.find((e) => e.id === 'flag-2023')!;

  test('a PNG rings each of its places as the SVG does (the colour and width of the screen style, see parity.test.ts)', async ({ page }) => {
    const svg = (await snapshot(page, { format: 'svg', preset: 'social-wide', event: event.id })).bytes.toString('utf8');
    const circle = svg.match(/<g data-layer="story-event-halo"><circle [^>]*>/)![0];
    const attr = (name: string) => circle.match(new RegExp(` ${name}="([^"]+)"`))![1]!;
    const radius = Number(attr('r')) + Number(attr('stroke-width')) / 2;
    const colour = attr('stroke').match(/\d+/g)!.map(Number);
    const ringed = async (options: Partial<SnapshotOptions>) => {
      const out = await snapshot(page, { preset: 'social-wide', scale: 1, ...options });
      const m = out.map as { x: number; y: number; w: number; h: number; center: [number, number]; zoom: number };
      const project = projector({ center: m.center, zoom: m.zoom, width: m.w, height: m.h });
      const counts: Record<string, number> = {};
      for (const id of event.places) {
        const [px, py] = project(point(id));
        const ring = Array.from({ length: 36 }, (_, i): [number, number] => [m.x + px + radius * Math.cos(i / 5.73), m.y + py + radius * Math.sin(i / 5.73)]);
        counts[id] = (await pixelsAt(page, out.bytes, ring)).filter((p) => near(p, colour, 30)).length;
      }
      return counts;
    };
    const withEvent = await ringed({ event: event.id });
    const without = await ringed({});
    for (const id of event.places) {
      expect(withEvent[id], `${id}: ring pixels of 36 with the event`).toBeGreaterThanOrEqual(9);
      expect(without[id], `${id}: ring pixels of 36 without it`).toBeLessThan(3);
    }
  });

  test('an SVG rings each of its places with an element naming the place', async ({ page }) => {
    const svg = (await snapshot(page, { format: 'svg', event: event.id })).bytes.toString('utf8');
    const rings = svg.match(/<g data-layer="story-event-halo">.*?<\/g>/)?.[0] ?? '';
    const ids = [...rings.matchAll(/<circle data-place-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual([...event.places].sort());
  });
});
