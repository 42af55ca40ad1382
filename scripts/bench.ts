import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './chromium';
import { serveStatic } from './static-server';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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
for (let run = 0; run < RUNS; run++) {
  for (const [name, path] of pages) times[name]!.push(await timeToIdle(browser, base + path));
}
await browser.close();
server.close();

const baseline = median(times[pages[0]![0]]!);
console.log(`\nTime to a drawn map (median of ${RUNS} interleaved runs; ratio to the baseline of this run)`);
for (const [name] of pages) {
  const m = median(times[name]!);
  console.log(`  ${name.padEnd(32)} ${String(m).padStart(6)} ms   ×${(m / baseline).toFixed(2)}`);
}

console.log('\nInitial JavaScript per page');
await import(join(ROOT, 'scripts/measure-bundles.mjs'));
