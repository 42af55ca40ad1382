import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { readGeodata } from '../../src/lib/data/read-files';
import { CHROMIUM_LAUNCH } from '../chromium';
import { loadGeodataModel } from '../model-plugin';
import { serveStatic } from '../static-server';
import { benchBuilt, BENCH_DATA, BENCH_DIST, buildBench, writeDataSet } from './build';
import { checkBudgets, met, type Budget } from './budgets';
import { coldExport, oursExport, peerExport, type ExportPair } from './export';
import { appMapBox, timeToIdle, transferOf } from './map-page';
import { makeSets, scaleRun, validationMs, type MadeSet } from './scale';
import type { PanSample } from './pan';
import { listedPlaces, repaintMs, selectLatency, type SelectSample } from './select';
import { hundredth, machine, median, percentile, spread, tenth } from './stats';
import { ms, printTable, ratio } from './table';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
/** Interleaved runs: 5 by default; fewer (`BENCH_RUNS=1`) only to try the bench out, which it then says. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const JSON_OUT = argument('--json');
/** `--only idle,select,export,scale`: run some sections (idle includes select; the default is all). */
const ONLY = new Set((argument('--only') ?? 'idle,export,scale').split(','));
const SECTIONS = { idle: ONLY.has('idle') || ONLY.has('select'), export: ONLY.has('export'), scale: ONLY.has('scale') };
/** `--reuse-build`: keep `.bench/dist` from an earlier run instead of building it again. */
const REUSE = process.argv.includes('--reuse-build');
/** Selections measured per page load: each place of the shipped list once; fewer at scale. */
const SCALE_SELECTIONS = 3;
const SCALE_TIMEOUT_MS = 300_000;

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

console.log(`Machine: ${machine()}`);
console.log(`Runs: ${RUNS}${RUNS < 5 ? ' (fewer than 5: a trial, not a bench result)' : ''}, interleaved; sections: ${Object.entries(SECTIONS).filter(([, on]) => on).map(([s]) => s).join(', ')}`);

if (!(REUSE && benchBuilt())) {
  console.log('Building the bench build (.bench/dist: the app reading its data at run time, the peer-export page and the map-only page)…');
  await buildBench();
}
const base = readGeodata(join(ROOT, 'geodata'));
writeDataSet('shipped', loadGeodataModel(join(ROOT, 'geodata')));
const made: MadeSet[] = SECTIONS.scale ? makeSets(base) : [];

const shipped = await serveStatic({ '/': DIST, '/__maplibre/': join(ROOT, 'node_modules/maplibre-gl/dist') }, (path, res) => {
  if (path !== '/__baseline.html') return false;
  res.writeHead(200, { 'content-type': 'text/html' }).end(BASELINE);
  return true;
});
const bench = await serveStatic({ '/': BENCH_DIST, '/bench-data/': BENCH_DATA });
const browser: Browser = await chromium.launch(CHROMIUM_LAUNCH);

/** The app's map box at the bench's viewport, for the page that draws the map alone at the same size. */
const mapBox = SECTIONS.idle ? await appMapBox(browser, `${shipped.origin}/`) : null;
/** Each page of the idle section: its name and URL (every one but the map alone from the shipped build). */
const pages: [string, string][] = [
  ['bare MapLibre map (baseline)', `${shipped.origin}/__baseline.html`],
  ['app, default view', `${shipped.origin}/`],
  ['app, offline GeoJSON basemap', `${shipped.origin}/#basemap=offline`],
  ['app, a place selected', `${shipped.origin}/#place=khojaly`],
  ['embed, default view', `${shipped.origin}/embed.html`],
  ["the app's map alone (same controller, style and box; no page)", `${bench.origin}/scripts/bench/map-only.html?data=shipped&w=${mapBox?.width}&h=${mapBox?.height}`]
];
const times: Record<string, number[]> = Object.fromEntries(pages.map(([name]) => [name, []]));
const selections: (SelectSample | null)[] = [];
/** One repaint of the app's map at rest, nothing changed: the floor under a selection's map frame. */
const repaints: number[] = [];
/** Repaints timed per run. */
const REPAINTS = 8;
const exports: { ours: ExportPair[]; peer: ExportPair[]; cold: ExportPair[] } = { ours: [], peer: [], cold: [] };
const scale = Object.fromEntries(made.map((m) => [m.set.name, { validateMs: [] as number[], idleMs: [] as (number | null)[], pans: [] as PanSample[], samples: [] as (SelectSample | null)[], errors: [] as string[] }]));

