/** How far outside the viewport an embed starts its map, in CSS pixels (honoured where the host is same-origin). */
const NEAR_MARGIN_PX = 300;

/** {@link NEAR_MARGIN_PX} as an IntersectionObserver root margin. */
export const NEAR_MARGIN = `${NEAR_MARGIN_PX}px`;

/** Whether an element of the top-level page is within {@link NEAR_MARGIN_PX} of the viewport now. */
function nearTopViewport(element: Element): boolean {
  if (window.top !== window) return false;
  const r = element.getBoundingClientRect();
  const m = NEAR_MARGIN_PX;
  return r.top < window.innerHeight + m && r.bottom > -m && r.left < window.innerWidth + m && r.right > -m;
}

/**
 * Calls `start` once, when `element` comes within {@link NEAR_MARGIN} of the viewport (for an
 * iframe, the top page's viewport). At once where IntersectionObserver is missing, and where the
 * embed is the top-level page and already near the viewport (IntersectionObserver would only say
 * so after the page's first frame). Returns a disposer.
 */
export function whenNearViewport(element: Element, start: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined' || nearTopViewport(element)) {
    start();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      start();
    },
    { rootMargin: NEAR_MARGIN }
  );
  observer.observe(element);
  return () => observer.disconnect();
}
