import { describe, expect, it } from 'vitest';
import { layoutFrame, niceLength, wrap, type FrameContent } from '../../../src/lib/export/layout';
import type { Measure } from '../../../src/lib/export/measure';

const measure: Measure = (text, size, bold) => text.length * size * (bold ? 0.6 : 0.55);
const content: FrameContent = {
  title: 'Khojaly, February 1992 and after',
  subtitle: 'Khojaly',
  legend: [
    { layer: 'khojaly', title: 'Khojaly' },
    { layer: 'escape-route', title: 'Escape route towards Aghdam (approximate)' }
  ],
  sources: [{ n: 1, id: 'a', label: 'A', title: 'T', publisher: null, date: null, url: null, text: 'T. Publisher unknown, date unknown. URL unknown' }],
  attribution: 'Borders: Natural Earth',
  permalink: 'https://example.org/#view=9/39.9/46.8'
};

const inside = (r: { x: number; y: number; w: number; h: number }, w: number, h: number) => r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;

describe('frame layout', () => {
  for (const [w, h] of [[400, 300], [1200, 675], [1080, 1080], [793.7, 1122.5], [1122.5, 793.7]] as const) {
    it(`fits everything into ${w} × ${h} with the map taking a fair share`, () => {
      const layout = layoutFrame(w, h, content, 'light', measure);
      expect(inside(layout.map, w, h)).toBe(true);
      expect(layout.map.w * layout.map.h).toBeGreaterThan(w * h * 0.3);
      const texts = layout.ops.filter((op) => op.kind === 'text');
      for (const t of texts) {
        expect(t.y).toBeLessThanOrEqual(h);
        expect(t.x + measure(t.text, t.size, t.bold)).toBeLessThanOrEqual(w + 0.5);
      }
      expect(texts.map((t) => t.text).join(' ')).toContain('URL unknown');
      expect(texts.every((t) => t.size >= 5)).toBe(true);
    });
  }

  it('breaks lines so that a fallback font 10 % wider (18 % in bold) still keeps inside the right margin', () => {
    const long = { ...content, attribution: 'Borders: Natural Earth · Water: GSHHG · Towns: GeoNames (CC BY 4.0) · Font: Noto Sans (OFL 1.1) · Places: Wikipedia', permalink: `https://example.org/khojaly-map/index.html#view=9.49/39.99297/46.93&layers=${'x'.repeat(80)}` };
    const layout = layoutFrame(1200, 675, long, 'light', measure);
    for (const t of layout.ops.filter((op) => op.kind === 'text')) {
      expect(t.x + measure(t.text, t.size, t.bold) * (t.bold ? 1.18 : 1.1), t.text).toBeLessThanOrEqual(1200 - layout.base + 0.5);
    }
  });

  it('wraps on words and cuts words longer than a line', () => {
    expect(wrap('aa bb cc', 5.1 * 0.55 * 10, 10, false, measure)).toEqual(['aa bb', 'cc']);
    expect(wrap('abcdefghij', 4.1 * 0.55 * 10, 10, false, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('chooses round scale bar lengths', () => {
    expect(niceLength(37_000)).toBe(20_000);
    expect(niceLength(9_000)).toBe(5_000);
    expect(niceLength(1_500)).toBe(1_000);
  });
});
