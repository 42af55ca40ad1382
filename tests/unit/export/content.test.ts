import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS, DEFAULT_LAYERS as LAYER_IDS } from '../../../src/lib/data/types';
import { citedSources, geometryInBounds, permalink, placesInExtent, sourceText } from '../../../src/lib/export/content';
import { shippedModel } from '../../support/model';

const model = shippedModel();
const BAKU: [number, number, number, number] = [49.7, 40.3, 49.95, 40.45];
const KARABAKH: [number, number, number, number] = [46.5, 39.6, 47.2, 40.1];

describe('what the export lists', () => {
  it('finds only the places inside the extent', () => {
    const ids = placesInExtent(model, LAYER_IDS, BAKU).map((p) => p.id);
    expect(ids).toEqual(['mothers-cry']);
    expect(placesInExtent(model, LAYER_IDS, KARABAKH).map((p) => p.id)).toContain('khojaly');
  });

  it('leaves out places whose layers are hidden', () => {
    expect(placesInExtent(model, ['khojaly'], BAKU)).toEqual([]);
  });

  it('counts a line that only crosses the extent', () => {
    const line = { type: 'LineString' as const, coordinates: [[0, 0], [10, 10]] };
    expect(geometryInBounds(line, [4, 4, 6, 6])).toBe(true);
    expect(geometryInBounds(line, [6, 0, 10, 3])).toBe(false);
  });

  it('numbers the cited sources and writes "unknown" for what the index does not know', () => {
    const sources = citedSources(model, placesInExtent(model, LAYER_IDS, KARABAKH), LAYER_IDS);
    expect(sources.map((s) => s.n)).toEqual(sources.map((_, i) => i + 1));
    const unknown = model.sources.find((s) => s.url === null)!;
    expect(sourceText(unknown)).toMatch(/Title unknown.*Publisher unknown, date unknown\. URL unknown/);
    const known = model.sources.find((s) => s.url !== null)!;
    expect(sourceText(known)).toContain(known.url!);
    expect(sourceText(known)).not.toContain('unknown');
  });

  it('keeps each source’s number from the source index, as the app shows it', () => {
    const overviewOnly = citedSources(model, placesInExtent(model, ['khankendi'], KARABAKH), ['khankendi']);
    const index = model.sources.findIndex((s) => s.id === 'khojaly-overview');
    expect(overviewOnly.map((s) => [s.id, s.n])).toEqual([['khojaly-overview', index + 1]]);
  });

  it('lists exactly the sources the places in view cite', () => {
    const places = placesInExtent(model, LAYER_IDS, BAKU);
    const expected = new Set(places.flatMap((p) => p.citations.map((c) => c.source)));
    expect(new Set(citedSources(model, places, LAYER_IDS).map((s) => s.id))).toEqual(expected);
  });

  it('writes a permalink the app reads back', () => {
    const link = permalink('https://example.org/map/#old', { view: { zoom: 9, lat: 39.9, lng: 46.8 }, layers: ['khojaly'], place: 'khojaly' });
    expect(link).toBe('https://example.org/map/#view=9/39.9/46.8&layers=khojaly&place=khojaly');
  });

  it('keeps the selected event in the permalink, and the default layers out of it', () => {
    const event = model.events[0]!.id;
    const link = permalink('https://example.org/map/', { view: { zoom: 9, lat: 39.9, lng: 46.8 }, layers: [...DEFAULT_LAYERS], place: null, event });
    expect(link).toBe(`https://example.org/map/#view=9/39.9/46.8&event=${event}`);
  });
});
