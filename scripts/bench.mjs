import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/json', '.ttf': 'font/ttf', '.pmtiles': 'application/octet-stream' };

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

function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/__baseline.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(BASELINE);
    const file = path.startsWith('/__maplibre/')
      ? join(ROOT, 'node_modules/maplibre-gl/dist', path.slice('/__maplibre/'.length))
      : join(DIST, normalize(path === '/' ? '/index.html' : path));
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    const size = statSync(file).size;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
      res.writeHead(206, { 'content-type': type, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}`, 'accept-ranges': 'bytes' });
      return void createReadStream(file, { start, end }).pipe(res);
    }
    res.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Milliseconds from navigation to the map's first `idle`. */
async function timeToIdle(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const start = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__map !== undefined, null, { timeout: 30_000 });
  await page.evaluate(() => new Promise((resolve) => {
    const map = window.__map;
    if (map.loaded() && map.areTilesLoaded()) resolve();
    else map.once('idle', resolve);
  }));
  const elapsed = Date.now() - start;
  const drawn = await page.evaluate(() => {
    const map = window.__map;
    const layers = ['basemap-land', 'bg'].filter((id) => map.getLayer(id));
    return map.queryRenderedFeatures({ layers }).length > 0 || layers.includes('bg');
  });
  await page.close();
  if (!drawn) throw new Error(`${url}: the map went idle without drawing its basemap; the timing would be meaningless`);
  return elapsed;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking', '--disable-component-update']
});
const pages = [
  ['bare MapLibre map (baseline)', '/__baseline.html'],
  ['app, default view', '/'],
  ['app, PMTiles basemap', '/#basemap=pmtiles'],
  ['app, a place selected', '/#place=khojaly']
];
if (existsSync(join(DIST, 'embed.html'))) pages.push(['embed, default view', '/embed.html']);
const times = Object.fromEntries(pages.map(([name]) => [name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, path] of pages) times[name].push(await timeToIdle(browser, base + path));
}
await browser.close();
server.close();

const baseline = median(times[pages[0][0]]);
console.log(`\nTime to a drawn map (median of ${RUNS} interleaved runs; ratio to the baseline of this run)`);
for (const [name] of pages) {
  const m = median(times[name]);
  console.log(`  ${name.padEnd(32)} ${String(m).padStart(6)} ms   ×${(m / baseline).toFixed(2)}`);
}

if (existsSync(join(ROOT, 'scripts/measure-bundles.mjs'))) {
  console.log('\nInitial JavaScript per page');
  await import('./measure-bundles.mjs');
}
