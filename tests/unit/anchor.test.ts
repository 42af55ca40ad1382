import { describe, expect, it } from 'vitest';
import { anchorQuote, occurrences } from '../../src/lib/data/anchor';

const text = 'Khojaly was attacked. People fled towards Aghdam. Khojaly was later rebuilt.';

describe('anchorQuote', () => {
  it('finds a quote that occurs once', () => {
    const result = anchorQuote(text, { source: 's', exact: 'towards Aghdam' });
    expect(result).toEqual({ ok: true, start: 34, end: 48 });
    expect(text.slice(34, 48)).toBe('towards Aghdam');
  });

  it('rejects a quote that is not in the text', () => {
    const result = anchorQuote(text, { source: 's', exact: 'towards Baku' });
    expect(result).toEqual({ ok: false, reason: 'the quote is not found in the text' });
  });

  it('rejects an ambiguous quote and says how to fix it', () => {
    const result = anchorQuote(text, { source: 's', exact: 'Khojaly was' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('the quote is ambiguous: it occurs 2 times; add a prefix or suffix');
  });

  it('uses a suffix to choose among occurrences', () => {
    const result = anchorQuote(text, { source: 's', exact: 'Khojaly was', suffix: ' later' });
    expect(result).toEqual({ ok: true, start: 50, end: 61 });
  });

  it('uses a prefix to choose among occurrences', () => {
    const result = anchorQuote(text, { source: 's', exact: 'Khojaly', prefix: 'Aghdam. ' });
    expect(result).toEqual({ ok: true, start: 50, end: 57 });
  });

  it('rejects a prefix that fits no occurrence', () => {
    const result = anchorQuote(text, { source: 's', exact: 'Khojaly', prefix: 'Baku ' });
    expect(!result.ok && result.reason).toBe('the quote occurs 2 time(s) but never with the given prefix/suffix');
  });

  it('accepts a position hint only when the text there equals the quote', () => {
    expect(anchorQuote(text, { source: 's', exact: 'Khojaly', start: 50 })).toEqual({ ok: true, start: 50, end: 57 });
    const wrongHint = anchorQuote(text, { source: 's', exact: 'Khojaly', start: 3 });
    expect(wrongHint.ok).toBe(false);
  });

  it('counts offsets in UTF-16 code units', () => {
    const az = 'Xocalı — Xankəndi';
    expect(anchorQuote(az, { source: 's', exact: 'Xankəndi' })).toEqual({ ok: true, start: 9, end: 17 });
  });

  it('rejects an empty quote', () => {
    expect(anchorQuote(text, { source: 's', exact: '' }).ok).toBe(false);
  });
});

describe('occurrences', () => {
  it('lists overlapping occurrences', () => {
    expect(occurrences('aaa', 'aa')).toEqual([0, 1]);
  });
});
