/**
 * A small seeded pseudo-random generator (sfc32), so the demo portfolio is a pure
 * function of its seed: Math.random would make every run, and every test, different.
 */

/** FNV-1a: turns a stream label ("tenant:utility") into 32 bits to mix into the seed. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** splitmix32 spreads one 32-bit seed over sfc32's 128 bits of state, so nearby seeds differ. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export type Weighted<T> = readonly (readonly [T, number])[];

export class SeededRandom {
  // Int32 storage: plain number fields above 2^31 become heap numbers, and the
  // garbage they make cost more than the generator itself.
  private readonly state = new Int32Array(4);

  /** Each label is an independent stream of the same seed: growing one tenant leaves the other as it was. */
  constructor(
    private readonly seed: number,
    label = "",
  ) {
    const init = splitmix32((seed ^ hashLabel(label)) >>> 0);
    for (let i = 0; i < 4; i++) this.state[i] = init();
    // sfc32 needs a few rounds before its output is well mixed.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A new independent stream under the same seed. */
  stream(label: string): SeededRandom {
    return new SeededRandom(this.seed, label);
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = this.state;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = (s[3]! + 1) | 0;
    const t = (((a + b) | 0) + d) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    s[3] = d;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(entries: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A string of random decimal digits; the first one is never 0 when `leadingNonZero`. */
  digits(count: number, leadingNonZero = false): string {
    let out = leadingNonZero ? String(this.int(1, 9)) : "";
    while (out.length < count) out += String(this.int(0, 9));
    return out;
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}