const firstViewTransfer = SECTIONS.idle ? await transferOf(browser, `${shipped.origin}/`) : null;
for (let run = 0; run < RUNS; run++) {
  console.log(`run ${run + 1} of ${RUNS}`);
  if (SECTIONS.idle) {
    for (const [name, path] of pages) {
      const select =
        name === 'app, default view'
          ? async (page: Page) => {
              selections.push(...(await selectLatency(page, await listedPlaces(page))));
              repaints.push(...(await repaintMs(page, REPAINTS)));
            }
          : undefined;
      times[name]!.push(await timeToIdle(browser, path, 60_000, select));
    }
  }
  if (SECTIONS.export) {
    exports.ours.push(await oursExport(browser, shipped.origin));
    exports.peer.push(await peerExport(browser, bench.origin));
    exports.cold.push(await coldExport(browser, shipped.origin));
  }
  for (const m of made) {
    const s = scale[m.set.name]!;
    s.validateMs.push(validationMs(m.files));
    const r = await scaleRun(browser, bench.origin, m, SCALE_SELECTIONS, SCALE_TIMEOUT_MS);
    s.idleMs.push(r.idleMs);
    if (r.pan) s.pans.push(r.pan);
    s.samples.push(...r.samples);
    if (r.error) s.errors.push(r.error);
  }
}
await browser.close();
shipped.server.close();
bench.server.close();

/** Median and p95 of the samples painted; null when any selection was never painted. */
function selectSummary(samples: readonly (SelectSample | null)[]) {
  const painted = samples.filter((s): s is SelectSample => s !== null);
  if (painted.length === 0 || painted.length < samples.length) return { medianMs: null, p95Ms: null, samples: samples.length, notPainted: samples.length - painted.length };
  const total = painted.map((s) => s.totalMs);
  return {
    medianMs: tenth(median(total)),
    p95Ms: tenth(percentile(total, 95)),
    nextFrameMedianMs: tenth(median(painted.map((s) => s.nextFrameMs))),
    passageMedianMs: tenth(median(painted.map((s) => s.passageMs))),
    mapMedianMs: tenth(median(painted.map((s) => s.mapMs))),
    spreadMs: spread(total).map(tenth),
    samples: samples.length,
    notPainted: 0
  };
}

/** The drags of a set: each move's time to the map's next frame (median, p95), the moves no frame followed, and the furthest the map ended from where a drag put it. */
function panSummary(pans: readonly PanSample[]) {
  const latencies = pans.flatMap((p) => p.latenciesMs);
  const drawn = latencies.filter((x) => Number.isFinite(x));
  if (drawn.length === 0) return { medianMs: null, p95Ms: null, offsetPx: null, notDrawn: null, drags: pans.length };
  return {
    medianMs: tenth(median(drawn)),
    p95Ms: tenth(percentile(drawn, 95)),
    offsetPx: tenth(Math.max(...pans.map((p) => p.offsetPx))),
    notDrawn: latencies.length - drawn.length,
    drags: pans.length
  };
}

const result: Record<string, unknown> = { machine: machine(), date: new Date().toISOString(), runs: RUNS };
const budgets: Budget[] = [];

