import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../../../src/lib/data/types';
import { ANNO_CONTEXT, GEOJSON_CONTEXT, exportAnnotations } from '../../../src/lib/export/data';
import { shippedModel } from '../../e2e/helpers';

const W3C = 'tests/fixtures/w3c';
const model = shippedModel();
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The W3C test suite's definitions and assertion schemas, compiled with ajv (draft-04, formats). */
function suite() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const name of ['id', 'annotations', 'bodyTarget', 'choiceSet', 'specificResource', 'collections']) ajv.addSchema(readJson(join(W3C, `${name}.json`)));
  const assertions = readdirSync(join(W3C, 'assertions')).map((file) => ({ file, validate: ajv.compile(readJson(join(W3C, 'assertions', file))) }));
  return { ajv, assertions };
}

const { ajv, assertions } = suite();
const definition = (ref: string) => ajv.getSchema(ref)!;

/** A document loader that serves the vendored contexts and refuses everything else (no network). */
const CONTEXTS: Record<string, string> = {
  [ANNO_CONTEXT]: join(W3C, 'anno.jsonld'),
  [GEOJSON_CONTEXT]: 'tests/fixtures/geojson-ld/geojson-context.jsonld'
};
async function documentLoader(url: string) {
  const file = CONTEXTS[url];
  if (!file) throw new Error(`no network in tests: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: readJson(file) };
}
const expandSafely = (doc: object) => jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader, safe: true } as jsonld.Options.Expand);

function failures(doc: object, names: RegExp): string[] {
  return assertions.filter((a) => names.test(a.file) && !a.validate(doc)).map((a) => `${a.file}: ${JSON.stringify(a.validate.errors?.slice(0, 2))}`);
}

describe('the annotation export against the W3C test suite', () => {
  const collection = exportAnnotations(model, LAYER_IDS, { permalink: 'index.html#view=9/39.9/46.8' }) as any;

  it('passes the page assertions (5.2: id, type, items, total) on the embedded page', () => {
    expect(failures(collection, /^5\.2-/)).toEqual([]);
  });

  it('passes the annotation MUST assertions (3.1, 3.2) on every annotation', () => {
    const problems = collection.first.items.flatMap((a: object) => failures({ '@context': collection['@context'], ...a }, /^3\./));
    expect(problems).toEqual([]);
  });

  it('is a collection with an absolute id, a label, a total and a first page', () => {
    const checks = ['annotationCollectionTypeValueFound', 'labelDefinition', 'totalDefinition', 'firstRequiredIfTotalMoreThanZero'];
    expect(checks.filter((c) => !definition(`collections.json#/definitions/${c}`)(collection))).toEqual([]);
    expect(definition('id.json#/definitions/idValueFound')(collection)).toBe(true);
    expect(definition('collections.json#/definitions/contextValueInArrayFound')(collection['@context'])).toBe(true);
  });

  it('has targets that are Specific Resources with valid quote and position selectors', () => {
    const target = definition('specificResource.json#/definitions/specificeResourceDetected');
    const quote = definition('specificResource.json#/definitions/textQuoteSelectorDetected');
    const position = definition('specificResource.json#/definitions/textPositionSelectorDetected');
    const bad = collection.first.items.filter((a: any) => !target(a.target) || !quote(a.target.selector[0]) || !position(a.target.selector[1]));
    expect(bad).toEqual([]);
  });

  it('fails the page id assertion for a page without an id (the check can fail)', () => {
    const { id: _, ...page } = collection.first;
    expect(failures({ ...collection, first: page }, /^5\.2-pageIdValidated/)).toHaveLength(1);
  });
});

describe('the annotation export as JSON-LD (jsonld.js, safe mode, vendored contexts)', () => {
  const collection = exportAnnotations(model, ['khankendi'], { permalink: 'https://example.org/map/#layers=khankendi' }) as any;

  it('expands without dropping anything', async () => {
    await expect(expandSafely(collection)).resolves.toBeDefined();
  });

  it('keeps the place name, its coordinates and the offsets through expansion', async () => {
    const expanded = JSON.stringify(await expandSafely(collection));
    const place = model.places.find((p) => p.id === 'khankendi')!;
    expect(expanded).toContain('"https://purl.org/geojson/vocab#coordinates"');
    expect(expanded).toContain(`{"@value":"${place.name}"}`);
    expect(expanded).toContain('"http://www.w3.org/ns/oa#start"');
    expect(expanded).toContain(String((place.geometry as { coordinates: number[] }).coordinates[0]));
  });

  it('refuses, in safe mode, a body whose terms no context defines (the check can fail)', async () => {
    const [first] = collection.first.items;
    const undefinedTerm = { ...collection, first: { ...collection.first, items: [{ ...first, body: { ...first.body, notATerm: 1 } }] } };
    await expect(expandSafely(undefinedTerm)).rejects.toThrow();
  });
});
