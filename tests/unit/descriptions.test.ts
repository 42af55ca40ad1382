import { describe, expect, it } from 'vitest';
import { titleProblem } from '../../src/lib/data/descriptions';
import { loadModel } from '../../src/lib/data/load';
import { errorsOf, withLayer } from '../support/model';

const describeAs = (file: string, description: unknown) => withLayer(file, (j) => (j.layer.description = description));

describe('a layer description', () => {
  it('is refused, naming the file, when it states an event in the map’s own voice', () => {
    expect(errorsOf(describeAs('khojaly.geojson', 'The town attacked on the night of 25–26 February 1992.'))).toEqual([
      expect.stringMatching(/^layers\/khojaly\.geojson: "layer\.description" "The town attacked .*" names a date or number \("25"\)/)
    ]);
  });

  it('is refused when it uses a verb of action, even without a date', () => {
    expect(errorsOf(describeAs('khankendi.geojson', 'Where the regiment was stationed'))).toEqual([
      expect.stringMatching(/^layers\/khankendi\.geojson: "layer\.description" .* neither place names nor plain map words: "where", "regiment", "was", "stationed"/)
    ]);
  });

  it('is refused when a quotation is not in its source', () => {
    const files = describeAs('khankendi.geojson', { source: 'khojaly-overview', exact: 'stationed in Stepanakert' });
    expect(errorsOf(files)).toEqual([
      'layers/khankendi.geojson: "layer.description": quote "stationed in Stepanakert" in source "khojaly-overview": the quote is not found in the text'
    ]);
  });

  it('may be a quotation found once in a source, kept with its offsets', () => {
    const result = loadModel(describeAs('khankendi.geojson', { source: 'khojaly-overview', exact: 'stationed in Khankendi' }));
    const layer = result.ok ? result.model.layers.find((l) => l.id === 'khankendi') : undefined;
    expect(layer?.description).toMatchObject({ source: 'khojaly-overview', exact: 'stationed in Khankendi', start: expect.any(Number) });
  });

  it('may be a plain title made of its places’ names and plain map words', () => {
    expect(errorsOf(describeAs('escape-route.geojson', 'Direction from Khojaly towards Aghdam (approximate)'))).toEqual([]);
  });
});

describe('a plain title', () => {
  it('is shorter than 80 characters', () => {
    expect(titleProblem('Khojaly '.repeat(10).trim(), ['Khojaly'])).toBeNull();
    expect(titleProblem('Khojaly '.repeat(11).trim(), ['Khojaly'])).toMatch(/87 characters long/);
  });

  it('has no month name', () => {
    expect(titleProblem('Khojaly in February', ['Khojaly'])).toBe('names a date or number ("February")');
  });

  it('is not a sentence', () => {
    expect(titleProblem('The town of Khojaly.', ['Khojaly'])).toMatch(/sentence punctuation/);
    expect(titleProblem('The town of Khojaly', ['Khojaly'])).toBeNull();
  });
});

describe('a map note', () => {
  it('is refused, naming the file and the feature, when it names a date', () => {
    const files = withLayer('baku-monument.geojson', (j) => {
      j.features[0].properties.provenance.note = 'The present monument was unveiled on 26 February 2008 (Wikipedia).';
    });
    expect(errorsOf(files)).toEqual([
      'layers/baku-monument.geojson: feature "mothers-cry": the map note names a date ("2008"): a map note is about method only; quote a source for events'
    ]);
  });

  it('may give distances and precision', () => {
    const files = withLayer('khojaly.geojson', (j) => {
      j.features[0].properties.provenance.note = 'Town centre. The two references differ by about 220 m.';
    });
    expect(errorsOf(files)).toEqual([]);
  });
});
