import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The repository's own text files (tracked by git): code, styles, pages, docs and settings. */
const textFiles = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|svelte|js|mjs|cjs|css|html|md|json|yml|yaml)$/.test(file));

describe('the repository', () => {
  it('has text files to check', () => {
    expect(textFiles).toContain('README.md');
  });

  it('holds no merge-conflict markers left from a merge', () => {
    const marked = textFiles.filter((file) => /^(<{7}|>{7}) /m.test(readFileSync(file, 'utf8')));
    expect(marked).toEqual([]);
  });
});
