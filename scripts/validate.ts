import { resolve } from 'node:path';
import { formatError, loadModel } from '../src/lib/data/load';
import { readGeodata } from '../src/lib/data/read-files';

const dir = resolve(process.argv[2] ?? 'geodata');
const result = loadModel(readGeodata(dir));
for (const warning of result.warnings) console.warn(`warning: ${formatError(warning)}`);
if (!result.ok) {
  console.error(`geodata in ${dir} is invalid (${result.errors.length} problem(s)):`);
  for (const error of result.errors) console.error(`  ${formatError(error)}`);
  process.exit(1);
}
const { places, layers, sources, differences } = result.model;
const citations = places.reduce((n, p) => n + p.citations.length, 0);
console.log(
  `geodata OK: ${layers.length} layers, ${places.length} places, ${citations} citations, ${sources.length} sources, ${differences.length} differences`
);
