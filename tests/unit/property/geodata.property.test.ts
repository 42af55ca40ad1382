import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometryProblem } from '../../../src/lib/data/geojson';
import { controlCharacter, isHttpUrl } from '../../../src/lib/data/hardening';
import { loadModel } from '../../../src/lib/data/load';
import { readGeodata } from '../../../src/lib/data/read-files';
import { LAYER_IDS, type Model, type RawFiles } from '../../../src/lib/data/types';
import { sourceText } from '../../../src/lib/export/content';
import { exportAnnotations, exportGeoJson, splitByLayer } from '../../../src/lib/export/data';
import { storyLabels, storyPoints, storyRoutes } from '../../../src/lib/map/style/story-data';
import { params } from './config';
import { mutations, type Mutation } from './mutations';

const shipped = readGeodata('geodata');
const FILES = new Set([
  'sources/index.json',
  'differences.json',
  ...Object.keys(shipped.sourceTexts).map((f) => `sources/${f}`),
  ...Object.keys(shipped.layers).map((f) => `layers/${f}`),
  ...LAYER_IDS.map((id) => `layers/${id}.geojson`)
]);

/** Applies the changes in order; a change the harness itself cannot make (JSON too deep to re-serialise) is skipped. */
function mutate(files: RawFiles, changes: Mutation[]): RawFiles {
  return changes.reduce((current, change) => {
    try {
      return change.apply(current);
    } catch {
      return current;
    }
  }, files);
}

/** What must hold of a model the loader accepted: clean strings, offsets that hold, valid geometry and URLs. */
function modelProblems(model: Model): string[] {
  const problems: string[] = [];
  for (const place of model.places) {
    for (const s of [place.name, place.nameAz ?? '', ...place.altNames, ...place.mentions, place.provenance.reference]) {
      if (controlCharacter(s)) problems.push(`place ${place.id}: control character in ${JSON.stringify(s)}`);
    }
    if (geometryProblem(place.geometry)) problems.push(`place ${place.id}: ${geometryProblem(place.geometry)}`);
    for (const c of place.citations) {
      const text = model.sources.find((s) => s.id === c.source)!.text;
      if (!Number.isSafeInteger(c.start) || c.start < 0 || text.slice(c.start, c.end) !== c.exact) problems.push(`place ${place.id}: offsets ${c.start}-${c.end} do not hold`);
    }
  }
  for (const source of model.sources) {
    if (source.url !== null && !isHttpUrl(source.url)) problems.push(`source ${source.id}: url ${source.url}`);
    if (controlCharacter(sourceText(source))) problems.push(`source ${source.id}: control character in its export line`);
    if (source.text.includes('\r') || source.text.startsWith('\ufeff')) problems.push(`source ${source.id}: CR or BOM`);
  }
  return problems;
}

/** What must hold of its exports and its drawing: the GeoJSON round-trips, annotation offsets hold, story features build. */
function exportProblems(model: Model, files: RawFiles): string[] {
  const { layers: _, ...rest } = files;
  const geojson = JSON.parse(JSON.stringify(exportGeoJson(model, LAYER_IDS, { permalink: 'p', attribution: 'a' })));
  const again = loadModel(splitByLayer(geojson, rest, LAYER_IDS));
  const problems = again.ok ? [] : again.errors.map((e) => `GeoJSON round trip: ${e.file}: ${e.message}`);
  const annotations = exportAnnotations(model, LAYER_IDS, { permalink: 'index.html' }) as {
    first: { items: { target: { source: { id: string }; selector: [{ exact: string }, { start: number; end: number }] } }[] };
  };
  for (const a of annotations.first.items) {
    const source = model.sources.find((s) => a.target.source.id === `urn:khojaly-map:source:${s.id}`);
    const [quote, position] = a.target.selector;
    if (!source || source.text.slice(position.start, position.end) !== quote.exact) problems.push(`annotation offsets do not hold in ${a.target.source.id}`);
  }
  const drawn = storyPoints(model).features.length + storyLabels(model).features.length + storyRoutes(model).features.length;
  if (drawn === 0) problems.push('nothing to draw');
  return problems;
}

describe('geodata mutations of the real files (generated)', () => {
  it('are accepted and then load, draw and export validly, or are refused naming the file; never a crash', () => {
    fc.assert(
      fc.property(mutations, (changes) => {
        const files = mutate(shipped, changes);
        const result = loadModel(files);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) {
            expect(FILES.has(e.file), `unknown file in ${JSON.stringify(e)}`).toBe(true);
            expect(e.message.length).toBeGreaterThan(0);
            expect(e.message.length).toBeLessThan(1000);
          }
          return;
        }
        expect(modelProblems(result.model)).toEqual([]);
        expect(exportProblems(result.model, files)).toEqual([]);
      }),
      params()
    );
  }, 300_000);
});
