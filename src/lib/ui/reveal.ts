/** How {@link revealIn} places an element in its scrolling box. */
export interface RevealOptions {
  /** `start`: the element's top at the box's top; `nearest`: scroll only if it is not fully visible. */
  align: 'start' | 'nearest';
  /** Pixels at the top of the box covered by a sticky header. */
  topInset?: number;
  behavior?: ScrollBehavior;
}

/** The distance `box` should scroll by so that `element` is shown as `align` asks; 0 when nothing needs to move. */
export function revealDelta(boxRect: { top: number; bottom: number }, elementRect: { top: number; bottom: number }, align: RevealOptions['align'], topInset = 0): number {
  const top = boxRect.top + topInset;
  if (align === 'start') return elementRect.top - top;
  if (elementRect.top < top) return elementRect.top - top;
  if (elementRect.bottom > boxRect.bottom) return Math.min(elementRect.bottom - boxRect.bottom, elementRect.top - top);
  return 0;
}

/** Scrolls `box` alone (never the page or a host page) so `element` is in view. */
export function revealIn(box: HTMLElement, element: HTMLElement, { align, topInset = 0, behavior = 'auto' }: RevealOptions): void {
  const delta = revealDelta(box.getBoundingClientRect(), element.getBoundingClientRect(), align, topInset);
  if (Math.abs(delta) >= 1) box.scrollTo({ top: box.scrollTop + delta, behavior });
}

/**
 * The nearest ancestor of `element` that scrolls vertically (`overflow-y` auto or scroll), below
 * the body; with `overflowing`, only one whose content is taller than it. Null when there is none.
 */
export function scrollParent(element: HTMLElement, overflowing = false): HTMLElement | null {
  for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && (!overflowing || box.scrollHeight > box.clientHeight)) return box;
  }
  return null;
}
