import { describe, expect, it } from 'vitest';
import { resolveSize, SizeError } from '../../../src/lib/export/size';

describe('export sizes', () => {
  it('makes 2× exactly twice the pixels of 1× in each direction', () => {
    const one = resolveSize({ preset: 'social-wide', scale: 1 });
    const two = resolveSize({ preset: 'social-wide', scale: 2 });
    expect([one.pixelWidth, one.pixelHeight]).toEqual([1200, 675]);
    expect([two.pixelWidth, two.pixelHeight]).toEqual([2400, 1350]);
    expect(two.cssWidth).toBe(one.cssWidth);
  });

  it('gives A4 at 300 dpi as 2480 × 3508 and its landscape turned', () => {
    expect(resolveSize({ preset: 'a4-portrait' })).toMatchObject({ pixelWidth: 2480, pixelHeight: 3508, pixelRatio: 300 / 96 });
    expect(resolveSize({ preset: 'a4-landscape' })).toMatchObject({ pixelWidth: 3508, pixelHeight: 2480 });
    expect(resolveSize({ preset: 'letter-portrait' })).toMatchObject({ pixelWidth: 2550, pixelHeight: 3300 });
  });

  it('takes a chosen DPI over a scale', () => {
    expect(resolveSize({ preset: 'custom', width: 400, height: 300, dpi: 192, scale: 3 })).toMatchObject({ pixelWidth: 800, pixelHeight: 600 });
  });

  it('refuses impossible sizes with a reason', () => {
    expect(() => resolveSize({ preset: 'custom', width: 50, height: 300 })).toThrow(SizeError);
    expect(() => resolveSize({ preset: 'social-wide', scale: 0 })).toThrow(/scale/);
    expect(() => resolveSize({ preset: 'nope' as never })).toThrow(/unknown size preset/);
  });
});
