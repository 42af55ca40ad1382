import { describe, expect, it } from 'vitest';
import { isZoomCurve, mapOutputs } from '../../src/lib/map/style/curves';

const wrap = (v: unknown) => ['case', ['has', 'x'], v, 0];

describe('mapping the outputs of a zoom curve', () => {
  it('maps each output of an interpolation on zoom and keeps its stops', () => {
    expect(mapOutputs(['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2], wrap)).toEqual(['interpolate', ['linear'], ['zoom'], 5, wrap(1), 10, wrap(2)]);
  });

  it('maps the default and each output of a step on zoom', () => {
    expect(mapOutputs(['step', ['zoom'], 1, 8, 2], wrap)).toEqual(['step', ['zoom'], wrap(1), 8, wrap(2)]);
  });

  it('maps a constant, or a curve on anything but zoom, as one value', () => {
    expect(mapOutputs(3, wrap)).toEqual(wrap(3));
    const byProperty = ['interpolate', ['linear'], ['get', 'rank'], 1, 4, 3, 2];
    expect(isZoomCurve(byProperty)).toBe(false);
    expect(mapOutputs(byProperty, wrap)).toEqual(wrap(byProperty));
  });
});
