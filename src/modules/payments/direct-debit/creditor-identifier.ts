/**
 * The SEPA Creditor Identifier (CI, attribute AT-02 of the direct debit rulebooks):
 * country, two check digits, a three-character creditor business code (ZZZ when
 * unused) and a national identifier. Structure and check digits follow EPC262-08.
 */
import * as codiceFiscaleModule from "codice-fiscale-js";
import { isSEPACountry } from "ibantools";
import { type FieldProblem, throwIfAny } from "../domain/field-problems.js";
import { mod97 } from "../domain/mod97.js";
import { numericFiscalCodeProblem } from "../domain/numeric-fiscal-code.js";

// The package's types declare a default export; at run time it is a named one.
const { CodiceFiscale } = codiceFiscaleModule as unknown as {
  CodiceFiscale: { check(code: string): boolean };
};

export const DEFAULT_CREDITOR_BUSINESS_CODE = "ZZZ";
export const CREDITOR_IDENTIFIER_MAX_LENGTH = 35;
/** Italian CIs are always 23 characters: the national id is padded to 16. */
export const ITALIAN_CREDITOR_IDENTIFIER_LENGTH = 23;

/**
 * Italy pads an 11-digit partita IVA (or provisional codice fiscale) with five zeros on
 * the left so every national id is 16 characters (ABI circolare serie tecnica n. 42,
 * 11 August 2009). Leading zeros do not change the mod 97 result, so the check digits
 * are the same either way; only the padded form is what banks issue and match.
 */
const ITALIAN_NUMERIC_ID_PADDING = "00000";

const PERSONAL_FISCAL_CODE_SHAPE =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Electronic form: upper case, without the spaces and dashes of print ("IT 66 ZZZ …"). */
export function normalizeCreditorIdentifier(ci: string): string {
  return ci.replace(/[\s-]+/g, "").toUpperCase();
}

/**
 * Check digits as EPC262-08 defines them: ISO 7064 MOD 97-10 over the national
 * identifier followed by the country code and "00"; the business code is left out so
 * a creditor can change it without a new CI.
 */
export function creditorIdentifierCheckDigits(country: string, nationalId: string): string {
  return String(98 - mod97(`${nationalId}${country}00`)).padStart(2, "0");
}

/** Why `ci` is not a valid SEPA creditor identifier, or null. Checks the normalized form. */
export function creditorIdentifierProblem(ci: string): string | null {
  const normalized = normalizeCreditorIdentifier(ci);
  if (normalized === "") return "is empty";
  if (normalized.length > CREDITOR_IDENTIFIER_MAX_LENGTH) {
    return `is longer than ${CREDITOR_IDENTIFIER_MAX_LENGTH} characters`;
  }
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]+$/.test(normalized)) {
    return "must be a country code, 2 check digits, a 3-character business code and a national id";
  }
  const country = normalized.slice(0, 2);
  if (!isSEPACountry(country)) return `country ${country} is not in SEPA`;
  const nationalId = normalized.slice(7);
  if (country === "IT") {
    const italianProblem = italianNationalIdShapeProblem(nationalId);
    if (italianProblem) return italianProblem;
  }
  if (normalized.slice(2, 4) !== creditorIdentifierCheckDigits(country, nationalId)) {
    return "has wrong check digits";
  }
  return null;
}

export function isValidCreditorIdentifier(ci: string): boolean {
  return creditorIdentifierProblem(ci) === null;
}

/**
 * Only the shape: the bank issued the CI and its check digits already catch typos, so
 * a codice fiscale check letter is not second-guessed here (italianCreditorIdentifier,
 * which builds a CI from typed input, does check it).
 */
function italianNationalIdShapeProblem(nationalId: string): string | null {
  if (nationalId.length !== 16) {
    return /^\d{11}$/.test(nationalId)
      ? "Italian creditor identifiers pad a partita IVA to 16 characters with five leading zeros"
      : "the Italian national id must be 16 characters (codice fiscale, or 00000 + partita IVA)";
  }
  const numeric = nationalId.startsWith(ITALIAN_NUMERIC_ID_PADDING) && /^\d{16}$/.test(nationalId);
  if (!numeric && !PERSONAL_FISCAL_CODE_SHAPE.test(nationalId)) {
    return "the Italian national id is neither a codice fiscale nor 00000 + partita IVA";
  }
  return null;
}

/**
 * The CI an Italian creditor is issued for its codice fiscale or partita IVA
 * (`IT` + check digits + business code + 16-character national id).
 * Throws PaymentDataError naming `nationalId` or `businessCode` when either is wrong.
 */
export function italianCreditorIdentifier(
  nationalId: string,
  businessCode: string = DEFAULT_CREDITOR_BUSINESS_CODE,
): string {
  const problems: FieldProblem[] = [];
  const paddedId = paddedItalianNationalId(nationalId, problems);
  if (!/^[A-Z0-9]{3}$/.test(businessCode)) {
    problems.push({ field: "businessCode", reason: "must be 3 upper-case letters or digits" });
  }
  throwIfAny(problems);
  return `IT${creditorIdentifierCheckDigits("IT", paddedId)}${businessCode}${paddedId}`;
}

function paddedItalianNationalId(nationalId: string, problems: FieldProblem[]): string {
  const id = nationalId
    .replace(/[\s.\-/]+/g, "")
    .toUpperCase()
    .replace(/^IT(?=\d{11}$)/, "");
  const numeric =
    /^\d{16}$/.test(id) && id.startsWith(ITALIAN_NUMERIC_ID_PADDING) ? id.slice(5) : id;
  if (/^\d{11}$/.test(numeric)) {
    const problem = numericFiscalCodeProblem(numeric);
    if (problem) problems.push({ field: "nationalId", reason: `partita IVA ${problem}` });
    return `${ITALIAN_NUMERIC_ID_PADDING}${numeric}`;
  }
  if (!PERSONAL_FISCAL_CODE_SHAPE.test(id)) {
    problems.push({
      field: "nationalId",
      reason: "must be an 11-digit partita IVA or a 16-character codice fiscale",
    });
  } else if (!CodiceFiscale.check(id)) {
    problems.push({ field: "nationalId", reason: "codice fiscale has a wrong check letter" });
  }
  return id;
}
