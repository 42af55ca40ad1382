import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs the snapshot CLI; these cases end before it starts a browser. */
const snapshot = (args: string[]) =>
  run('npx', ['tsx', 'scripts/snapshot.ts', ...args], { timeout: 30_000 }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr })
  );

describe('npm run snapshot refuses text it cannot draw', () => {
  it('a control character in --title, with a message and exit code 2', async () => {
    const r = await snapshot(['--out', join(tmpdir(), 't.svg'), '--title', 'Map\u0001']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('snapshot: --title contains the control character U+0001 at index 3');
  }, 30_000);

  it('a control character in --subtitle', async () => {
    const r = await snapshot(['--out', join(tmpdir(), 't.pdf'), '--subtitle', 'a\u001bb']);
    expect(r.stderr).toContain('--subtitle contains the control character U+001B at index 1');
  }, 30_000);
});
