/**
 * The phrases that reveal each intent, Italian and English, written for the
 * normalised text (lower case, no accents, no apostrophes: "gia", "cant").
 * `weight` is how sure the phrase alone makes us; `negatable` phrases are
 * dropped when a negation stands right before them ("non ho pagato").
 */
import type { DetectedIntent } from "./reply-intent.js";

export interface PhraseRule {
  intent: DetectedIntent;
  weight: number;
  negatable: boolean;
  pattern: RegExp;
}

/** One rule from several alternative phrasings (regular-expression sources), whole words only. */
export function rule(
  intent: DetectedIntent,
  weight: number,
  phrasings: string[],
  options: { negatable?: boolean } = {},
): PhraseRule {
  const source = phrasings.join("|");
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}])`, "gu");
  return { intent, weight, negatable: options.negatable ?? false, pattern };
}

export const negatable = { negatable: true } as const;
