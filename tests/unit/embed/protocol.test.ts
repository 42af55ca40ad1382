import { describe, expect, it } from 'vitest';
import { parseEmbedMessage } from '../../../src/lib/embed/host';
import { embedState, parseHostMessage, PROTOCOL_VERSION, wire } from '../../../src/lib/embed/protocol';

const known = { places: ['khojaly', 'aghdam'], layers: ['khojaly', 'escape-route'] };

describe('parseHostMessage', () => {
  it('accepts a select with and without a passage, and a clearing select', () => {
    expect(parseHostMessage({ type: 'khojaly-map:select', version: 1, place: 'aghdam' }, known)).toEqual({ type: 'khojaly-map:select', place: 'aghdam' });
    expect(parseHostMessage({ type: 'khojaly-map:select', place: 'aghdam', cite: 2 }, known)).toEqual({ type: 'khojaly-map:select', place: 'aghdam', cite: 2 });
    expect(parseHostMessage({ type: 'khojaly-map:select', place: null }, known)).toEqual({ type: 'khojaly-map:select', place: null });
  });

  it('accepts a view in range and rejects one out of range or not numeric', () => {
    expect(parseHostMessage({ type: 'khojaly-map:view', view: { zoom: 9.5, lat: 39.9, lng: 46.8 } })).toEqual({
      type: 'khojaly-map:view',
      view: { zoom: 9.5, lat: 39.9, lng: 46.8 }
    });
    for (const view of [{ zoom: 30, lat: 0, lng: 0 }, { zoom: 5, lat: 90, lng: 0 }, { zoom: 5, lat: 0, lng: 181 }, { zoom: '5', lat: 0, lng: 0 }, { zoom: NaN, lat: 0, lng: 0 }, null, [5, 0, 0]]) {
      expect(parseHostMessage({ type: 'khojaly-map:view', view })).toBeNull();
    }
  });

  it('accepts known layers, deduplicated, and rejects unknown ones', () => {
    expect(parseHostMessage({ type: 'khojaly-map:layers', layers: ['khojaly', 'khojaly'] }, known)).toEqual({ type: 'khojaly-map:layers', layers: ['khojaly'] });
    expect(parseHostMessage({ type: 'khojaly-map:layers', layers: [] }, known)).toEqual({ type: 'khojaly-map:layers', layers: [] });
    expect(parseHostMessage({ type: 'khojaly-map:layers', layers: ['nope'] }, known)).toBeNull();
    expect(parseHostMessage({ type: 'khojaly-map:layers', layers: 'khojaly' }, known)).toBeNull();
  });

  it('returns null, without throwing, for anything malformed', () => {
    const bad: unknown[] = [
      undefined, null, 0, 'khojaly-map:select', [], {}, { type: 1 }, { type: 'khojaly-map:nope' }, { type: 'KHOJALY-MAP:SELECT', place: 'aghdam' },
      { type: 'khojaly-map:select', place: 'aghdam', version: 2 }, { type: 'khojaly-map:select', place: 'aghdam', version: '1' },
      { type: 'khojaly-map:select', place: 'unknown' }, { type: 'khojaly-map:select', place: '<img src=x onerror=alert(1)>' },
      { type: 'khojaly-map:select', place: 'aghdam', cite: -1 }, { type: 'khojaly-map:select', place: 'aghdam', cite: 1.5 },
      { type: 'khojaly-map:select' }, Object.create(null), new Date()
    ];
    for (const data of bad) expect(() => parseHostMessage(data, known)).not.toThrow();
    for (const data of bad) expect(parseHostMessage(data, known)).toBeNull();
  });

  it('without known ids checks only their form', () => {
    expect(parseHostMessage({ type: 'khojaly-map:select', place: 'anywhere-1' })).not.toBeNull();
    expect(parseHostMessage({ type: 'khojaly-map:select', place: 'Not An Id' })).toBeNull();
  });
});

describe('embed messages', () => {
  const url = { view: { zoom: 9, lat: 39.9, lng: 46.8 }, layers: ['khojaly'], place: 'aghdam', cite: 1, basemap: null };

  it('reports the state with its hash and every layer when all are visible', () => {
    expect(embedState(url, ['khojaly', 'escape-route'])).toEqual({ place: 'aghdam', cite: 1, layers: ['khojaly'], view: url.view, hash: 'view=9/39.9/46.8&layers=khojaly&place=aghdam&cite=1' });
    expect(embedState({ ...url, layers: null, place: null, cite: null, view: null }, ['khojaly', 'escape-route']).layers).toEqual(['khojaly', 'escape-route']);
  });

  it('adds the version, and the host-side parser reads back what the embed sends', () => {
    const state = embedState(url, ['khojaly']);
    for (const message of [
      { type: 'khojaly-map:ready' as const, state, height: 480 },
      { type: 'khojaly-map:height' as const, height: 612 },
      { type: 'khojaly-map:select' as const, place: 'aghdam', cite: 0 },
      { type: 'khojaly-map:state' as const, state }
    ]) {
      expect(wire(message).version).toBe(PROTOCOL_VERSION);
      expect(parseEmbedMessage(wire(message))).toEqual(message);
      expect(parseEmbedMessage(message)).toBeNull();
    }
  });

  it('the host-side parser rejects malformed embed messages', () => {
    for (const data of [null, { type: 'khojaly-map:height', version: 1, height: -1 }, { type: 'khojaly-map:height', version: 1, height: '5' }, { type: 'khojaly-map:state', version: 1, state: { place: 3 } }]) {
      expect(parseEmbedMessage(data)).toBeNull();
    }
  });
});
