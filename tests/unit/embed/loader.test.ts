import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_HEIGHT, MIN_HEIGHT } from '../../../src/lib/embed/options';
import { PREFIX, PROTOCOL_VERSION } from '../../../src/lib/embed/protocol';
import { SANDBOX } from '../../../src/lib/embed/snippets';
import { embedLoaderSource } from '../../../scripts/embed-loader-plugin';

describe('the embed loader', () => {
  it('is built with the app’s embed constants and no placeholder left', () => {
    const source = embedLoaderSource(readFileSync('src/embed-loader.js', 'utf8'));
    expect(source).not.toMatch(/__[A-Z_]+__/);
    expect(source).toContain(`var VERSION = ${PROTOCOL_VERSION};`);
    expect(source).toContain(`var PREFIX = ${JSON.stringify(PREFIX)};`);
    expect(source).toContain(`px >= ${MIN_HEIGHT} && px <= ${MAX_HEIGHT}`);
    expect(source).toContain(JSON.stringify(SANDBOX));
  });

  it('refuses a placeholder it does not know', () => {
    expect(() => embedLoaderSource('var x = __NOT_A_CONSTANT__;')).toThrow(/unknown placeholder __NOT_A_CONSTANT__/);
  });
});
