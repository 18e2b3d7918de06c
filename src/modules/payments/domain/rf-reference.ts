/**
 * ISO 11649 structured creditor reference ("RF reference"): "RF", two check digits,
 * then 1–21 letters or digits. Banks carry it in the structured remittance field of a
 * SEPA credit transfer, so an incoming payment can be matched to its case without
 * reading free text.
 */
import { throwIfAny } from "./field-problems.js";
import { mod97 } from "./mod97.js";

export const RF_BODY_MAX_LENGTH = 21;
export const RF_MAX_LENGTH = 4 + RF_BODY_MAX_LENGTH;

/** Beyond this length a case reference is compacted (see caseCreditorReference). */
const COMPACT_HEAD_LENGTH = 12;
const COMPACT_HASH_LENGTH = RF_BODY_MAX_LENGTH - COMPACT_HEAD_LENGTH;

/** Electronic form: no spaces, upper case (ISO 11649 prints it in groups of four). */
export function normalizeCreditorReference(ref: string): string {
  return ref.replace(/\s+/g, "").toUpperCase();
}

/** Why a body cannot carry an RF reference, or null when it can. */
export function creditorReferenceBodyProblem(body: string): string | null {
  if (body.length === 0) return "is empty";
  if (!/^[A-Z0-9]+$/.test(body)) return "may contain only letters A-Z and digits";
  if (body.length > RF_BODY_MAX_LENGTH) return `is longer than ${RF_BODY_MAX_LENGTH} characters`;
  return null;
}

/**
 * "RF" + check digits + body. Check digits: append "RF00" to the body, take
 * MOD 97-10 and subtract from 98 (the ISO 7064 scheme IBAN uses too).
 */
export function creditorReference(body: string): string {
  const normalized = normalizeCreditorReference(body);
  const problem = creditorReferenceBodyProblem(normalized);
  throwIfAny(problem ? [{ field: "reference", reason: `body ${problem}` }] : []);
  const check = 98 - mod97(`${normalized}RF00`);
  return `RF${String(check).padStart(2, "0")}${normalized}`;
}

/** Why a reference is not a valid RF reference, or null when it is. Spaces and case are ignored. */
export function creditorReferenceProblem(ref: string): string | null {
  const normalized = normalizeCreditorReference(ref);
  if (!normalized.startsWith("RF")) return "does not start with RF";
  if (normalized.length > RF_MAX_LENGTH) {
    return `is longer than ${RF_MAX_LENGTH} characters`;
  }
  if (!/^RF\d{2}/.test(normalized)) return "has no two check digits after RF";
  const bodyProblem = creditorReferenceBodyProblem(normalized.slice(4));
  if (bodyProblem) return `body ${bodyProblem}`;
  if (mod97(normalized.slice(4) + normalized.slice(0, 4)) !== 1) return "has wrong check digits";
  return null;
}

export function isValidCreditorReference(ref: string): boolean {
  return creditorReferenceProblem(ref) === null;
}

/** Print form: groups of four separated by spaces ("RF18 5390 0754 7034"). Throws if invalid. */
export function formatCreditorReference(ref: string): string {
  const problem = creditorReferenceProblem(ref);
  throwIfAny(problem ? [{ field: "reference", reason: problem }] : []);
  return normalizeCreditorReference(ref).replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The RF reference printed on every payment request of a Saldo case, derived only
 * from the case reference so it can be recomputed anywhere.
 *
 * The body is the case reference upper-cased with everything but letters and digits
 * removed ("SAL-00000123" → "SAL00000123"). When that is longer than 21 characters it
 * is compacted to its first 12 characters followed by 9 base-36 characters of a
 * 64-bit FNV-1a hash of the whole body: still readable, still stable, and two long
 * references sharing a prefix do not collide in practice (36^9 ≈ 10^14 values).
 */
export function caseCreditorReference(caseReference: string): string {
  const body = caseReference.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (body.length === 0) {
    throwIfAny([{ field: "caseReference", reason: "has no letters or digits" }]);
  }
  if (body.length <= RF_BODY_MAX_LENGTH) return creditorReference(body);
  const hash = (fnv1a64(body) % 36n ** BigInt(COMPACT_HASH_LENGTH)).toString(36).toUpperCase();
  return creditorReference(
    body.slice(0, COMPACT_HEAD_LENGTH) + hash.padStart(COMPACT_HASH_LENGTH, "0"),
  );
}

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const UINT64 = (1n << 64n) - 1n;

/** FNV-1a, 64 bit, over the characters (the body is ASCII by construction). */
function fnv1a64(text: string): bigint {
  let hash = FNV64_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV64_PRIME) & UINT64;
  }
  return hash;
}
