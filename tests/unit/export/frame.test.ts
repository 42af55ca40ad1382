import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../../../src/lib/data/types';
import type { MapDrawing } from '../../../src/lib/export/drawing';
import { linkView, planFrame, requestedBounds } from '../../../src/lib/export/frame';
import type { ExportRequest } from '../../../src/lib/export/types';
import { MAIN, measure, model } from './fixture';

const request: ExportRequest = {
  format: 'svg',
  size: { preset: 'social-wide' },
  view: null,
  frame: { width: 1200, height: 675 },
  layers: LAYER_IDS,
  place: null,
  title: 'Title',
  subtitle: '',
  theme: 'light',
  permalinkBase: 'https://example.org/'
};
const base = { title: 'Title', subtitle: '', legend: [], attribution: 'Natural Earth', permalink: 'https://example.org/' };
const drawing = (callouts: string[]): MapDrawing => ({
  layers: [],
  symbols: [],
  insets: [],
  labels: { halos: '', texts: '', badges: '' },
  placed: { labels: [], callouts: callouts.map((placeId, i) => ({ n: i + 1, placeId, text: placeId.toUpperCase(), at: [0, 0], badge: { x: 0, y: 0, r: 5 } })) }
});

describe('frame planning', () => {
  it('keeps the main Karabakh frame when no view is asked for', () => {
    expect(requestedBounds(request)).toEqual(MAIN);
  });

  it('keeps the extent of a requested view', () => {
    const bounds = requestedBounds({ view: { zoom: 10, lat: 39.9, lng: 46.8 }, frame: { width: 800, height: 600 } });
    expect((bounds[0] + bounds[2]) / 2).toBeCloseTo(46.8, 5);
    expect(linkView({ view: { zoom: 10, lat: 39.9, lng: 46.8 }, frame: { width: 800, height: 600 } })).toEqual({ zoom: 10, lat: 39.9, lng: 46.8 });
  });

  it('lists every callout of the final drawing in the key, numbered as on the map', () => {
    const asked: ReadonlySet<string>[] = [];
    const plan = planFrame(model, request, { cssWidth: 1200, cssHeight: 675 }, base, measure, (_camera, _f, forced) => {
      asked.push(new Set(forced));
      return drawing(forced.size > 0 ? ['aghdara', 'asgaran'] : ['aghdara']);
    });
    const texts = plan.layout.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
    expect(plan.drawing.placed.callouts.map((c) => c.placeId)).toEqual(['aghdara', 'asgaran']);
    expect(texts).toContain('NUMBERED PLACES');
    expect(texts).toContain('AGHDARA');
    expect(texts).toContain('ASGARAN');
    expect([...asked.at(-1)!]).toEqual(['aghdara', 'asgaran']);
  });

  it('lists no key when every label found a place', () => {
    const plan = planFrame(model, request, { cssWidth: 1200, cssHeight: 675 }, base, measure, () => drawing([]));
    expect(plan.layout.ops.some((op) => op.kind === 'text' && op.text === 'NUMBERED PLACES')).toBe(false);
    expect(plan.layout.ops.some((op) => op.kind === 'text' && op.role === 'scale')).toBe(true);
  });
});
