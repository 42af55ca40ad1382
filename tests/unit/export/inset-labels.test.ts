import { describe, expect, it } from 'vitest';
import { FALLBACK_WIDTH } from '../../../src/lib/export/measure';
import { draw, mainCamera, measure } from './fixture';

/** Each label of an inset's SVG: its centre x, and its lines with their font size. */
function insetLabels(svg: string): { x: number; lines: { text: string; size: number }[]; bold: boolean }[] {
  const texts = svg.split('<g class="labels">')[1]?.split('</g>')[0] ?? '';
  return [...texts.matchAll(/<text [^>]*font-weight="(\d+)"[^>]*>(.*?)<\/text>/g)].map(([, weight, body]) => {
    const spans = [...body!.matchAll(/<tspan x="([\d.-]+)" y="[\d.-]+" font-size="([\d.]+)">([^<]*)<\/tspan>/g)];
    return { x: Number(spans[0]![1]), bold: weight === '700', lines: spans.map((s) => ({ text: s[3]!, size: Number(s[2]) })) };
  });
}

describe('labels in the Baku inset', () => {
  it('assumes a fallback at least as wide as the measured worst case (DejaVu Sans Bold sets these names up to 14% wider than Noto Sans Bold)', () => {
    expect(FALLBACK_WIDTH.bold).toBeGreaterThanOrEqual(1.14);
  });

  for (const [w, h] of [[1050, 900], [900, 600], [790, 570], [1200, 560], [360, 400]] as const) {
    it(`stay inside a ${w} × ${h} map's inset even when a renderer without Noto Sans sets them ${Math.round((FALLBACK_WIDTH.regular - 1) * 100)}% wider (bold ${Math.round((FALLBACK_WIDTH.bold - 1) * 100)}%)`, () => {
      const { drawing } = draw({ camera: mainCamera(w, h) });
      const inset = drawing.insets.find((i) => i.plan.id === 'baku')!;
      const labels = insetLabels(inset.svg);
      expect(labels.length).toBeGreaterThan(0);
      for (const l of labels) {
        const half = (Math.max(...l.lines.map((line) => measure(line.text, line.size, l.bold))) * (l.bold ? FALLBACK_WIDTH.bold : FALLBACK_WIDTH.regular)) / 2;
        expect(l.x - half, l.lines[0]!.text).toBeGreaterThanOrEqual(0);
        expect(l.x + half, l.lines[0]!.text).toBeLessThanOrEqual(inset.plan.rect.w);
      }
    });
  }
});
