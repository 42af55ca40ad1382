import { describe, expect, it } from 'vitest';
import { revealDelta } from '../../src/lib/ui/reveal';

describe('revealDelta', () => {
  const box = { top: 100, bottom: 500 };
  it('start: brings the element’s top to the box’s top, below a sticky inset', () => {
    expect(revealDelta(box, { top: 350, bottom: 400 }, 'start')).toBe(250);
    expect(revealDelta(box, { top: 350, bottom: 400 }, 'start', 40)).toBe(210);
  });
  it('nearest: does not move a visible element', () => {
    expect(revealDelta(box, { top: 200, bottom: 300 }, 'nearest', 40)).toBe(0);
  });
  it('nearest: an element under the sticky inset or below the box moves just enough', () => {
    expect(revealDelta(box, { top: 120, bottom: 180 }, 'nearest', 40)).toBe(-20);
    expect(revealDelta(box, { top: 480, bottom: 560 }, 'nearest', 40)).toBe(60);
  });
  it('nearest: an element taller than the box shows its top', () => {
    expect(revealDelta(box, { top: 450, bottom: 1000 }, 'nearest', 40)).toBe(310);
  });
});
