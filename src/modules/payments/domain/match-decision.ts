/**
 * Deciding where a payment goes, from the cases its keys found and, failing those,
 * from open invoices of exactly its amount whose debtor's name resembles the payer.
 * Confident and unambiguous → allocate; anything else → the unmatched queue, with
 * the candidates a person can choose from.
 */
import type { KeyMethod } from "./match-keys.js";
import { nameSimilarity } from "./name-similarity.js";

export type MatchMethod = KeyMethod | "end_to_end" | "amount_name" | "manual" | "card";

export interface MatchCandidate {
  caseId: string;
  caseReference: string;
  method: MatchMethod;
  confidence: number;
  debtorName?: string;
  caseOpen: boolean;
  installmentSeq?: number;
  installmentId?: string;
  reason?: string;
}

export type MatchDecision =
  | { kind: "match"; candidate: MatchCandidate }
  | { kind: "unmatched"; reason: string; suggestions: MatchCandidate[] };

/** Tenants may raise it; below 90 a wrong allocation costs more than a person's minute. */
export const DEFAULT_AUTO_MATCH_THRESHOLD = 90;
const MAX_SUGGESTIONS = 5;
/** Amount exact + name this alike is as good as a reference (see amountNameConfidence). */
const NAME_FLOOR = 0.5;

export function amountNameConfidence(payerName: string | undefined, debtorName: string): number {
  if (!payerName) return 0;
  const similarity = nameSimilarity(payerName, debtorName);
  return similarity < NAME_FLOOR ? 0 : Math.round(55 + 40 * similarity);
}

export function decideMatch(
  candidates: readonly MatchCandidate[],
  threshold: number,
): MatchDecision {
  const byCase = new Map<string, MatchCandidate>();
  for (const candidate of candidates) {
    const seen = byCase.get(candidate.caseId);
    if (!seen || candidate.confidence > seen.confidence) byCase.set(candidate.caseId, candidate);
  }
  const ranked = [...byCase.values()]
    .filter((c) => c.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence);
  const suggestions = ranked.slice(0, MAX_SUGGESTIONS);
  const [best, second] = ranked;
  if (!best)
    return {
      kind: "unmatched",
      reason: "no case found for its references, amount or name",
      suggestions,
    };
  if (second && second.confidence >= threshold) {
    return {
      kind: "unmatched",
      reason: `it names more than one case (${best.caseReference}, ${second.caseReference})`,
      suggestions,
    };
  }
  if (best.confidence < threshold) {
    return {
      kind: "unmatched",
      reason: `best candidate ${best.caseReference} (${best.method}) scores ${best.confidence}, below ${threshold}`,
      suggestions,
    };
  }
  if (!best.caseOpen) {
    return {
      kind: "unmatched",
      reason: `case ${best.caseReference} is already closed`,
      suggestions,
    };
  }
  return { kind: "match", candidate: best };
}
