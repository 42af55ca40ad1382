import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { routeCorridors } from '../src/lib/map/style/corridors.ts';
import { loadGeodataModel } from './model-plugin.ts';

const ID = 'virtual:route-corridors';

/** Serves `virtual:route-corridors`: the escape route's uncertainty corridor, buffered with Turf at build time. */
export function routeCorridorsPlugin(root: string): Plugin {
  const geodata = resolve(root, 'geodata');
  return {
    name: 'khojaly-route-corridors',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      const model = loadGeodataModel(geodata);
      this.addWatchFile(resolve(geodata, 'layers'));
      return `export default ${JSON.stringify(routeCorridors(model))};`;
    }
  };
}
