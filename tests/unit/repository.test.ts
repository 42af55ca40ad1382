import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Folders that hold no file of the repository's own: installed, built, generated, or local. */
const NOT_OURS = new Set(['node_modules', 'dist', 'test-results', 'playwright-report', 'tmp', '.bench', '.git', 'scratch']);

/** The repository's own text files: code, styles, pages, docs and settings. */
const textFiles = readdirSync('.', { withFileTypes: true })
  .filter((entry) => !NOT_OURS.has(entry.name))
  .flatMap((entry) => (entry.isDirectory() ? readdirSync(entry.name, { recursive: true, encoding: 'utf8' }).map((file) => `${entry.name}/${file.split('\\').join('/')}`) : [entry.name]))
  .filter((file) => /\.(ts|svelte|js|mjs|cjs|css|html|md|json|yml|yaml)$/.test(file));

describe('the repository', () => {
  it('has text files to check', () => {
    expect(textFiles).toContain('README.md');
    expect(textFiles).toContain('src/lib/map/controller.ts');
  });

  it('holds no merge-conflict markers left from a merge', () => {
    const marked = textFiles.filter((file) => /^(<{7}|>{7}) /m.test(readFileSync(file, 'utf8')));
    expect(marked).toEqual([]);
  });
});
