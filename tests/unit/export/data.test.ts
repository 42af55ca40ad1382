import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/lib/data/load';
import { readGeodata } from '../../../src/lib/data/read-files';
import { LAYER_IDS } from '../../../src/lib/data/types';
import { exportAnnotations, exportGeoJson, splitByLayer } from '../../../src/lib/export/data';
import { shippedModel } from '../../e2e/helpers';

const model = shippedModel();
const files = readGeodata('geodata');

describe('GeoJSON export', () => {
  it('round-trips through the one loader', () => {
    const exported = JSON.parse(JSON.stringify(exportGeoJson(model, LAYER_IDS, { permalink: 'p', attribution: 'a' })));
    const { layers: _, ...rest } = files;
    const again = loadModel(splitByLayer(exported, rest, LAYER_IDS));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    const strip = (m: typeof model) => m.places.map((p) => ({ ...p })).sort((a, b) => a.id.localeCompare(b.id));
    expect(strip(again.model)).toEqual(strip(model));
  });

  it('exports only the visible layers and says what offsets count', () => {
    const exported = exportGeoJson(model, ['baku-monument'], { permalink: 'p', attribution: 'a' }) as unknown as { features: { properties: { layer: string; citations: { start: number; end: number }[] } }[]; comment: string };
    expect(new Set(exported.features.map((f) => f.properties.layer))).toEqual(new Set(['baku-monument']));
    expect(exported.features[0]!.properties.citations[0]!.end).toBeGreaterThan(exported.features[0]!.properties.citations[0]!.start);
    expect(exported.comment).toMatch(/UTF-16/);
  });
});

describe('GeoJSON export of some layers', () => {
  it.each([['khojaly'], ['khankendi', 'baku-monument'], ['escape-route']] as const)('round-trips through the loader with only %s', (...layers) => {
    const exported = JSON.parse(JSON.stringify(exportGeoJson(model, layers, { permalink: 'p', attribution: 'a' })));
    const { layers: _, ...rest } = files;
    const again = loadModel(splitByLayer(exported, rest, LAYER_IDS));
    expect(again.ok ? [] : again.errors).toEqual([]);
    expect(again.warnings).toEqual([]);
  });
});

describe('Web Annotation export', () => {
  const collection = exportAnnotations(model, LAYER_IDS, { permalink: 'https://example.org/#x' }) as any;
  const sourceOf = (a: any) => model.sources.find((s) => a.target.source.id === `urn:khojaly-map:source:${s.id}`)!;

  it('is an AnnotationCollection whose position selectors hold in the stored text named as source', () => {
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const items = collection.first.items;
    expect(items.length).toBe(model.places.reduce((n, p) => n + p.citations.length, 0));
    for (const a of items) {
      const [quote, position] = a.target.selector;
      const text = sourceOf(a).text;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
    }
  });

  it("names the publisher's page as the target's scope, and invents none where the URL is unknown", () => {
    for (const a of collection.first.items) expect(a.target.scope ?? null).toBe(sourceOf(a).url);
    expect(collection.first.items.some((a: any) => a.target.scope === undefined)).toBe(true);
  });

  it('gives the page an id and the collection the permalink when it is absolute', () => {
    expect(collection.id).toBe('https://example.org/#x');
    expect(collection.first.id).toMatch(/^urn:khojaly-map:annotations:.+:page:1$/);
    expect(collection.first.partOf).toBe(collection.id);
  });

  it('uses URN ids, not a relative reference, without a base URL', () => {
    const local = exportAnnotations(model, ['khojaly'], { permalink: 'index.html#layers=khojaly' }) as any;
    expect(local.id).toBe('urn:khojaly-map:annotations:khojaly');
    expect(local.first.id).toBe('urn:khojaly-map:annotations:khojaly:page:1');
  });
});
