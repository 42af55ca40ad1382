import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LAYER_IDS } from '../../../src/lib/data/types';
import { DEFAULT_EMBED_OPTIONS, formatEmbedOptions, MAX_HEIGHT, MIN_HEIGHT, parseEmbedOptions, type EmbedOptions } from '../../../src/lib/embed/options';
import { parseHostMessage, type HostMessage, type KnownIds } from '../../../src/lib/embed/protocol';
import { shippedModel } from '../../e2e/helpers';
import { hostileString, params, prototypePolluted } from './config';

vi.setConfig({ testTimeout: 120_000 });

const model = shippedModel();
const known: KnownIds = { places: model.places.map((p) => p.id), layers: LAYER_IDS };
const TYPES = ['khojaly-map:select', 'khojaly-map:view', 'khojaly-map:layers', 'khojaly-map:get-state'];
const KEYS = ['type', 'version', 'place', 'cite', 'view', 'layers', '__proto__', 'constructor', 'prototype'];

const anyValue = fc.anything({ maxDepth: 3, key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), withNullPrototype: true, withMap: true, withSet: true });
const number = fc.oneof(fc.double(), fc.integer({ min: -5, max: 10_005 }), fc.constantFrom(NaN, Infinity, -0, 1e308));

/** A message close to a valid one: right keys, values drawn from valid, hostile and wrong types. */
const nearMessage = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...TYPES), hostileString()),
    version: fc.oneof(fc.constant(1), fc.constant(undefined), fc.constantFrom(2, '1', 1.5, null)),
    place: fc.oneof(fc.constantFrom(...known.places, null), hostileString(), anyValue),
    cite: fc.oneof(number, anyValue),
    view: fc.oneof(fc.record({ zoom: number, lat: number, lng: number }), anyValue),
    layers: fc.oneof(fc.subarray([...LAYER_IDS]), fc.array(fc.oneof(fc.constantFrom(...LAYER_IDS), hostileString()), { maxLength: 70 }), anyValue)
  },
  { requiredKeys: ['type'] }
);

/** A message as JSON from another window could carry it: `__proto__` as an own key included. */
const jsonMessage = fc.tuple(nearMessage, anyValue).map(([m, extra]) => {
  try {
    return JSON.parse(JSON.stringify({ ...m, ...{ ['__proto__']: extra } }));
  } catch {
    return m;
  }
});
const pollutingJson = fc.constantFrom(
  '{"type":"khojaly-map:select","place":"khojaly","__proto__":{"polluted":1}}',
  '{"type":"khojaly-map:layers","layers":["khojaly"],"constructor":{"prototype":{"polluted":1}}}',
  '{"type":"khojaly-map:view","view":{"zoom":9,"lat":39.9,"lng":46.8,"__proto__":{"zoom":99}}}'
).map((text) => JSON.parse(text) as unknown);

function validCommand(m: HostMessage): boolean {
  switch (m.type) {
    case 'khojaly-map:select':
      return (m.place === null || known.places.includes(m.place)) && (m.cite === undefined || (Number.isInteger(m.cite) && m.cite >= 0 && m.cite <= 9999));
    case 'khojaly-map:view':
      return m.view.zoom >= 0 && m.view.zoom <= 22 && Math.abs(m.view.lat) <= 85.06 && Math.abs(m.view.lng) <= 180;
    case 'khojaly-map:layers':
      return m.layers.every((l) => known.layers.includes(l)) && new Set(m.layers).size === m.layers.length;
    case 'khojaly-map:get-state':
      return true;
  }
}

describe('host messages (generated)', () => {
  it('are parsed into a valid command or ignored, never throwing, never polluting a prototype', () => {
    fc.assert(
      fc.property(fc.oneof(nearMessage, jsonMessage, pollutingJson, anyValue), (data) => {
        const command = parseHostMessage(data, known);
        expect(command === null || validCommand(command)).toBe(true);
        expect(prototypePolluted()).toBe(false);
      }),
      params()
    );
  });

  it('a valid command, sent as a message, parses to itself', () => {
    const command = fc.oneof(
      fc.record({ type: fc.constant('khojaly-map:select' as const), place: fc.constantFrom(...known.places), cite: fc.integer({ min: 0, max: 9999 }) }),
      fc.record({ type: fc.constant('khojaly-map:layers' as const), layers: fc.uniqueArray(fc.constantFrom(...LAYER_IDS)) }),
      fc.record({ type: fc.constant('khojaly-map:get-state' as const) })
    );
    fc.assert(
      fc.property(command, fc.boolean(), (m, withVersion) => {
        expect(parseHostMessage(withVersion ? { ...m, version: 1 } : m, known)).toEqual(m);
      }),
      params()
    );
  });
});

describe('embed options (generated)', () => {
  const KNOWN_OPTIONS = ['height', 'panel', 'static', 'theme', 'host'];
  const search = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_OPTIONS), hostileString()), fc.oneof(hostileString(), fc.constantFrom('auto', '0', '1', '200', '4000', '4001', 'light', 'dark', 'https://news.example', 'http://a.b:8080'))), { maxLength: 6 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);

  it('parse never throws and always gives valid options', () => {
    fc.assert(
      fc.property(search, (query) => {
        const o = parseEmbedOptions(query);
        const height = o.height === 'auto' || (Number.isInteger(o.height) && o.height >= MIN_HEIGHT && o.height <= MAX_HEIGHT);
        const host = o.host === null || /^https?:\/\/[^/]+$/.test(o.host);
        expect(height && host && [null, 'light', 'dark'].includes(o.theme) && typeof o.panel === 'boolean' && typeof o.static === 'boolean').toBe(true);
      }),
      params()
    );
  });

  it('format then parse is the identity on valid options', () => {
    const options: fc.Arbitrary<EmbedOptions> = fc.record({
      height: fc.oneof(fc.constant('auto' as const), fc.integer({ min: MIN_HEIGHT, max: MAX_HEIGHT })),
      panel: fc.boolean(),
      static: fc.boolean(),
      theme: fc.constantFrom(null, 'light' as const, 'dark' as const),
      host: fc.constantFrom(null, 'https://news.example', 'http://127.0.0.1:8080')
    });
    fc.assert(
      fc.property(options, (o) => {
        expect(parseEmbedOptions(formatEmbedOptions(o))).toEqual({ ...DEFAULT_EMBED_OPTIONS, ...o });
      }),
      params()
    );
  });
});
