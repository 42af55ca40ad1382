import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geodataModelPlugin } from '../../scripts/model-plugin';
import { loadModel } from '../../src/lib/data/load';
import { readGeodata } from '../../src/lib/data/read-files';

/** Runs the plugin's `load` for its virtual module on a project root; returns the module's code. */
function loadModule(root: string): string {
  const plugin = geodataModelPlugin(root);
  const watched: string[] = [];
  const context = { addWatchFile: (file: string) => watched.push(file) };
  const resolved = (plugin.resolveId as unknown as (id: string) => string | null)('virtual:geodata-model')!;
  return (plugin.load as unknown as (this: typeof context, id: string) => string).call(context, resolved);
}

/** The JSON text of the model a module's code exports. */
const exported = (code: string): string => JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as string;

describe('the geodata model made at build time', () => {
  it('is the model the one loader makes of the shipped files', () => {
    const result = loadModel(readGeodata('geodata'));
    if (!result.ok) throw new Error('the shipped geodata does not load');
    expect(JSON.parse(exported(loadModule(process.cwd())))).toEqual(JSON.parse(JSON.stringify(result.model)));
  });

  it('fails the build naming the file, the feature and the quote not found in its source', () => {
    const root = mkdtempSync(join(tmpdir(), 'model-plugin-'));
    cpSync('geodata', join(root, 'geodata'), { recursive: true });
    const file = join(root, 'geodata', 'layers', 'khankendi.geojson');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('stationed in Khankendi', 'stationed in Stepanakert'));
    expect(() => loadModule(root)).toThrow(/khankendi\.geojson.*feature "khankendi".*stationed in Stepanakert/s);
  });
});
