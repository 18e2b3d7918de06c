import * as codiceFiscaleModule from "codice-fiscale-js";

// The package's types declare a default export; at run time it is a named one.
const { CodiceFiscale } = codiceFiscaleModule as unknown as {
  CodiceFiscale: { check(code: string): boolean };
};

/** Italian tax identifiers: the 16-character personal codice fiscale and the 11-digit partita IVA. */

export function normalizeTaxId(raw: string): string {
  return raw
    .replace(/[\s.\-/]/g, "")
    .toUpperCase()
    .replace(/^IT(?=\d{11}$)/, "");
}

/** A personal codice fiscale, omocodia variants included. */
export function isValidPersonalTaxCode(code: string): boolean {
  return /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(
    code,
  )
    ? CodiceFiscale.check(code)
    : false;
}

/** Partita IVA (and the numeric codice fiscale of companies): 11 digits, Luhn-like check digit. */
export function isValidVatNumber(code: string): boolean {
  if (!/^\d{11}$/.test(code) || code === "00000000000") return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = code.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === code.charCodeAt(10) - 48;
}

/** Computes the check digit for the first ten digits of a partita IVA (used by the demo generator). */
export function vatCheckDigit(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = first10.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A codice fiscale field may hold either form: 16 characters for people, 11 digits for companies. */
export function isValidTaxCode(code: string): boolean {
  return code.length === 11 ? isValidVatNumber(code) : isValidPersonalTaxCode(code);
}
