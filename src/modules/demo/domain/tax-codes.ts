import * as codiceFiscaleModule from "codice-fiscale-js";
import { vatCheckDigit } from "../../debtors/domain/tax-ids.js";

// The package's types declare a default export; at run time it is a named one.
// Only its pure helpers are used: its full compute() looks the comune up by name
// on every call, ~50x slower, and the demo already knows the cadastral codes.
const { CodiceFiscale } = codiceFiscaleModule as unknown as {
  CodiceFiscale: {
    surnameCode(surname: string): string;
    nameCode(name: string): string;
    dateCode(day: number, month: number, year: number, gender: "M" | "F"): string;
    getCheckCode(first15: string): string;
  };
};

export type Gender = "M" | "F";

export interface PersonalTaxCodeInput {
  firstName: string;
  lastName: string;
  gender: Gender;
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  /** Cadastral code of the comune of birth, or the "Z" code of the country for people born abroad. */
  birthplaceCode: string;
}

/** The codice fiscale as the Agenzia delle Entrate first assigns it. */
export function personalTaxCode(input: PersonalTaxCodeInput): string {
  const first15 =
    CodiceFiscale.surnameCode(input.lastName) +
    CodiceFiscale.nameCode(input.firstName) +
    CodiceFiscale.dateCode(input.birthDay, input.birthMonth, input.birthYear, input.gender) +
    input.birthplaceCode;
  return first15 + CodiceFiscale.getCheckCode(first15);
}

/** Positions of the digits the Agenzia may replace with letters, right to left. */
const OMOCODIA_POSITIONS = [14, 13, 12, 10, 9, 7, 6];
const OMOCODIA_LETTERS = "LMNPQRSTUV";

/**
 * The code given when the plain one already belongs to someone else (omocodia):
 * the rightmost `level` digits become letters (0→L … 9→V) and the check character is redone.
 */
export function omocodiaVariant(code: string, level: number): string {
  const chars = code.slice(0, 15).split("");
  for (const position of OMOCODIA_POSITIONS.slice(0, level)) {
    const digit = chars[position]!;
    if (/\d/.test(digit)) chars[position] = OMOCODIA_LETTERS[Number(digit)]!;
  }
  const first15 = chars.join("");
  return first15 + CodiceFiscale.getCheckCode(first15);
}

/**
 * Partita IVA: 7 digits of company number, 3 of tax office, 1 check digit
 * (the same 11 digits are the company's codice fiscale).
 */
export function vatNumber(companyNumber: number, taxOffice: string): string {
  const first10 = String(companyNumber).padStart(7, "0") + taxOffice.padStart(3, "0");
  return first10 + vatCheckDigit(first10);
}
