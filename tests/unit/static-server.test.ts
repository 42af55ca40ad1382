import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server';

let server: Server;
let port: number;

beforeAll(async () => {
  const parent = mkdtempSync(join(tmpdir(), 'static-'));
  const root = join(parent, 'site');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, 'data.bin'), '0123456789');
  writeFileSync(join(parent, 'secret.txt'), 'outside the root');
  const served = await serveStatic({ '/': root });
  server = served.server;
  port = Number(new URL(served.origin).port);
});

afterAll(() => server.close());

/** A raw request: the path is sent exactly as written (no client-side normalising). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static server', () => {
  it('serves a file with its length', async () => {
    const r = await get('/data.bin');
    expect([r.status, r.body, r.headers['content-length']]).toEqual([200, '0123456789', '10']);
  });

  it('serves index.html for the root', async () => {
    expect((await get('/')).body).toBe('<p>home</p>');
  });

  it('answers 400 to a malformed percent-escape instead of throwing', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/index.html')).status).toBe(200);
  });

  it('answers 403 to a path that leaves its folder through encoded slashes', async () => {
    expect((await get('/..%2fsecret.txt')).status).toBe(403);
  });

  it('answers 404 to a dot-dot path, which the URL resolves inside the root', async () => {
    expect((await get('/../secret.txt')).status).toBe(404);
  });

  it('answers 206 with the bytes of a satisfiable range', async () => {
    const r = await get('/data.bin', { range: 'bytes=2-4' });
    expect([r.status, r.body, r.headers['content-range']]).toEqual([206, '234', 'bytes 2-4/10']);
  });

  it('answers a suffix range with the last bytes', async () => {
    const r = await get('/data.bin', { range: 'bytes=-3' });
    expect([r.status, r.body]).toEqual([206, '789']);
  });

  it('answers 416 to a range past the end of the file', async () => {
    const r = await get('/data.bin', { range: 'bytes=10-20' });
    expect([r.status, r.headers['content-range']]).toEqual([416, 'bytes */10']);
  });

  it('answers 416 to a range whose start is after its end', async () => {
    expect((await get('/data.bin', { range: 'bytes=5-2' })).status).toBe(416);
  });

  it('answers 405 to a method other than GET and HEAD', async () => {
    expect((await get('/data.bin', {}, 'POST')).status).toBe(405);
  });
});
