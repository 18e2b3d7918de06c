/**
 * How alike two payer names are, 0 to 1, for matching a transfer that carries no
 * reference: "ROSSI MARIO" paying for "Mario Rossi", "Bianchi S.r.l." for
 * "BIANCHI SRL". Accents, case, punctuation, word order and legal forms do not count.
 */

const NOISE_WORDS = new Set([
  "srl",
  "srls",
  "spa",
  "sas",
  "snc",
  "sapa",
  "scarl",
  "scrl",
  "coop",
  "soc",
  "societa",
  "ditta",
  "ltd",
  "llc",
  "inc",
  "gmbh",
  "sa",
  "sarl",
  "bv",
  "plc",
  "sig",
  "sigra",
  "signor",
  "signora",
  "dott",
  "dottssa",
  "dr",
  "avv",
  "ing",
  "mr",
  "mrs",
  "ms",
  "e",
  "di",
  "de",
  "del",
  "della",
  "and",
  "the",
]);

export function normalizedNameTokens(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/(\w)\.(?=\w\.)/g, "$1") // s.r.l. → srl.
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((token) => token.length > 0 && !NOISE_WORDS.has(token));
}

/** Dice coefficient over character bigrams of the sorted tokens, or 1 when the token sets agree. */
export function nameSimilarity(a: string, b: string): number {
  const left = normalizedNameTokens(a);
  const right = normalizedNameTokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  const leftSet = new Set(left);
  const rightSet = new Set(right);
  const shared = [...leftSet].filter((token) => rightSet.has(token)).length;
  // "Mario Rossi" against "Rossi Mario Giuseppe": every word of the shorter name is there.
  if (shared === Math.min(leftSet.size, rightSet.size) && shared >= 2) return 1;
  return dice(bigrams([...left].sort().join(" ")), bigrams([...right].sort().join(" ")));
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let overlap = 0;
  let total = 0;
  for (const [pair, count] of a) {
    overlap += Math.min(count, b.get(pair) ?? 0);
    total += count;
  }
  for (const count of b.values()) total += count;
  return total === 0 ? 0 : (2 * overlap) / total;
}
