import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.pmtiles': 'application/octet-stream'
};

/** Answers some paths itself; returns true when it did. */
export type Handler = (path: string, res: ServerResponse) => boolean;

/** The decoded path of a request URL, or null when its percent-escapes are malformed or it holds a NUL. */
function decodedPath(url: string | undefined): string | null {
  try {
    const path = decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

/**
 * The byte range asked for, against a file of `size` bytes: `null` for none (or a header this server
 * does not honour, such as several ranges: the whole file is sent), `'unsatisfiable'` for a range that
 * lies outside the file (RFC 9110 §14.1.2).
 */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function serveFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  const size = statSync(file).size;
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const range = byteRange(req.headers.range, size);
  if (range === 'unsatisfiable') return void res.writeHead(416, { 'content-range': `bytes */${size}`, 'accept-ranges': 'bytes' }).end();
  const head = req.method === 'HEAD';
  if (range) {
    const { start, end } = range;
    res.writeHead(206, { 'content-type': type, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}`, 'accept-ranges': 'bytes' });
    return void (head ? res.end() : createReadStream(file, { start, end }).pipe(res));
  }
  res.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes' });
  if (head) res.end();
  else createReadStream(file).pipe(res);
}

/**
 * Serves folders on a free port of 127.0.0.1, each under a URL prefix (`{ '/': 'dist' }`, or
 * `{ '/khojaly/': 'dist' }` as a site deployed in a subfolder), with HTTP range requests (PMTiles
 * needs them). Answers 400 to a malformed escape, 403 to a path outside its folders, 405 to methods
 * other than GET and HEAD, 416 to a range outside the file. Used by the benchmarks, the snapshot CLI
 * and the deployment test.
 */
export function serveStatic(mounts: Record<string, string>, handle?: Handler): Promise<{ server: Server; origin: string }> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    const url = decodedPath(req.url);
    if (url === null) return void res.writeHead(400).end();
    if (handle?.(url, res)) return;
    const prefix = prefixes.find((p) => url.startsWith(p));
    if (prefix === undefined) return void res.writeHead(404).end();
    const root = resolve(mounts[prefix]!);
    const relative = url.slice(prefix.length);
    const file = resolve(join(root, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative));
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    serveFile(req, res, file);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }))
  );
}
