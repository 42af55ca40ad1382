import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.pmtiles': 'application/octet-stream'
};

/** Answers some paths itself; returns true when it did. */
export type Handler = (path: string, res: ServerResponse) => boolean;

/**
 * Serves folders on a free port of 127.0.0.1, each under a URL prefix (`{ '/': 'dist' }`, or
 * `{ '/khojaly/': 'dist' }` as a site deployed in a subfolder), with HTTP range requests (PMTiles
 * needs them). Used by the benchmarks, the snapshot CLI and the deployment test. With
 * `{ ranges: false }` it ignores `Range` and always sends the whole file, as some hosts do.
 */
export function serveStatic(
  mounts: Record<string, string>,
  handle?: Handler,
  { ranges = true }: { ranges?: boolean } = {}
): Promise<{ server: Server; origin: string }> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (handle?.(url, res)) return;
    const prefix = prefixes.find((p) => url.startsWith(p));
    if (prefix === undefined) return void res.writeHead(404).end();
    const relative = normalize(`/${url.slice(prefix.length)}`).replace(/^(\.\.[/\\])+/, '');
    const file = join(mounts[prefix]!, relative.endsWith('/') ? `${relative}index.html` : relative);
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    const size = statSync(file).size;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const range = ranges ? /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '') : null;
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
      res.writeHead(206, { 'content-type': type, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}`, 'accept-ranges': 'bytes' });
      return void createReadStream(file, { start, end }).pipe(res);
    }
    res.writeHead(200, { 'content-type': type, 'content-length': size, ...(ranges ? { 'accept-ranges': 'bytes' } : {}) });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }))
  );
}
