/**
 * What the portfolio has already handed out. Two real people never share a phone,
 * an email or a tax code, and identity matching later relies on that; a clash here
 * would look like one person across tenants where there are two.
 */
export class UniquenessRegistry {
  private readonly taken = new Map<string, Set<string>>();

  /** True when `value` was free (and is now taken) in `namespace`. */
  claim(namespace: string, value: string): boolean {
    let set = this.taken.get(namespace);
    if (!set) {
      set = new Set();
      this.taken.set(namespace, set);
    }
    if (set.has(value)) return false;
    set.add(value);
    return true;
  }

  /** Tries candidates from `make(attempt)` until one is free; gives up (undefined) after `tries`. */
  claimFirst(namespace: string, make: (attempt: number) => string, tries = 50): string | undefined {
    for (let attempt = 0; attempt < tries; attempt++) {
      const candidate = make(attempt);
      if (this.claim(namespace, candidate)) return candidate;
    }
    return undefined;
  }
}
