import { describe, expect, it } from 'vitest';
import { uncoveredCapitalised } from '../../src/lib/data/gazetteer';
import type { RawFiles, Source } from '../../src/lib/data/types';
import { errorsOf, modelOf, shippedFiles, withJson } from '../support/model';

const good = shippedFiles;

/** The shipped files with the gazetteer rewritten by `change`. */
const withGazetteer = (change: (json: any) => void): RawFiles => withJson('gazetteer', change);

const model = modelOf(good);
const allNames = [...model.gazetteer.entries.map((e) => e.name), ...model.gazetteer.notPlaces];

describe('the shipped gazetteer', () => {
  it.each(model.sources.map((s) => [s.id, s] as const))('lists every capitalised place name of %s (variants included)', (_, source) => {
    expect(uncoveredCapitalised(source, allNames)).toEqual([]);
  });

  it('lists both spellings of Khankendi, each mapped to the same place', () => {
    const ids = model.gazetteer.entries.filter((e) => e.name === 'Khankendi' || e.name === 'Khankandi').map((e) => e.placeId);
    expect(ids).toEqual(['khankendi', 'khankendi']);
  });

  it('maps the Khatai district at its reference point and leaves Karabakh unmapped, with its reason', () => {
    const entry = (name: string) => model.gazetteer.entries.find((e) => e.name === name)!;
    expect(entry('Khatai district').placeId).toBe('khatai-district');
    const khatai = model.places.find((p) => p.id === 'khatai-district')!;
    expect([khatai.kind, khatai.precision, khatai.layers]).toEqual(['district', 'approximate', ['also-named']]);
    expect(khatai.provenance.reference).toMatch(/Wikipedia/);
    expect(entry('Karabakh').placeId).toBeNull();
    expect(entry('Karabakh').unmappedReason).toMatch(/without bounds/);
  });

  it('leaves unmapped only the names it gives a reason for', () => {
    const unmapped = model.gazetteer.entries.filter((e) => !e.placeId).map((e) => e.name);
    expect(unmapped).toEqual(['Khojaly district', 'Karabakh', 'Indonesia', 'Azerbaijan', 'Republic of Azerbaijan', 'Russia', 'USSR', 'U.S.']);
  });

  it('gives every unmapped name a reason and every mapped name a known place', () => {
    for (const entry of model.gazetteer.entries) {
      if (entry.placeId) expect(model.places.some((p) => p.id === entry.placeId)).toBe(true);
      else expect(entry.unmappedReason).toMatch(/\w{3,}/);
    }
  });

  it('finds each name at whole-word offsets in the texts', () => {
    for (const entry of model.gazetteer.entries) {
      for (const o of entry.occurrences) {
        expect(model.sources.find((s) => s.id === o.source)!.text.slice(o.start, o.end)).toBe(entry.name);
      }
    }
  });
});

describe('the capitalised-name guard', () => {
  it('reports a place name a new text adds that the gazetteer does not list', () => {
    const source: Source = { ...model.sources[0]!, text: 'The convoy reached Shusha. Khojaly was named too.' };
    expect(uncoveredCapitalised(source, allNames)).toEqual(['Shusha']);
  });
});

describe('gazetteer validation', () => {
  it('rejects an unknown place id', () => {
    const files = withGazetteer((g) => (g.places.find((e: any) => e.name === 'Baku').placeId = 'bakuu'));
    expect(errorsOf(files)).toContain('gazetteer.json: feature "Baku": names unknown place "bakuu"');
  });

  it('rejects a name that no text contains', () => {
    const files = withGazetteer((g) => g.places.push({ name: 'Shusha', kind: 'town', unmapped: 'not in the texts' }));
    expect(errorsOf(files)).toContain('gazetteer.json: feature "Shusha": the name is not found in any source text');
  });

  it('rejects an entry that is neither mapped nor given a reason', () => {
    const files = withGazetteer((g) => delete g.places.find((e: any) => e.name === 'Karabakh').unmapped);
    expect(errorsOf(files)).toContain(
      'gazetteer.json: feature "Karabakh": needs either "placeId" (mapped) or "unmapped" (the reason it is not), not both'
    );
  });

  it('rejects a non-place that no text contains', () => {
    const files = withGazetteer((g) => g.notPlaces[0].names.push('Nobody Here'));
    expect(errorsOf(files)).toContain('gazetteer.json: feature "Nobody Here": listed as not a place, but not found in any source text');
  });

  it('rejects invalid JSON and loses nothing else', () => {
    expect(errorsOf({ ...good, gazetteer: '{"places": [' })[0]).toMatch(/^gazetteer\.json: is not valid JSON: /);
  });
});
