import { describe, expect, it } from 'vitest';
import { cleanRequest, exportText } from '../../../src/lib/export/text';
import type { ExportRequest } from '../../../src/lib/export/types';

describe('text entering an SVG or PDF export', () => {
  it('loses its control characters', () => {
    expect(exportText('Map\u0001 of\u007f Khojaly\u009b')).toBe('Map of Khojaly');
  });

  it('loses a lone surrogate but keeps a pair', () => {
    expect(exportText('a\ud800b \ud83d\uddfa')).toBe('ab \ud83d\uddfa');
  });

  it('turns tabs and line breaks into one space', () => {
    expect(exportText('Khojaly,\r\n\t1992')).toBe('Khojaly, 1992');
  });

  it('keeps Azerbaijani and Cyrillic letters', () => {
    expect(exportText('Xocalı, Xankəndi, Ходжалы')).toBe('Xocalı, Xankəndi, Ходжалы');
  });

  it('applies to the title and subtitle of a request', () => {
    const request = { title: 'Map\u0001', subtitle: 'Sub\u0000title', permalinkBase: 'index.html' } as ExportRequest;
    expect(cleanRequest(request)).toMatchObject({ title: 'Map', subtitle: 'Subtitle', permalinkBase: 'index.html' });
  });
});
