import { access, constants, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { controlCharacter } from '../src/lib/data/hardening';
import type { SnapshotAnswer, SnapshotOptions } from '../src/lib/export/snapshot-page';
import { serveStatic } from './static-server';

const USAGE = `Usage: npm run snapshot -- --out <file> [--format png|jpeg|svg|pdf|geojson|annotations]
  [--size social-wide|social-square|a4-portrait|a4-landscape|letter-portrait|letter-landscape|custom]
  [--width W --height H] [--scale S | --dpi D] [--view zoom/lat/lng] [--layers a,b] [--place id]
  [--title "..."] [--subtitle "..."] [--theme light|dark] [--basemap id] [--base-url https://.../]`;


class UsageError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`snapshot: ${message}\n`);
  process.exit(code);
}

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, not "${value}"`);
  return n;
}

function options(): { out: string; page: SnapshotOptions } {
  const { values } = parseArgs({
    options: Object.fromEntries(
      ['out', 'format', 'size', 'width', 'height', 'scale', 'dpi', 'view', 'layers', 'place', 'title', 'subtitle', 'theme', 'basemap', 'base-url'].map((k) => [k, { type: 'string' as const }])
    ),
    strict: true
  });
  if (!values.out) throw new UsageError('--out <file> is required');
  const out = resolve(values.out);
  const format = (values.format ?? (extname(out).slice(1).replace('jpg', 'jpeg') || 'png')) as SnapshotOptions['format'];
  if (!['png', 'jpeg', 'svg', 'pdf', 'geojson', 'annotations'].includes(format)) throw new UsageError(`unknown --format "${format}"`);
  if (values.scale && values.dpi) throw new UsageError('give --scale or --dpi, not both');
  if ((values.width === undefined) !== (values.height === undefined)) throw new UsageError('give --width and --height together');
  if (values.theme && !['light', 'dark'].includes(values.theme)) throw new UsageError('--theme must be light or dark');
  for (const name of ['title', 'subtitle', 'base-url'] as const) {
    const bad = values[name] === undefined ? null : controlCharacter(values[name]);
    if (bad) throw new UsageError(`--${name} contains the control character ${bad}: remove it (exports cannot draw it)`);
  }
  return {
    out,
    page: {
      format,
      preset: values.size as SnapshotOptions['preset'],
      width: number('width', values.width),
      height: number('height', values.height),
      scale: number('scale', values.scale),
      dpi: number('dpi', values.dpi),
      view: values.view,
      layers: values.layers?.split(',').filter(Boolean),
      place: values.place,
      title: values.title,
      subtitle: values.subtitle,
      theme: values.theme as SnapshotOptions['theme'],
      basemap: values.basemap,
      permalinkBase: values['base-url'] ?? process.env.KHOJALY_MAP_URL ?? 'index.html'
    }
  };
}

async function checkWritable(file: string): Promise<void> {
  const dir = dirname(file);
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error();
    await access(dir, constants.W_OK);
    if (existsSync(file)) await access(file, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${file}: its folder ${dir} does not exist or is not writable`);
  }
}


/** The sources a data export lists (GeoJSON: its `sources`; annotations: each target's stored text and publisher page). */
function dataSources(format: SnapshotOptions['format'], bytes: Buffer): string[] {
  if (format !== 'geojson' && format !== 'annotations') return [];
  const json = JSON.parse(bytes.toString('utf8'));
  if (format === 'geojson') return (json.sources as { label: string; url: string | null }[]).map((s) => `${s.label}${s.url ? ` ${s.url}` : ''}`);
  const targets = (json.first.items as { target: { source: { id: string }; scope?: string } }[]).map((a) => `${a.target.source.id}${a.target.scope ? ` (${a.target.scope})` : ''}`);
  return [...new Set(targets)];
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof options>;
  try {
    parsed = options();
    await checkWritable(parsed.out);
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  const dist = resolve('dist');
  if (!existsSync(join(dist, 'snapshot.html'))) fail('dist/snapshot.html is missing: run npm run build first', 2);
  const { server, origin } = await serveStatic({ '/': dist });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking', '--no-first-run']
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/snapshot.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 30_000 });
    const answer = (await page.evaluate((o) => (window as any).__khojalyExport(o), parsed.page)) as SnapshotAnswer;
    if (!answer.ok) fail(answer.error, 1);
    const bytes = Buffer.from(answer.base64, 'base64');
    await writeFile(parsed.out, bytes);
    const size = answer.width ? ` ${answer.width} × ${answer.height}` : '';
    const listed = [...answer.sources.map((s) => `[${s.n}] ${s.text}`), ...dataSources(parsed.page.format, bytes)];
    process.stdout.write(`wrote ${parsed.out} (${answer.mime}${size}); sources: ${listed.join('; ') || 'none'}\n`);
    if (errors.length > 0) process.stderr.write(`page errors: ${errors.join('; ')}\n`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e), 1));
