import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';
import { LAYER_IDS } from '../../src/lib/data/types';
import { activePassage, distinctColours, mapIdle, shippedModel, watch } from './helpers';

const model = shippedModel();
const places = model.places.map((p) => p.id);
const exacts = (id: string) => model.places.find((p) => p.id === id)!.citations.map((c) => c.exact);

/** The seed of the generated cases: a new one each day (replay a failure with FC_SEED=<seed>). */
const SEED = Number(process.env.FC_SEED ?? Math.floor(Date.now() / 86_400_000));

/** Strings that would show if the page ever used them as HTML or code. */
const INJECTIONS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><b data-pwned>x</b>',
  "'><script>window.__pwned=1;alert(1)</script>",
  'javascript:window.__pwned=1',
  '__proto__',
  'constructor',
  '%E0%A4%A',
  '\u0000\u0001',
  '\ud800'
];
const hostile = fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
};
const param = (keys: string[], values: fc.Arbitrary<string>) =>
  fc.tuple(fc.oneof(fc.constantFrom(...keys), hostile), fc.oneof(values, hostile), fc.boolean()).map(([k, v, raw]) => (raw ? `${k}=${v}` : `${encode(k)}=${encode(v)}`));

const hashValues = fc.oneof(
  fc.constantFrom(...places, ...LAYER_IDS, 'offline', 'pmtiles', '2', '9999'),
  fc.tuple(fc.double({ min: -30, max: 30 }), fc.double({ min: -100, max: 100 }), fc.double({ min: -200, max: 200 })).map((v) => v.join('/')),
  fc.subarray([...LAYER_IDS]).map((l) => l.join(','))
);
const hashes = fc.array(param(['view', 'layers', 'place', 'cite', 'basemap'], hashValues), { maxLength: 5 }).map((p) => p.join('&'));
const options = fc.array(param(['height', 'panel', 'static', 'theme', 'host'], fc.constantFrom('auto', '0', '1', '150', '480', '9999', 'dark', 'light', 'https://news.example', 'null')), { maxLength: 5 }).map((p) => p.join('&'));

/** Collects native dialogs (an `alert` would mean code from the URL ran). */
function dialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

/** Opens a URL: a full load every `every` cases (waiting for the map's canvas), else a same-document hash change. */
async function open(page: Page, i: number, every: number, url: string, hash: string): Promise<void> {
  if (i % every === 0) {
    await page.goto('about:blank');
    await page.goto(`${url}#${hash}`);
    await page.locator('[data-testid="map"][data-ready="true"] canvas').waitFor();
  } else {
    await page.evaluate((h) => (window.location.hash = h), hash);
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** What a hostile URL must not have done: injected an element or run code; and the map must be there. */
async function intact(page: Page): Promise<{ pwned: boolean; injected: number; map: boolean }> {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
    injected: document.querySelectorAll('[data-pwned], img[src="x"], script:not([src])').length,
    map: document.querySelector('[data-testid="map"][data-ready="true"] canvas') !== null
  }));
}

test.describe('generated hostile URLs', () => {
  test.setTimeout(600_000);
  test.beforeEach(() => test.info().annotations.push({ type: 'seed', description: String(SEED) }));

  test.use({ viewport: { width: 640, height: 480 } });

  test(`100 URL hashes of the full map: no error, dialog or injected element, and a drawn map`, async ({ page }) => {
    const seen = watch(page);
    const alerts = dialogs(page);
    const cases = fc.sample(hashes, { seed: SEED, numRuns: 100 });
    for (const [i, hash] of cases.entries()) {
      await open(page, i, 20, '/', hash);
      expect(await intact(page), `case ${i} #${hash} (seed ${SEED})`).toEqual({ pwned: false, injected: 0, map: true });
    }
    expect(seen.errors, `seed ${SEED}`).toEqual([]);
    expect(seen.external).toEqual([]);
    expect(alerts).toEqual([]);
  });

  test(`100 embeds with generated options and hashes: no error, dialog or injected element, and a drawn map`, async ({ page }) => {
    const seen = watch(page);
    const alerts = dialogs(page);
    const cases = fc.sample(fc.tuple(options, hashes), { seed: SEED + 1, numRuns: 100 });
    for (const [i, [query, hash]] of cases.entries()) {
      await open(page, i, 4, `/embed.html?${query}`, hash);
      expect(await intact(page), `case ${i} embed.html?${query}#${hash} (seed ${SEED})`).toEqual({ pwned: false, injected: 0, map: true });
    }
    expect(seen.errors, `seed ${SEED}`).toEqual([]);
    expect(seen.external).toEqual([]);
    expect(alerts).toEqual([]);
  });
});

/** Loses (or restores) the map's WebGL context the way a GPU reset does. */
const loseContext = (page: Page, lose: boolean) =>
  page.evaluate((l) => {
    const w = window as unknown as { __map: { getCanvas(): HTMLCanvasElement }; __lose?: { loseContext(): void; restoreContext(): void } };
    w.__lose ??= (w.__map.getCanvas().getContext('webgl2') as WebGL2RenderingContext).getExtension('WEBGL_lose_context')!;
    if (l) w.__lose.loseContext();
    else w.__lose.restoreContext();
  }, lose);

test('a lost WebGL context: the map says so, places and texts work, an image export fails visibly, the map comes back', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/#place=khankendi');
  await mapIdle(page);
  await loseContext(page, true);
  await expect(page.getByTestId('map-context-lost')).toContainText('The list of places and the source texts still work');
  await page.locator('[data-place-id="aghdam"] button').click();
  expect(exacts('aghdam')).toContain(await activePassage(page));
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-format').selectOption('png');
  await page.getByTestId('export-download').click();
  await expect(page.getByTestId('export-dialog').getByRole('alert')).toContainText('no image can be drawn now');
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  await loseContext(page, false);
  await expect(page.getByTestId('map-context-lost')).toHaveCount(0);
  await page.evaluate(() => (window as any).__map.jumpTo({ center: [46.9, 39.9], zoom: 9 }));
  await mapIdle(page);
  expect(await distinctColours(page, await page.getByTestId('map').screenshot())).toBeGreaterThan(20);
  expect(seen.errors).toEqual([]);
});

test('the snapshot CLI names the sources a GeoJSON export lists', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'snap-')), 'm.geojson');
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/snapshot.ts', '--out', out, '--layers', 'khojaly'], { timeout: 90_000 });
  expect(stdout).toContain('sources: ');
  expect(stdout).not.toContain('sources: none');
  for (const source of model.sources) expect(stdout).toContain(source.label);
});

test('a control character in an export title is stripped: the SVG is well-formed XML and the PDF draws its text', async ({ page }) => {
  await page.goto('/snapshot.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const exportWith = (format: string) =>
    page.evaluate((f) => (window as any).__khojalyExport({ format: f, width: 800, height: 500, title: 'Map\u0001 of\u001b Khojaly', permalinkBase: 'index.html' }), format);
  const svg = await exportWith('svg');
  const text = Buffer.from(svg.base64, 'base64').toString('utf8');
  const parsed = await page.evaluate((t) => new DOMParser().parseFromString(t, 'image/svg+xml').getElementsByTagName('parsererror').length, text);
  expect(parsed).toBe(0);
  expect(text).toContain('Map of Khojaly');
  const pdf = Buffer.from((await exportWith('pdf')).base64, 'base64');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  expect(content.items.map((item) => ('str' in item ? item.str : '')).join(' ')).toContain('Map of Khojaly');
});
