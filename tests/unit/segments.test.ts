import { describe, expect, it } from 'vitest';
import { keepUnchanged, segmentText } from '../../src/lib/sources/segments';

const text = 'They fled from Khojaly towards Aghdam at night.';
const mentions = [
  { start: 15, end: 22, placeId: 'khojaly' },
  { start: 31, end: 37, placeId: 'aghdam' }
];

describe('segmentText', () => {
  it('keeps every character of the text, in order', () => {
    const runs = segmentText(text, mentions, [{ start: 5, end: 37, current: true }]);
    expect(runs.flatMap((r) => r.pieces.map((p) => p.text)).join('')).toBe(text);
  });

  it('puts the current passage in one run whose text is the passage', () => {
    const runs = segmentText(text, mentions, [{ start: 23, end: 37, current: true }]);
    const marked = runs.find((r) => r.highlight?.current);
    expect(marked?.pieces.map((p) => p.text).join('')).toBe('towards Aghdam');
  });

  it('turns mentions into pieces that name their place', () => {
    const runs = segmentText(text, mentions, []);
    expect(runs[0]!.pieces.filter((p) => p.placeId).map((p) => [p.text, p.placeId])).toEqual([
      ['Khojaly', 'khojaly'],
      ['Aghdam', 'aghdam']
    ]);
  });

  it('splits a mention that crosses a passage boundary', () => {
    const runs = segmentText(text, mentions, [{ start: 18, end: 30, current: true }]);
    const pieces = runs.flatMap((r) => r.pieces).filter((p) => p.placeId === 'khojaly');
    expect(pieces.map((p) => p.text)).toEqual(['Kho', 'jaly']);
  });

  it('lets the current passage win over an overlapping one', () => {
    const runs = segmentText(text, [], [
      { start: 0, end: 30, current: false },
      { start: 23, end: 47, current: true }
    ]);
    expect(runs.filter((r) => r.highlight).map((r) => r.highlight!.current)).toEqual([true]);
  });

  it('cuts unmarked text at the given offsets, so moving a highlight leaves the runs it does not touch as they were', () => {
    const cuts = [5, 15, 23, 37];
    const span = (r: { start: number; end: number; highlight: unknown }) => `${r.start}-${r.end}${r.highlight ? ' marked' : ''}`;
    const before = segmentText(text, mentions, [{ start: 5, end: 15, current: true }], cuts).map(span);
    const after = segmentText(text, mentions, [{ start: 23, end: 37, current: true }], cuts).map(span);
    expect(after.filter((r) => before.includes(r))).toEqual(['0-5', '15-23', '37-47']);
  });

  it('never cuts a marked passage at the given offsets', () => {
    const runs = segmentText(text, mentions, [{ start: 5, end: 37, current: true }], [15, 23]);
    expect(runs.filter((r) => r.highlight).map((r) => [r.start, r.end])).toEqual([[5, 37]]);
  });
});

describe('keepUnchanged', () => {
  const cuts = [0, 14, 23, 37];
  const first = segmentText(text, mentions, [{ start: 0, end: 14, current: true }], cuts);
  const second = keepUnchanged(first, segmentText(text, mentions, [{ start: 23, end: 37, current: true }], cuts));

  it('keeps the objects of the runs a new selection leaves as they were', () => {
    const untouched = second.find((r) => r.start === 14)!;
    expect(untouched).toBe(first.find((r) => r.start === 14));
  });

  it('gives the runs whose passage state changes new objects', () => {
    expect(second.find((r) => r.start === 0)).not.toBe(first.find((r) => r.start === 0));
    expect(second.find((r) => r.start === 23)?.highlight?.current).toBe(true);
  });

  it('keeps no run of another text at the same offset', () => {
    const other = keepUnchanged(first, segmentText('Fled from Khojaly.', [], [], [0, 14]));
    expect(other.map((r) => r.pieces.map((p) => p.text).join('')).join('')).toBe('Fled from Khojaly.');
    expect(other.every((r) => !first.includes(r))).toBe(true);
  });
});
