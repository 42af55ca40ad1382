import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LAYER_IDS } from '../../../src/lib/data/types';
import { formatHash, parseHash, type Known, type UrlState } from '../../../src/lib/state/url';
import { shippedModel } from '../../e2e/helpers';
import { hostileString, params } from './config';

vi.setConfig({ testTimeout: 120_000 });

const model = shippedModel();
const known: Known = { layers: LAYER_IDS, places: model.places.map((p) => p.id), basemaps: ['offline', 'pmtiles'] };
const KEYS = ['view', 'layers', 'place', 'cite', 'basemap'];

const numberText = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ min: -200, max: 200, noNaN: true }).map((n) => n.toFixed(6))
);
const value = fc.oneof(
  hostileString(),
  numberText,
  fc.tuple(numberText, numberText, numberText).map((p) => p.join('/')),
  fc.subarray([...LAYER_IDS, ...known.places, 'atlantis', '']).map((ids) => ids.join(',')),
  fc.constantFrom(...known.places, ...known.basemaps!)
);
/** Percent-encodes like a browser's address bar would; a lone surrogate (which cannot be encoded) stays raw. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}
const pair = fc.tuple(fc.oneof(fc.constantFrom(...KEYS), hostileString()), value, fc.boolean());

/** A URL hash as a person might type or paste it: known and unknown keys, hostile values, raw or encoded. */
const hostileHash = fc
  .tuple(fc.array(pair, { maxLength: 6 }), fc.constantFrom('#', '', '##', '#&'))
  .map(([pairs, lead]) => lead + pairs.map(([k, v, enc]) => `${enc ? encode(k) : k}=${enc ? encode(v) : v}`).join('&'));

function validState(s: UrlState): boolean {
  const view = s.view === null || (s.view.zoom >= 0 && s.view.zoom <= 22 && Math.abs(s.view.lat) <= 85.06 && Math.abs(s.view.lng) <= 180);
  const layers = s.layers === null || s.layers.every((l) => known.layers.includes(l));
  const place = s.place === null || known.places.includes(s.place);
  const cite = s.cite === null || (Number.isInteger(s.cite) && s.cite >= 0 && s.cite <= 9999);
  const basemap = s.basemap === null || s.basemap === undefined || known.basemaps!.includes(s.basemap);
  return view && layers && place && cite && basemap;
}

/** A valid state as the app writes it: views rounded the way `formatHash` writes them. */
const validStateArb: fc.Arbitrary<UrlState> = fc
  .record({
    view: fc.option(
      fc.record({
        zoom: fc.integer({ min: 0, max: 2200 }).map((z) => z / 100),
        lat: fc.double({ min: -85.06, max: 85.06, noNaN: true, noDefaultInfinity: true }),
        lng: fc.double({ min: -180, max: 180, noNaN: true, noDefaultInfinity: true })
      })
    ),
    layers: fc.option(fc.uniqueArray(fc.constantFrom(...LAYER_IDS), { minLength: 1 })),
    place: fc.option(fc.constantFrom(...known.places)),
    cite: fc.option(fc.integer({ min: 0, max: 9999 })),
    basemap: fc.option(fc.constantFrom(...known.basemaps!))
  })
  .map((s) => parseHash(formatHash(s), known));

describe('URL state (generated)', () => {
  it('parseHash never throws and always gives a valid state', () => {
    fc.assert(
      fc.property(hostileHash, (hash) => {
        expect(validState(parseHash(hash, known))).toBe(true);
      }),
      params()
    );
  });

  it('parseHash never throws on any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (hash) => {
        expect(validState(parseHash(hash, known))).toBe(true);
      }),
      params()
    );
  });

  it('formatHash then parseHash is the identity on valid states', () => {
    fc.assert(
      fc.property(validStateArb, (state) => {
        expect(parseHash(formatHash(state), known)).toEqual(state);
      }),
      params()
    );
  });

  it('a formatted view always parses back (no exponent, no lost view)', () => {
    fc.assert(
      fc.property(validStateArb.filter((s) => s.view !== null), fc.double({ min: -85.06, max: 85.06, noNaN: true }), (state, lat) => {
        const withView = { ...state, view: { ...state.view!, lat } };
        expect(parseHash(formatHash(withView), known).view).not.toBeNull();
      }),
      params()
    );
  });
});
