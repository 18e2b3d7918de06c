/**
 * SEPA direct debit mandates: the unique mandate reference (AT-01), the record Saldo
 * keeps of a signed mandate, and when a mandate may no longer be used.
 */
import { createHash } from "node:crypto";
import type { FieldProblem } from "../domain/field-problems.js";
import { validateBic, validateIban } from "../domain/iban.js";
import { creditorIdentifierProblem } from "./creditor-identifier.js";
import { addMonths, isIsoDate } from "./iso-date.js";
import { SEPA_MAX_ID_LENGTH, sepaIdentifierProblem, sepaNameProblem } from "./sepa-text.js";

/** A mandate with no collection for this long expires (SEPA Direct Debit Core rulebook). */
export const MANDATE_EXPIRY_MONTHS = 36;

export type MandateStatus = "active" | "revoked" | "expired";

export interface MandateRecord {
  readonly reference: string;
  /** Day the debtor signed, YYYY-MM-DD. */
  readonly signedOn: string;
  readonly debtorName: string;
  readonly debtorIban: string;
  readonly debtorBic?: string;
  readonly creditorId: string;
  readonly status: MandateStatus;
  /** Due dates (YYYY-MM-DD) of the first and latest collections presented. */
  readonly firstCollectedAt?: string;
  readonly lastCollectedAt?: string;
}

/** What a debtor provides when signing; the status and collection days come later. */
export type MandateInput = Omit<MandateRecord, "status" | "firstCollectedAt" | "lastCollectedAt">;

/** 1–35 SEPA characters, no leading or trailing space or "/", no "//". */
export function mandateReferenceProblem(reference: string): string | null {
  return sepaIdentifierProblem(reference, SEPA_MAX_ID_LENGTH);
}

/** Characters kept as they are; "." never appears in a kept part, so it marks a hash. */
const KEPT_CHARACTERS = /^[A-Z0-9-]+$/;
const HASH_LENGTH = 8;

/**
 * A readable reference unique per case and plan: "<CASE>-P<seq>", e.g. "C-2024-000123-P2".
 * A case reference that needs changing (other characters, too long) keeps a readable
 * prefix plus "." and a hash of the original, so two cases never share a reference.
 */
export function mandateReferenceFor(caseReference: string, planSeq: number): string {
  if (caseReference.trim() === "") throw new RangeError("empty case reference");
  if (!Number.isSafeInteger(planSeq) || planSeq < 1) {
    throw new RangeError(`plan sequence must be a positive integer, got ${planSeq}`);
  }
  const suffix = `-P${planSeq}`;
  const room = SEPA_MAX_ID_LENGTH - suffix.length;
  if (KEPT_CHARACTERS.test(caseReference) && caseReference.length <= room) {
    return `${caseReference}${suffix}`;
  }
  const hash = BigInt(`0x${createHash("sha256").update(caseReference).digest("hex").slice(0, 16)}`)
    .toString(36)
    .toUpperCase()
    .padStart(HASH_LENGTH, "0")
    .slice(0, HASH_LENGTH);
  const readable = caseReference
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, room - HASH_LENGTH - 1);
  return `${readable}.${hash}${suffix}`;
}

/** Every problem with a mandate a debtor signed; `today` is the creditor's calendar day. */
export function mandateProblems(input: MandateInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string | null) => {
    if (reason) problems.push({ field, reason });
  };
  add("reference", mandateReferenceProblem(input.reference));
  if (!isIsoDate(input.signedOn)) add("signedOn", "must be a date YYYY-MM-DD");
  else if (input.signedOn > today) add("signedOn", `is after today (${today})`);
  add("debtorName", sepaNameProblem(input.debtorName));
  add("debtorIban", sepaIbanProblem(input.debtorIban));
  if (input.debtorBic !== undefined) add("debtorBic", bicProblem(input.debtorBic));
  add("creditorId", creditorIdentifierProblem(input.creditorId));
  return problems;
}

export function sepaIbanProblem(iban: string): string | null {
  const check = validateIban(iban);
  if (!check.valid) return `is not a valid IBAN (${check.reason})`;
  return check.sepa ? null : `${check.country} is not a SEPA country`;
}

export function bicProblem(bic: string): string | null {
  const check = validateBic(bic);
  return check.valid ? null : `is not a valid BIC (${check.reason})`;
}

/**
 * The first day the mandate may no longer be used: 36 months after the latest collection
 * presented (even if it was rejected or refunded), or after signing when never used —
 * the conservative reading for a mandate that was never collected on.
 */
export function mandateExpiresOn(mandate: MandateRecord): string {
  return addMonths(mandate.lastCollectedAt ?? mandate.signedOn, MANDATE_EXPIRY_MONTHS);
}

/** Pass the due date of the next collection as `today` when planning one. */
export function isMandateExpired(mandate: MandateRecord, today: string): boolean {
  return mandate.status === "expired" || today >= mandateExpiresOn(mandate);
}

export function isMandateUsable(mandate: MandateRecord, today: string): boolean {
  return mandate.status === "active" && !isMandateExpired(mandate, today);
}
