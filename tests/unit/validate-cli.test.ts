import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const validate = (dir: string) => run('npx', ['tsx', 'scripts/validate.ts', dir], { cwd: process.cwd() });

/** A copy of the shipped geodata to break. */
function copyOfGeodata(): string {
  const dir = mkdtempSync(join(tmpdir(), 'geodata-'));
  cpSync('geodata', dir, { recursive: true });
  return dir;
}

describe('npm run validate', () => {
  it('accepts the shipped geodata and says what it checked', async () => {
    const { stdout } = await validate('geodata');
    expect(stdout).toMatch(/^geodata OK: 6 layers, 16 places, \d+ citations, 2 sources, 4 differences/);
  }, 30_000);

  it('exits non-zero naming the file, the feature and the quote that is not in its source', async () => {
    const dir = copyOfGeodata();
    const file = join(dir, 'layers', 'khankendi.geojson');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('stationed in Khankendi', 'stationed in Stepanakert'));
    const failure = await validate(dir).then(
      () => null,
      (error: { code: number; stderr: string }) => error
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('layers/khankendi.geojson: feature "khankendi": quote "');
    expect(failure?.stderr).toContain('stationed in Stepanakert during the USSR era" in source "khojaly-overview": the quote is not found in the text');
  }, 30_000);
});
