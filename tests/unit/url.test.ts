import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, parseView, type UrlState } from '../../src/lib/state/url';

const known = { layers: ['khojaly', 'escape-route', 'khankendi'], places: ['khojaly', 'aghdam'], basemaps: ['offline', 'pmtiles'] };

describe('parseHash', () => {
  it('reads view, layers, place and passage', () => {
    expect(parseHash('#view=11.5/39.91/46.79&layers=khojaly,escape-route&place=aghdam&cite=1', known)).toEqual({
      view: { zoom: 11.5, lat: 39.91, lng: 46.79 },
      layers: ['khojaly', 'escape-route'],
      place: 'aghdam',
      cite: 1,
      basemap: null
    });
  });

  it('gives defaults for an empty hash', () => {
    expect(parseHash('', known)).toEqual({ view: null, layers: null, place: null, cite: null, basemap: null });
  });

  it.each([
    ['view=abc', 'view'],
    ['view=99/39/46', 'view'],
    ['view=10/95/46', 'view'],
    ['view=10/39/200', 'view'],
    ['view=10/39', 'view'],
    ['view=10/39/46/3', 'view'],
    ['view=1e3/39/46', 'view'],
    ['place=nowhere', 'place'],
    ['place=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'place'],
    ['cite=-1', 'cite'],
    ['cite=one', 'cite'],
    ['layers=bogus', 'layers'],
    ['basemap=https://evil.example/style.json', 'basemap']
  ] as const)('falls back to the default for a bad value: %s', (hash, field) => {
    expect(parseHash(`#${hash}`, known)[field]).toBeNull();
  });

  it('drops unknown layer ids but keeps the known ones', () => {
    expect(parseHash('#layers=bogus,khankendi', known).layers).toEqual(['khankendi']);
  });

  it('reads an empty layer list as "no layers"', () => {
    expect(parseHash('#layers=', known).layers).toEqual([]);
  });

  it('never throws on malformed percent-encoding', () => {
    expect(() => parseHash('#place=%E0%A4%A&view=%', known)).not.toThrow();
  });
});

describe('formatHash', () => {
  it('round-trips through parseHash', () => {
    const state: UrlState = { view: { zoom: 12, lat: 39.91111, lng: 46.78917 }, layers: ['khankendi'], place: 'khojaly', cite: 2, basemap: 'pmtiles' };
    expect(parseHash(formatHash(state), known)).toEqual(state);
  });

  it('leaves out what is default', () => {
    expect(formatHash({ view: null, layers: null, place: null, cite: null })).toBe('');
  });

  it('rounds the view to the precision its zoom needs', () => {
    expect(formatHash({ view: { zoom: 4.123456, lat: 40.123456789, lng: 47.987654321 }, layers: null, place: null, cite: null })).toBe(
      'view=4.12/40.123/47.988'
    );
  });
});

describe('parseView', () => {
  it('accepts negative coordinates', () => {
    expect(parseView('3/-2.98611/104.75556')).toEqual({ zoom: 3, lat: -2.98611, lng: 104.75556 });
  });
});
