import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './chromium';
import { serveStatic } from './static-server';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const jsonAt = process.argv.indexOf('--json');
const JSON_OUT = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined;

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const BASELINE = `<!doctype html><html><head><link rel="stylesheet" href="/__maplibre/maplibre-gl.css"></head>
<body style="margin:0"><div id="map" style="width:100vw;height:100vh"></div><script type="module">
import * as maplibregl from '/__maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/__maplibre/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#d5e3ec' } }] }, center: [47.5, 40.1], zoom: 6.5 });
window.__map = map;
</script></body></html>`;


/** The page's map, as the app and the baseline expose it for measurement. */
type WithMap = { __map?: any };

/** Milliseconds from navigation to the map's first `idle`. */
async function timeToIdle(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const start = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => (window as WithMap).__map !== undefined, null, { timeout: 30_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as WithMap).__map;
        if (map.loaded() && map.areTilesLoaded()) resolve();
        else map.once('idle', () => resolve());
      })
  );
  const elapsed = Date.now() - start;
  const drawn = await page.evaluate(() => {
    const map = (window as WithMap).__map;
    const layers = ['basemap-land', 'bg'].filter((id: string) => map.getLayer(id));
    return map.queryRenderedFeatures({ layers }).length > 0 || layers.includes('bg');
  });
  await page.close();
  if (!drawn) throw new Error(`${url}: the map went idle without drawing its basemap; the timing would be meaningless`);
  return elapsed;
}

/** Bytes of every response of a page's first view up to the map's idle, each gzipped as a server would send it. */
async function transferOf(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const bodies: Promise<number>[] = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => gzipSync(b).length, () => 0)));
  await page.goto(url);
  await page.waitForFunction(() => (window as WithMap).__map !== undefined, null, { timeout: 30_000 });
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = (window as WithMap).__map;
    if (map.loaded() && map.areTilesLoaded()) resolve();
    else map.once('idle', () => resolve());
  }));
  const total = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await page.close();
  return total;
}

/** The machine the bench ran on, for the README. */
function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { server, origin: base } = await serveStatic({ '/': DIST, '/__maplibre/': join(ROOT, 'node_modules/maplibre-gl/dist') }, (path, res) => {
  if (path !== '/__baseline.html') return false;
  res.writeHead(200, { 'content-type': 'text/html' }).end(BASELINE);
  return true;
});
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const pages: [string, string][] = [
  ['bare MapLibre map (baseline)', '/__baseline.html'],
  ['app, default view', '/'],
  ['app, PMTiles basemap', '/#basemap=pmtiles'],
  ['app, a place selected', '/#place=khojaly']
];
if (existsSync(join(DIST, 'embed.html'))) pages.push(['embed, default view', '/embed.html']);
const times: Record<string, number[]> = Object.fromEntries(pages.map(([name]) => [name, []]));
const firstViewTransfer = await transferOf(browser, `${base}/`);
for (let run = 0; run < RUNS; run++) {
  for (const [name, path] of pages) times[name]!.push(await timeToIdle(browser, base + path));
}
await browser.close();
server.close();

const baseline = median(times[pages[0]![0]]!);
console.log(`\nTime to a drawn map (median of ${RUNS} interleaved runs; ratio to the baseline of this run; spread min–max)`);
for (const [name] of pages) {
  const xs = times[name]!;
  const m = median(xs);
  console.log(`  ${name.padEnd(32)} ${String(m).padStart(6)} ms   ×${(m / baseline).toFixed(2)}   ${Math.min(...xs)}–${Math.max(...xs)} ms`);
}

const gz = (file: string) => gzipSync(readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist', file))).length;
const maplibreGzip = ['maplibre-gl.mjs', 'maplibre-gl-shared.mjs', 'maplibre-gl-worker.mjs'].filter((f) => existsSync(join(ROOT, 'node_modules/maplibre-gl/dist', f))).reduce((sum, f) => sum + gz(f), 0);
const transfer = firstViewTransfer;
const idle = {
  emptyMs: baseline,
  appMs: median(times['app, default view']!),
  embedMs: times['embed, default view'] ? median(times['embed, default view']!) : null,
  ratio: median(times['app, default view']!) / baseline,
  embedRatio: times['embed, default view'] ? median(times['embed, default view']!) / baseline : null,
  runs: times
};
const result = { machine: machine(), runs: RUNS, firstView: { transferGzipBytes: transfer }, maplibre: { gzipBytes: maplibreGzip }, idle };
console.log(`\nFirst view transfer (every response, gzipped): ${(transfer / 1024).toFixed(0)} KB; MapLibre main + worker gzipped: ${(maplibreGzip / 1024).toFixed(0)} KB (×${(transfer / maplibreGzip).toFixed(2)})`);

const budgets: [string, number | null, number][] = [
  ['firstView.transferGzipBytes / maplibre.gzipBytes', transfer / maplibreGzip, 1.4],
  ['idle.ratio (app / empty MapLibre map)', idle.ratio, 3.0],
  ['idle.embedMs / idle.emptyMs', idle.embedRatio, 2.5]
];
const broken = budgets.filter(([, value, limit]) => value === null || value > limit);
console.log('\nBudgets');
for (const [name, value, limit] of budgets) console.log(`  ${value !== null && value <= limit ? 'met   ' : 'BROKEN'} ${name}: ${value?.toFixed(2) ?? 'not measured'} (≤ ${limit})`);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ ...result, budgets: budgets.map(([name, value, limit]) => ({ name, value, limit, met: value !== null && value <= limit })) }, null, 2));

console.log('\nInitial JavaScript per page');
await import(join(ROOT, 'scripts/measure-bundles.mjs'));
if (broken.length > 0) {
  console.error(`\nBudget broken: ${broken.map(([name]) => name).join('; ')}`);
  process.exitCode = 1;
}
