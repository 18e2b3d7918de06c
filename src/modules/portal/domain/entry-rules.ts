/**
 * How the portal's door behaves: how long codes, links and sessions live, and when
 * repeated failures lock a case's entry. Failures count per case whichever way they
 * came (code or knowledge), so switching doors does not buy more guesses.
 */
import { timingSafeEqual } from "node:crypto";

export const ENTRY_MAX_FAILURES = 5;
export const ENTRY_LOCK_MINUTES = 30;
export const ENTRY_CODES_PER_HOUR = 5;
export const ENTRY_CODE_TTL_MINUTES = 10;
/**
 * Knowledge is a weak secret (the end of a codice fiscale has ~26,000 values): after this
 * many wrong answers for one debtor in KNOWLEDGE_WINDOW_DAYS only a code opens the door.
 */
export const KNOWLEDGE_MAX_FAILURES = 10;
export const KNOWLEDGE_WINDOW_DAYS = 7;
/** A session ends after this long without a request, and in any case after SESSION_MAX_HOURS. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 8;

export type EntryLock = { locked: false } | { locked: true; retryAfterMinutes: number };

/** Locked while the last ENTRY_MAX_FAILURES failures all fall within ENTRY_LOCK_MINUTES. */
export function entryLock(recentFailures: readonly Date[], now: Date): EntryLock {
  const windowMs = ENTRY_LOCK_MINUTES * 60_000;
  const inWindow = recentFailures
    .filter((at) => now.getTime() - at.getTime() < windowMs)
    .sort((a, b) => b.getTime() - a.getTime());
  if (inWindow.length < ENTRY_MAX_FAILURES) return { locked: false };
  const oldestCounted = inWindow[ENTRY_MAX_FAILURES - 1] as Date;
  const freeAt = oldestCounted.getTime() + windowMs;
  return {
    locked: true,
    retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)),
  };
}

export type KnowledgeKind = "tax_code_last4" | "vat_last4";

/**
 * The question a debtor can answer instead of a code: the end of a number only they
 * should know. Never for companies (their tax code and VAT number are public), never
 * once the debtor's knowledge failures reached KNOWLEDGE_MAX_FAILURES.
 */
export function knowledgeOf(debtor: {
  debtorKind: string;
  taxCode: string | null;
  vatNumber: string | null;
  knowledgeFailures: number;
}): { kind: KnowledgeKind; expected: string } | null {
  if (debtor.debtorKind === "company" || debtor.knowledgeFailures >= KNOWLEDGE_MAX_FAILURES)
    return null;
  const taxCode = normalise(debtor.taxCode ?? "");
  if (taxCode.length >= 11) return { kind: "tax_code_last4", expected: taxCode.slice(-4) };
  const vat = normalise(debtor.vatNumber ?? "").replace(/^IT/, "");
  if (vat.length >= 8) return { kind: "vat_last4", expected: vat.slice(-4) };
  return null;
}

/** Case, spaces and dashes do not matter; the comparison takes the same time whatever is typed. */
export function knowledgeMatches(expected: string, answer: string): boolean {
  const given = normalise(answer);
  const a = Buffer.alloc(16);
  const b = Buffer.alloc(16);
  a.write(given.slice(0, 16));
  b.write(expected.slice(0, 16));
  return timingSafeEqual(a, b) && given.length === expected.length;
}

function normalise(text: string): string {
  return text.toUpperCase().replace(/[\s.-]/g, "");
}
