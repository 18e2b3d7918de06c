/**
 * Spaces calls evenly to stay under a provider's messages-per-second limit:
 * each caller gets the next free slot and waits for it. Without a rate it never waits.
 */
export function createPacer(perSecond: number | undefined): () => Promise<void> {
  if (!perSecond || perSecond <= 0) return async () => {};
  const interval = 1000 / perSecond;
  let nextSlot = 0;
  return async () => {
    const now = Date.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + interval;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
}
