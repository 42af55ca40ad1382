import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/lib/data/load';
import { readGeodata } from '../../../src/lib/data/read-files';
import { LAYER_IDS } from '../../../src/lib/data/types';
import { exportAnnotations, exportGeoJson, splitByLayer } from '../../../src/lib/export/data';
import { shippedModel } from '../../support/model';

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

describe('Web Annotation export', () => {
  const collection = exportAnnotations(model, LAYER_IDS, { permalink: 'https://example.org/#x' }) as any;

  it('is an AnnotationCollection whose selectors find their quotes in the texts', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const items = collection.first.items;
    expect(items.length).toBe(model.places.reduce((n, p) => n + p.citations.length, 0));
    for (const a of items) {
      const [quote, position] = a.target.selector;
      const source = model.sources.find((s) => a.target.source === s.url || a.target.source === `urn:khojaly-map:source:${s.id}`)!;
      expect(source.text.slice(position.start, position.end)).toBe(quote.exact);
      expect(source.text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
    }
  });

  it('invents no URL: a source without one is named by a URN', () => {
    const unknown = model.sources.find((s) => s.url === null)!;
    const targets = collection.first.items.map((a: any) => a.target.source);
    expect(targets).toContain(`urn:khojaly-map:source:${unknown.id}`);
    expect(targets.filter((t: string) => t.startsWith('http')).every((t: string) => model.sources.some((s) => s.url === t))).toBe(true);
  });
});
