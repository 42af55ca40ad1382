/** Focuses the control that chooses this place: its button in the list of places, else the embed's place chooser. */
export function focusPlaceChooser(placeId: string | null): void {
  const inList = placeId ? document.querySelector<HTMLElement>(`[data-testid="place-list"] [data-place-id="${CSS.escape(placeId)}"] button`) : null;
  const target = inList ?? document.querySelector<HTMLElement>('[data-testid="place-list"] button, [data-testid="embed-place-select"]');
  target?.focus();
  target?.scrollIntoView({ block: 'nearest' });
}

/**
 * Where to scroll a box so `element` is centred, yet the focused control stays in view when it is
 * in the same box: keyboard focus (`:focus-visible`) and controls marked `data-keep-in-view` (the
 * passage navigator) are never scrolled away.
 */
export function centredScrollTop(box: HTMLElement, element: HTMLElement): number {
  const boxTop = box.getBoundingClientRect().top;
  const offset = element.getBoundingClientRect().top - boxTop;
  const centred = box.scrollTop + offset - box.clientHeight / 2 + element.offsetHeight / 2;
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !box.contains(focused) || element.contains(focused)) return centred;
  if (!focused.matches(':focus-visible') && !focused.closest('[data-keep-in-view]')) return centred;
  const rect = focused.getBoundingClientRect();
  const top = box.scrollTop + rect.top - boxTop;
  return Math.min(Math.max(centred, top + rect.height - box.clientHeight + 8), top - 8);
}
