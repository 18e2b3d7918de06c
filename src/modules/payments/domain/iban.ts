/**
 * IBAN and BIC checks: thin wrappers over ibantools that add normalisation of the
 * ways people write an IBAN, one reason a person can act on, and the Italian CIN.
 */
import {
  countrySpecs,
  validateBIC as ibantoolsValidateBic,
  validateIBAN as ibantoolsValidateIban,
  isSEPACountry,
  ValidationErrorsBIC,
  ValidationErrorsIBAN,
} from "ibantools";

export type IbanProblemCode =
  | "empty"
  | "unknown_country"
  | "wrong_length"
  | "wrong_format"
  | "wrong_check_digits"
  | "wrong_national_check";

export type IbanCheck =
  | {
      readonly valid: true;
      readonly iban: string;
      readonly country: string;
      readonly sepa: boolean;
    }
  | {
      readonly valid: false;
      readonly iban: string;
      readonly code: IbanProblemCode;
      readonly reason: string;
    };

export type BicCheck =
  | { readonly valid: true; readonly bic: string }
  | { readonly valid: false; readonly bic: string; readonly reason: string };

/**
 * Electronic form: upper case without the separators found on invoices and in
 * registries ("IT60 X054…", "ES15-0049-…", "NO07.8380.…", a leading "IBAN").
 */
export function normalizeIban(iban: string): string {
  return iban
    .trim()
    .replace(/^IBAN:?/i, "")
    .replace(/[\s.-]+/g, "")
    .toUpperCase();
}

/** Groups of four for print ("IT60 X054 2811 …"). Does not validate. */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, "$1 ");
}

export function validateIban(iban: string): IbanCheck {
  const normalized = normalizeIban(iban);
  const invalid = (code: IbanProblemCode, reason: string): IbanCheck => ({
    valid: false,
    iban: normalized,
    code,
    reason,
  });
  if (normalized === "") return invalid("empty", "empty");
  if (!/^[A-Z0-9]+$/.test(normalized)) {
    return invalid("wrong_format", "contains characters other than letters and digits");
  }
  const country = normalized.slice(0, 2);
  const spec = countrySpecs[country];
  if (!spec?.chars) return invalid("unknown_country", `unknown country ${country}`);

  // ibantools reports every failing rule; report the most fundamental one.
  const codes = ibantoolsValidateIban(normalized).errorCodes;
  if (codes.includes(ValidationErrorsIBAN.NoIBANCountry)) {
    return invalid("unknown_country", `unknown country ${country}`);
  }
  if (codes.includes(ValidationErrorsIBAN.WrongBBANLength)) {
    return invalid(
      "wrong_length",
      `wrong length for ${country} (${spec.chars} characters, got ${normalized.length})`,
    );
  }
  if (codes.includes(ValidationErrorsIBAN.WrongBBANFormat)) {
    return invalid("wrong_format", `letters or digits out of place for ${country}`);
  }
  if (
    codes.includes(ValidationErrorsIBAN.ChecksumNotNumber) ||
    codes.includes(ValidationErrorsIBAN.WrongIBANChecksum)
  ) {
    return invalid("wrong_check_digits", "wrong check digits");
  }
  if (codes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)) {
    return invalid("wrong_national_check", `wrong national check digits for ${country}`);
  }
  if ((country === "IT" || country === "SM") && !hasValidItalianCin(normalized.slice(4))) {
    return invalid("wrong_national_check", `wrong CIN for ${country}`);
  }
  return { valid: true, iban: normalized, country, sepa: isSEPACountry(country) };
}

export function isValidIban(iban: string): boolean {
  return validateIban(iban).valid;
}

/** Odd-position values of the CIN algorithm, indexed by digit or letter value (0-9, A=0…). */
const CIN_ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/**
 * The CIN is the letter that opens an Italian (and San Marino) BBAN; it checks the
 * 22 characters after it (ABI, CAB, account). ibantools checks only its format; the
 * CIN catches an IBAN whose check digits were recomputed after a typo in the account
 * (IBAN calculators fed with a wrong account number produce exactly that).
 */
function hasValidItalianCin(bban: string): boolean {
  let total = 0;
  for (let i = 1; i < bban.length; i++) {
    const char = bban[i]!;
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
    // Positions are counted from 1 over the 22 checked characters: odd ones use the table.
    total += i % 2 === 1 ? CIN_ODD_VALUES[value]! : value;
  }
  return String.fromCharCode(65 + (total % 26)) === bban[0];
}

export function normalizeBic(bic: string): string {
  return bic.replace(/\s+/g, "").toUpperCase();
}

/** ISO 9362: bank (4 letters), country (2 letters), location (2), optional branch (3). */
export function validateBic(bic: string): BicCheck {
  const normalized = normalizeBic(bic);
  if (normalized === "") return { valid: false, bic: normalized, reason: "empty" };
  const codes = ibantoolsValidateBic(normalized).errorCodes;
  if (codes.includes(ValidationErrorsBIC.NoBICCountry)) {
    return { valid: false, bic: normalized, reason: `unknown country ${normalized.slice(4, 6)}` };
  }
  if (codes.length > 0) {
    return {
      valid: false,
      bic: normalized,
      reason: "must be 8 or 11 letters and digits (bank 4, country 2, location 2, branch 3)",
    };
  }
  return { valid: true, bic: normalized };
}

export function isValidBic(bic: string): boolean {
  return validateBic(bic).valid;
}
