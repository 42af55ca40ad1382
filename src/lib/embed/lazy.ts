/** How far outside the viewport an embed starts its map (honoured where the host is same-origin). */
export const NEAR_MARGIN = '300px';

/**
 * Calls `start` once, when `element` comes within {@link NEAR_MARGIN} of the viewport (for an
 * iframe, the top page's viewport), or at once where IntersectionObserver is missing.
 * Returns a disposer.
 */
export function whenNearViewport(element: Element, start: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
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
