import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, defaultPadding } from '../../src/lib/map/camera';
import { shippedModel } from '../support/model';

/** The story points of the default frame: every point of the shipped data in Karabakh (Baku has its inset). */
const framed = shippedModel()
  .places.filter((p) => p.geometry.type === 'Point' && p.id !== 'mothers-cry' && !p.layers.includes('also-named'))
  .map((p) => (p.geometry as unknown as { coordinates: [number, number] }).coordinates);

describe('the default frame', () => {
  it('is the story points’ corners, so their labels’ room comes from the padding alone', () => {
    const lngs = framed.map(([lng]) => lng);
    const lats = framed.map(([, lat]) => lat);
    expect(DEFAULT_BOUNDS).toEqual([
      [Math.min(...lngs), Math.min(...lats)],
      [Math.max(...lngs), Math.max(...lats)]
    ]);
  });

  it('pads the same on every phone width, then grows to at most 24 px more on wide maps', () => {
    expect(defaultPadding(320)).toEqual(defaultPadding(300));
    const wide = defaultPadding(1600);
    const phone = defaultPadding(320);
    expect(wide.left - phone.left).toBe(18);
    expect(defaultPadding(4000)).toEqual(wide);
  });
});
