/**
 * Resolves once the next frame has been painted: in a task queued from that frame's animation
 * callback, so what was changed before it is on screen (the prerendered text at start, a
 * selection's highlight) before the work that follows.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    })
  );
}
