/**
 * Champion/challenger assignment: a case's variant follows from a hash of the
 * strategy key and case id, so it is stable across processes and re-evaluations,
 * needs no random state, and can be recomputed to audit the recorded assignment.
 */

const utf8 = new TextEncoder();

/**
 * FNV-1a (32-bit) over the UTF-8 bytes, finished with MurmurHash3's fmix32 so that
 * ids differing in their last character still spread over the whole range.
 * Pure JavaScript, so the same code runs in the browser's strategy editor.
 */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A number in [0, 1) fixed by the strategy and the case. */
export function assignmentPoint(caseId: string, strategyKey: string): number {
  return hash32(`${strategyKey}:${caseId}`) / 2 ** 32;
}

/**
 * The key of the variant a case gets. Weights are relative (0.8 and 0.2, or 4 and 1);
 * the point is compared against the cumulative shares in the order given.
 */
export function assignVariant(
  caseId: string,
  strategyKey: string,
  variants: ReadonlyArray<{ key: string; weight: number }>,
): string {
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
  if (variants.length === 0 || !(total > 0)) {
    throw new RangeError(`strategy ${strategyKey} has no variant with a positive weight`);
  }
  const point = assignmentPoint(caseId, strategyKey) * total;
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    if (point < cumulative) return variant.key;
  }
  // Only reachable through rounding in the last share.
  return variants[variants.length - 1]!.key;
}
