import { describe, expect, it } from 'vitest';
import type { Op } from '../../../src/lib/export/layout';
import { opSvg } from '../../../src/lib/export/svg';
import { measure } from './fixture';

const line: Op = { kind: 'text', x: 10, y: 600, text: 'Permalink: https://example.org/khojaly-map/index.html#view=8.1/39.9/46.8', size: 9, bold: false, color: '#55534f', role: 'footer' };

describe('frame text in an SVG', () => {
  it('holds each line to its width in the embedded font, so a fallback font cannot run past the margin', () => {
    const svg = opSvg(line, measure);
    const width = Number(svg.match(/textLength="([\d.]+)"/)?.[1]);
    expect(width).toBeCloseTo(measure(line.text, 9, false), 1);
    expect(svg).toContain('lengthAdjust="spacingAndGlyphs"');
  });

  it('measures bold text as bold', () => {
    const svg = opSvg({ ...line, bold: true }, measure);
    expect(Number(svg.match(/textLength="([\d.]+)"/)?.[1])).toBeCloseTo(measure(line.text, 9, true), 1);
  });

  it('leaves a single character (a callout’s number) unadjusted: the PDF converter would divide by its zero gaps', () => {
    const svg = opSvg({ ...line, text: '1', bold: true }, measure);
    expect(svg).toContain('>1<');
    expect(svg).not.toContain('textLength');
  });
});
