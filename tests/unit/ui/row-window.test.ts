import { describe, expect, it } from 'vitest';
import { rowWindow, stepRow } from '../../../src/lib/ui/row-window';

describe('rowWindow', () => {
  it('draws the rows that meet the view, and the overscan rows on each side', () => {
    expect(rowWindow(10_000, 50, 1_000, 400, 2)).toEqual({ start: 18, end: 30 });
  });

  it('starts at the first row while the list begins below the top of the view', () => {
    expect(rowWindow(10_000, 50, -500, 800, 2)).toEqual({ start: 0, end: 8 });
  });

  it('draws nothing while the list lies wholly below the view, beyond the overscan', () => {
    expect(rowWindow(10_000, 50, -2_000, 800, 2)).toEqual({ start: 0, end: 0 });
  });

  it('ends at the last row when the view reaches the end of the list', () => {
    expect(rowWindow(100, 50, 4_800, 800, 2)).toEqual({ start: 94, end: 100 });
  });

  it('draws nothing when the view is past the end of the list', () => {
    expect(rowWindow(100, 50, 9_000, 800, 2)).toEqual({ start: 100, end: 100 });
  });

  it('draws nothing for an empty list or rows of no height', () => {
    expect(rowWindow(0, 50, 0, 800)).toEqual({ start: 0, end: 0 });
    expect(rowWindow(100, 0, 0, 800)).toEqual({ start: 0, end: 0 });
  });
});

describe('stepRow', () => {
  it('moves one row with the arrow keys', () => {
    expect(stepRow('ArrowDown', 5, 100, 10)).toBe(6);
    expect(stepRow('ArrowUp', 5, 100, 10)).toBe(4);
  });

  it('moves a page of rows with Page Up and Page Down', () => {
    expect(stepRow('PageDown', 5, 100, 10)).toBe(15);
    expect(stepRow('PageUp', 15, 100, 10)).toBe(5);
  });

  it('moves to the first and the last row with Home and End', () => {
    expect(stepRow('Home', 50, 100, 10)).toBe(0);
    expect(stepRow('End', 50, 100, 10)).toBe(99);
  });

  it('stays inside the list', () => {
    expect(stepRow('ArrowUp', 0, 100, 10)).toBe(0);
    expect(stepRow('PageDown', 95, 100, 10)).toBe(99);
  });

  it('ignores the keys that do not move through a list', () => {
    expect(stepRow('Enter', 5, 100, 10)).toBeNull();
    expect(stepRow('a', 5, 100, 10)).toBeNull();
  });
});
