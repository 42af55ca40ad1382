import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../../../src/lib/data/types';
import type { MapDrawing } from '../../../src/lib/export/drawing';
import { linkView, planFrame, requestedBounds } from '../../../src/lib/export/frame';
import { projector } from '../../../src/lib/export/mercator';
import { defaultPadding } from '../../../src/lib/map/camera';
import { storyBounds, viewBounds } from '../../../src/lib/map/frames';
import type { ExportRequest } from '../../../src/lib/export/types';
import { measure, model } from './fixture';

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
  covered: [],
  countryNames: { type: 'FeatureCollection', features: [] },
  placed: { labels: [], callouts: callouts.map((placeId, i) => ({ n: i + 1, placeId, text: placeId.toUpperCase(), at: [0, 0], badge: { x: 0, y: 0, r: 5 } })) }
});

describe('frame planning', () => {
  it('fits the story’s points into the map area with the screen’s padding for that width when no view is asked for', () => {
    const [[west, south], [east, north]] = storyBounds(model);
    for (const [w, h] of [[1200, 675], [794, 1123], [390, 700]] as const) {
      const plan = planFrame(model, { ...request, frame: { width: w, height: h } }, { cssWidth: w, cssHeight: h }, base, measure, () => drawing([]));
      const { w: mw, h: mh } = plan.layout.map;
      const pad = defaultPadding(mw);
      const project = projector(plan.camera);
      const [x0, y0] = project([west, north]);
      const [x1, y1] = project([east, south]);
      expect([plan.camera.width, plan.camera.height]).toEqual([mw, mh]);
      expect(x0).toBeGreaterThanOrEqual(pad.left - 1e-6);
      expect(y0).toBeGreaterThanOrEqual(pad.top - 1e-6);
      expect(x1).toBeLessThanOrEqual(mw - pad.right + 1e-6);
      expect(y1).toBeLessThanOrEqual(mh - pad.bottom + 1e-6);
      expect(Math.min(x0 - pad.left + mw - pad.right - x1, y0 - pad.top + mh - pad.bottom - y1)).toBeCloseTo(0, 6);
    }
  });

  it('links the default frame of the screen’s map size when no view is asked for', () => {
    const view = linkView(model, { view: null, frame: { width: 390, height: 700 } });
    const [[west, south], [east, north]] = viewBounds(view, 390, 700);
    const [[w, s], [e, n]] = storyBounds(model);
    expect([west < w, south < s, east > e, north > n]).toEqual([true, true, true, true]);
    const degreesPerPixel = (east - west) / 390;
    expect((w - west) / degreesPerPixel).toBeGreaterThanOrEqual(defaultPadding(390).left - 1e-6);
  });

  it('keeps the extent of a requested view', () => {
    const bounds = requestedBounds(model, { view: { zoom: 10, lat: 39.9, lng: 46.8 }, frame: { width: 800, height: 600 } });
    expect((bounds[0] + bounds[2]) / 2).toBeCloseTo(46.8, 5);
    expect(linkView(model, { view: { zoom: 10, lat: 39.9, lng: 46.8 }, frame: { width: 800, height: 600 } })).toEqual({ zoom: 10, lat: 39.9, lng: 46.8 });
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
