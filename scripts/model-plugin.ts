import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatError, loadModel } from '../src/lib/data/load.ts';
import { readGeodata } from '../src/lib/data/read-files.ts';
import type { Model } from '../src/lib/data/types.ts';

const ID = 'virtual:geodata-model';

/** The model of the geodata folder through the one loader; throws naming every problem when it is invalid. */
export function loadGeodataModel(geodata: string): Model {
  const result = loadModel(readGeodata(geodata));
  if (!result.ok) throw new Error(`Invalid geodata:\n${result.errors.map(formatError).join('\n')}`);
  return result.model;
}

/**
 * Serves `virtual:geodata-model`: the shipped geodata loaded and validated by the one loader at
 * build time, as the JSON text of the model (a build fails on invalid geodata, naming every
 * problem). The page parses that text instead of re-validating every file on each visit.
 */
export function geodataModelPlugin(root: string): Plugin {
  const geodata = resolve(root, 'geodata');
  return {
    name: 'khojaly-geodata-model',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      const model = loadGeodataModel(geodata);
      for (const dir of ['', 'layers', 'sources']) this.addWatchFile(resolve(geodata, dir));
      return `export default ${JSON.stringify(JSON.stringify(model))};`;
    }
  };
}
