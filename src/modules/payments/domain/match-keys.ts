/**
 * What in an incoming transfer can name a Saldo case: an RF reference, a pagoPA
 * IUV or notice number, the case reference quoted in free text, or the end-to-end
 * id Saldo gave a direct-debit collection. Each key carries the confidence it
 * deserves: a validated structured reference is certain, text a debtor typed is not.
 */
import { parsePagoPaNoticeNumber } from "./pagopa.js";
import { isValidCreditorReference, normalizeCreditorReference } from "./rf-reference.js";

/** Saldo's case references are "SAL-" and 8 digits (see imports/store/sync-cases.ts). */
export const CASE_REFERENCE_PREFIX = "SAL";
const CASE_NUMBER_DIGITS = 8;

export type KeyMethod = "rf" | "iuv" | "case_reference";

export interface CaseKey {
  /** The case reference without separators, as `cases_compact_reference` indexes it. */
  compactReference: string;
  method: KeyMethod;
  confidence: number;
  /** For a pagoPA notice: which notice of the case (0 = the case, n = installment n). */
  noticeSequence?: number;
}

export interface MatchKeys {
  caseKeys: CaseKey[];
  endToEndId?: string;
}

export interface RemittanceInfo {
  structuredReferences: readonly string[];
  unstructured: readonly string[];
  endToEndId?: string;
}

const CONFIDENCE: Record<KeyMethod, number> = { rf: 100, iuv: 100, case_reference: 95 };
/** An RF reference a debtor typed into free text: checked by its digits, so near certain. */
const RF_IN_TEXT_CONFIDENCE = 98;

const RF_IN_TEXT = /\bRF\s?\d{2}(?:\s?[A-Z0-9]){1,21}\b/gi;
const CASE_REFERENCE_IN_TEXT = new RegExp(
  `\\b${CASE_REFERENCE_PREFIX}[-\\s/]?(\\d{${CASE_NUMBER_DIGITS}})\\b`,
  "gi",
);
const NOTICE_IN_TEXT = /\b3\d{17}\b/g;

export function matchKeysOf(info: RemittanceInfo): MatchKeys {
  const keys: CaseKey[] = [];
  for (const ref of info.structuredReferences) {
    const key = keyOfStructuredReference(ref);
    if (key) keys.push(key);
  }
  const text = info.unstructured.join(" ");
  for (const found of text.match(RF_IN_TEXT) ?? []) {
    const rf = normalizeCreditorReference(found);
    if (isValidCreditorReference(rf)) {
      keys.push({ compactReference: rf.slice(4), method: "rf", confidence: RF_IN_TEXT_CONFIDENCE });
    }
  }
  for (const found of text.matchAll(CASE_REFERENCE_IN_TEXT)) {
    keys.push({
      compactReference: `${CASE_REFERENCE_PREFIX}${found[1]}`,
      method: "case_reference",
      confidence: CONFIDENCE.case_reference,
    });
  }
  for (const found of text.match(NOTICE_IN_TEXT) ?? []) {
    const key = keyOfNotice(found);
    if (key) keys.push(key);
  }
  const endToEndId = info.endToEndId?.trim();
  return { caseKeys: dedupe(keys), ...(endToEndId ? { endToEndId } : {}) };
}

function keyOfStructuredReference(raw: string): CaseKey | null {
  const ref = normalizeCreditorReference(raw);
  if (ref.startsWith("RF")) {
    return isValidCreditorReference(ref)
      ? { compactReference: ref.slice(4), method: "rf", confidence: CONFIDENCE.rf }
      : null;
  }
  // A pagoPA IUV (17 digits, aux digit 3 left out) or the whole notice number (18).
  if (/^\d{17}$/.test(ref)) return keyOfNotice(`3${ref}`);
  if (/^\d{18}$/.test(ref)) return keyOfNotice(ref);
  return null;
}

/** Notice 3 + segregation (2) + case number (10) + notice sequence (3) + check (2). */
function keyOfNotice(noticeNumber: string): CaseKey | null {
  const parsed = parsePagoPaNoticeNumber(noticeNumber);
  if (!parsed.ok || parsed.value.auxDigit !== "3") return null;
  const caseNumber = BigInt(noticeNumber.slice(3, 13));
  const digits = String(caseNumber).padStart(CASE_NUMBER_DIGITS, "0");
  if (digits.length > CASE_NUMBER_DIGITS) return null;
  return {
    compactReference: `${CASE_REFERENCE_PREFIX}${digits}`,
    method: "iuv",
    confidence: CONFIDENCE.iuv,
    noticeSequence: Number(noticeNumber.slice(13, 16)),
  };
}

/** One key per reference, the most confident kept. */
function dedupe(keys: CaseKey[]): CaseKey[] {
  const best = new Map<string, CaseKey>();
  for (const key of keys) {
    const seen = best.get(key.compactReference);
    if (!seen || key.confidence > seen.confidence) best.set(key.compactReference, key);
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}
