import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(process.cwd(), 'dist');
const PAGES = ['index.html', 'embed.html'];

/** Static import specifiers of an ES module (`import … from "x"`, `import "x"`, `export … from "x"`). */
function staticImports(code) {
  const specs = new Set();
  const re = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(re)) specs.add(match[1]);
  return [...specs];
}

/** Absolute file paths of the HTML page's initial modules, in dist/. */
function entries(page) {
  const html = readFileSync(join(DIST, page), 'utf8');
  const urls = [
    ...[...html.matchAll(/<script\b[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1])
  ];
  return urls.map((url) => join(DIST, url.replace(/^\//, '')));
}

/** The initial JavaScript files of a page and their sizes. */
export function measurePage(page) {
  const seen = new Set();
  const queue = entries(page);
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        queue.push(spec.startsWith('/') ? join(DIST, spec) : join(dirname(file), spec));
      }
    }
  }
  const files = [...seen].map((file) => {
    const bytes = readFileSync(file);
    return { file: relative(DIST, file).split('\\').join(posix.sep), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { page, files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/ is missing: run `npx vite build` first.');
  process.exitCode = 1;
} else {
  const results = PAGES.filter((p) => existsSync(join(DIST, p))).map(measurePage);
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else {
    console.log(`  ${'page'.padEnd(12)} ${'files'.padStart(5)} ${'raw'.padStart(12)} ${'gzip'.padStart(12)}`);
    for (const r of results) console.log(`  ${r.page.padEnd(12)} ${String(r.files.length).padStart(5)} ${kb(r.raw).padStart(12)} ${kb(r.gzip).padStart(12)}`);
    if (process.argv.includes('--files')) {
      for (const r of results) for (const f of r.files) console.log(`    ${r.page.padEnd(12)} ${f.file.padEnd(44)} ${kb(f.raw).padStart(12)} ${kb(f.gzip).padStart(12)}`);
    }
  }
}