const gz = (file: string) => gzipSync(readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist', file))).length;
const maplibreGzip = ['maplibre-gl.mjs', 'maplibre-gl-shared.mjs', 'maplibre-gl-worker.mjs'].filter((f) => existsSync(join(ROOT, 'node_modules/maplibre-gl/dist', f))).reduce((sum, f) => sum + gz(f), 0);
result.maplibre = { gzipBytes: maplibreGzip };

if (SECTIONS.idle) {
  const baseline = median(times[pages[0]![0]]!);
  printTable(
    `Time to a drawn map (median of ${RUNS} interleaved runs; ratio to the baseline of this run; spread min–max)`,
    ['page', 'median time to first `idle` (ms)', 'ratio to empty MapLibre', 'spread (ms)'],
    pages.map(([name]) => {
      const xs = times[name]!;
      return [name, ms(median(xs)), ratio(median(xs) / baseline), spread(xs).map(ms).join('–')];
    })
  );
  const appMs = median(times['app, default view']!);
  const embedMs = median(times['embed, default view']!);
  result.firstView = { transferGzipBytes: firstViewTransfer };
  const mapAloneMs = median(times[pages.at(-1)![0]]!);
  result.idle = {
    emptyMs: baseline,
    appMs,
    embedMs,
    ratio: hundredth(appMs / baseline),
    embedRatio: hundredth(embedMs / baseline),
    mapAloneMs,
    mapAloneRatio: hundredth(mapAloneMs / baseline),
    mapBox,
    runs: times
  };
  console.log(`\nThe app's map alone (${mapBox!.width} × ${mapBox!.height} px, no page around it): ×${(mapAloneMs / baseline).toFixed(2)} the empty map; the app takes ×${(appMs / mapAloneMs).toFixed(2)} the map alone, the embed ×${(embedMs / mapAloneMs).toFixed(2)}.`);
  console.log(`\nFirst view transfer (every response, gzipped): ${(firstViewTransfer! / 1024).toFixed(0)} KB; MapLibre main + shared + worker gzipped: ${(maplibreGzip / 1024).toFixed(0)} KB (×${(firstViewTransfer! / maplibreGzip).toFixed(2)})`);
  const select = { ...selectSummary(selections), repaintMedianMs: tenth(median(repaints)), repaintP95Ms: tenth(percentile(repaints, 95)) };
  result.select = select;
  console.log(`\nSelect (click in the place list → passage and map highlight painted), ${select.samples} selections: median ${ms(select.medianMs)} ms, p95 ${ms(select.p95Ms)} ms; next animation frame median ${ms(select.nextFrameMedianMs)} ms; passage alone median ${ms(select.passageMedianMs)} ms, map highlight alone median ${ms(select.mapMedianMs)} ms${select.notPainted ? `; ${select.notPainted} never painted` : ''}. The floor, one repaint of the same map at rest with nothing changed (${repaints.length} times): median ${ms(select.repaintMedianMs)} ms, p95 ${ms(select.repaintP95Ms)} ms`);
  budgets.push(
    { name: 'firstView.transferGzipBytes / maplibre.gzipBytes', value: firstViewTransfer! / maplibreGzip, limit: 1.4 },
    { name: 'idle.ratio (app / empty MapLibre map)', value: appMs / baseline, limit: 3.0 },
    { name: 'idle.embedMs / idle.emptyMs', value: embedMs / baseline, limit: 2.5 },
    { name: 'select.medianMs', value: select.medianMs, limit: 16 },
    { name: 'select.p95Ms', value: select.p95Ms, limit: 50 }
  );
}

if (SECTIONS.export) {
  const who = ['ours', 'peer', 'cold'] as const;
  const first = Object.fromEntries(who.map((w) => [w, median(exports[w].map((e) => e.firstMs))])) as Record<(typeof who)[number], number>;
  const again = Object.fromEntries(who.map((w) => [w, median(exports[w].map((e) => e.againMs))])) as Record<(typeof who)[number], number>;
  const names = {
    ours: 'ours, from the dialog (app idle, dialog open, preview shown; Download clicked)',
    peer: 'peer (`@watergis/maplibre-gl-export`, its map idle)',
    cold: 'ours, nothing prepared (`exportSnapshot` in dist/snapshot.html, no map on screen)'
  };
  printTable(
    'Export: PNG of the default view, 1200 × 675 at scale 2 (2400 × 1350 px); medians, spread min–max',
    ['export', 'first in the page (ms)', 'spread', 'again, same page (ms)', 'spread'],
    who.map((w) => [names[w], ms(first[w]), spread(exports[w].map((e) => e.firstMs)).map(ms).join('–'), ms(again[w]), spread(exports[w].map((e) => e.againMs)).map(ms).join('–')])
  );
  result.export = {
    oursMs: tenth(first.ours),
    peerMs: tenth(first.peer),
    ratio: hundredth(first.ours / first.peer),
    again: { oursMs: tenth(again.ours), peerMs: tenth(again.peer), ratio: hundredth(again.ours / again.peer) },
    cold: { firstMs: tenth(first.cold), againMs: tenth(again.cold), ratio: hundredth(first.cold / first.peer) },
    runs: exports
  };
  budgets.push({ name: 'export.ratio (ours / peer, first export in a page)', value: first.ours / first.peer, limit: 0.5 });
}

if (made.length > 0) {
  const sets = made.map((m) => {
    const s = scale[m.set.name]!;
    const idle = s.idleMs.filter((x): x is number => x !== null);
    const validateMs = median(s.validateMs);
    return {
      name: m.set.name,
      points: m.set.points,
      textFactor: m.set.textFactor,
      features: m.features,
      textChars: m.textChars,
      dataBytes: m.bytes,
      validateMs: tenth(validateMs),
      validateUsPerFeature: tenth((validateMs * 1000) / m.features),
      idleMs: idle.length === s.idleMs.length ? median(idle) : null,
      idleSpreadMs: idle.length > 0 ? spread(idle) : null,
      pan: panSummary(s.pans),
      select: selectSummary(s.samples),
      errors: s.errors
    };
  });
  const byName = (name: string) => sets.find((s) => s.name === name)!;
  printTable(
    'Scale (bench build, data fetched at run time; validation in Node with the one loader; medians)',
    ['data set', 'features', 'text chars', 'validation (ms)', 'µs / feature', 'time to idle (ms)', 'pan: move to frame, median / p95 (ms); furthest off (px)', 'select median / p95 (ms)'],
    sets.map((s) => [
      s.name,
      s.features,
      s.textChars,
      ms(s.validateMs),
      s.validateUsPerFeature,
      ms(s.idleMs),
      `${ms(s.pan.medianMs)} / ${ms(s.pan.p95Ms)}; ${s.pan.offsetPx ?? '–'}`,
      `${ms(s.select.medianMs)} / ${ms(s.select.p95Ms)}`
    ])
  );
  for (const s of sets) {
    if (s.errors.length > 0) console.log(`  ${s.name}: ${s.errors.join('; ')}`);
    if (s.select.notPainted > 0) console.log(`  ${s.name}: ${s.select.notPainted} of ${s.select.samples} selections not painted within 20 s`);
  }
  const k1 = byName('points-1k');
  const k100 = byName('points-100k');
  const idleRatio = k1.idleMs !== null && k100.idleMs !== null ? k100.idleMs / k1.idleMs : null;
  const perFeatureRatio = k100.validateUsPerFeature / k1.validateUsPerFeature;
  const panRatio = k1.pan.p95Ms !== null && k100.pan.p95Ms !== null ? k100.pan.p95Ms / k1.pan.p95Ms : null;
  result.scale = {
    sets,
    idleRatio100kTo1k: idleRatio === null ? null : hundredth(idleRatio),
    validationPerFeatureRatio100kTo1k: hundredth(perFeatureRatio),
    panP95Ratio100kTo1k: panRatio === null ? null : hundredth(panRatio)
  };
  budgets.push(
    { name: 'scale: time to idle at 100k / at 1k', value: idleRatio, limit: 3 },
    { name: 'scale: validation time per feature at 100k / at 1k (linear)', value: perFeatureRatio, limit: 2 },
    { name: 'scale: pan at 100k, pointer moves not drawn', value: k100.pan.notDrawn, limit: 0 },
    { name: 'scale: pan at 100k, furthest the map ended from where the drag put it (px)', value: k100.pan.offsetPx, limit: 1 },
    { name: 'scale: pan, move-to-frame p95 at 100k / at 1k', value: panRatio, limit: 1.5 }
  );
}

const broken = checkBudgets(budgets);
result.budgets = budgets.map((b) => ({ ...b, met: met(b) }));
if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(result, null, 2)}\n`);

console.log('\nInitial JavaScript per page');
await import(join(ROOT, 'scripts/measure-bundles.mjs'));
if (broken.length > 0) {
  console.error(`\nBudget broken: ${broken.map((b) => b.name).join('; ')}`);
  process.exitCode = 1;
}
