import { describe, expect, it } from "vitest";
import { PaymentDataError } from "../domain/field-problems.js";
import { readSampleJson } from "../domain/test-samples.js";
import {
  creditorIdentifierCheckDigits,
  creditorIdentifierProblem,
  italianCreditorIdentifier,
} from "./creditor-identifier.js";

/**
 * Published creditor identifiers; each one's check digits are also recomputed below by
 * an independent BigInt calculation, so a vector copied wrongly would fail.
 */
const PUBLISHED = [
  // python-stdnum, stdnum/eu/at_02.py doctest (a Spanish CI with a letter in the NIF).
  "ES23ZZZ47690558N",
  // Deutsche Bundesbank's test creditor identifier, quoted by German SEPA guides and libraries.
  "DE98ZZZ09999999999",
  // Novalnet AG's CI as printed in its mandate text (found in a stored public repository).
  "DE53ZZZ00000004253",
  // PayPal Europe's CI as it appears on statements (quoted in a stored parser test).
  "LU96ZZZ0000000000000000058",
];

/** EPC262: digits of (national id + country + "00"), letters as A=10…Z=35, then 98 - n mod 97. */
function checkDigitsByBigInt(ci: string): string {
  const digits = [...`${ci.slice(7)}${ci.slice(0, 2)}00`]
    .map((c) => Number.parseInt(c, 36))
    .join("");
  return String(98n - (BigInt(digits) % 97n)).padStart(2, "0");
}

describe("creditorIdentifierProblem", () => {
  it.each(PUBLISHED)("accepts the published %s", (ci) => {
    expect(checkDigitsByBigInt(ci)).toBe(ci.slice(2, 4));
    expect(creditorIdentifierProblem(ci)).toBeNull();
  });

  it("accepts the printed form with spaces and lower case", () => {
    expect(creditorIdentifierProblem("es 23 zzz 47690558n")).toBeNull();
  });

  it("leaves the business code out of the check digits", () => {
    expect(creditorIdentifierProblem("ES23ABC47690558N")).toBeNull();
    expect(creditorIdentifierProblem("DE98001" + "09999999999")).toBeNull();
  });

  it("rejects the sample files' creditor ids, whose check digits are wrong", () => {
    // php-sepa-xml's fixtures: the right check digits for BG…ZZZ507778 are 22.
    expect(creditorIdentifierCheckDigits("BG", "507778")).toBe("22");
    expect(creditorIdentifierProblem("BG40ZZZ507778")).toBe("has wrong check digits");
    // sepa_king's examples use 00 as a placeholder; 10 would be right.
    expect(creditorIdentifierProblem("DE00ZZZ00099999999")).toBe("has wrong check digits");
    expect(creditorIdentifierProblem("DE10ZZZ00099999999")).toBeNull();
  });

  it.each([
    ["", "is empty"],
    [
      "DE98ZZZ",
      "must be a country code, 2 check digits, a 3-character business code and a national id",
    ],
    [
      "D198ZZZ09999999999",
      "must be a country code, 2 check digits, a 3-character business code and a national id",
    ],
    ["US98ZZZ09999999999", "country US is not in SEPA"],
    [`DE98ZZZ${"9".repeat(29)}`, "is longer than 35 characters"],
    ["DE99ZZZ09999999999", "has wrong check digits"],
  ])("rejects %j: %s", (ci, reason) => {
    expect(creditorIdentifierProblem(ci)).toBe(reason);
  });
});

describe("Italian creditor identifiers", () => {
  it("pads a partita IVA to 16 characters; hand-checked check digits", () => {
    // "0000006363391001" + "IT00" → digits 0000006363391001182900; mod 97 = 77; 98 - 77 = 21.
    expect(italianCreditorIdentifier("06363391001")).toBe("IT21ZZZ0000006363391001");
    expect(italianCreditorIdentifier("IT 06363391001", "A1B")).toBe("IT21A1B0000006363391001");
  });

  it("takes a personal codice fiscale as it is; hand-checked check digits", () => {
    // RSSMRA85T10A562S + IT00 → 27 28 28 22 27 10 8 5 29 1 0 10 5 6 2 28 18 29 0 0,
    // i.e. 2728282227108529101056228182900; mod 97 = 94; 98 - 94 = 04.
    expect(italianCreditorIdentifier("rssmra85t10a562s")).toBe("IT04ZZZRSSMRA85T10A562S");
  });

  it("builds a valid 23-character CI for every valid codice fiscale of python-stdnum", () => {
    const vectors = readSampleJson<{ stdnum: { valid: string[] } }>(
      "ids/codice_fiscale_vectors.json",
    );
    for (const fiscalCode of vectors.stdnum.valid) {
      const ci = italianCreditorIdentifier(fiscalCode);
      expect(ci, fiscalCode).toHaveLength(23);
      expect(checkDigitsByBigInt(ci), fiscalCode).toBe(ci.slice(2, 4));
      expect(creditorIdentifierProblem(ci), fiscalCode).toBeNull();
    }
  });

  it("round-trips partita IVA numbers built from any ten digits", () => {
    for (const first10 of ["0000000001", "1234567890", "9876543210", "0636339100"]) {
      let total = 0;
      for (let i = 0; i < 10; i++) {
        const digit = Number(first10[i]);
        total += i % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
      }
      const partitaIva = `${first10}${(10 - (total % 10)) % 10}`;
      const ci = italianCreditorIdentifier(partitaIva);
      expect(ci).toBe(`IT${checkDigitsByBigInt(ci)}ZZZ00000${partitaIva}`);
      expect(creditorIdentifierProblem(ci)).toBeNull();
    }
  });

  it("explains that an unpadded partita IVA is not an Italian CI", () => {
    // Same check digits as the padded form, since leading zeros do not change mod 97.
    expect(creditorIdentifierProblem("IT21ZZZ06363391001")).toMatch(/five leading zeros/);
    expect(creditorIdentifierProblem("IT21ZZZ00000063633910")).toMatch(/must be 16 characters/);
    expect(creditorIdentifierProblem("IT21ZZZ1234567890123456")).toMatch(
      /neither a codice fiscale/,
    );
  });

  it("rejects a wrong partita IVA, codice fiscale or business code, naming each field", () => {
    const problemsOf = (nationalId: string, businessCode?: string) => {
      try {
        italianCreditorIdentifier(nationalId, businessCode);
      } catch (error) {
        expect(error).toBeInstanceOf(PaymentDataError);
        return (error as PaymentDataError).problems;
      }
      throw new Error("expected a PaymentDataError");
    };
    expect(problemsOf("06363391002")).toEqual([
      { field: "nationalId", reason: "partita IVA has a wrong check digit" },
    ]);
    expect(problemsOf("RSSMRA85T10A562T")).toEqual([
      { field: "nationalId", reason: "codice fiscale has a wrong check letter" },
    ]);
    expect(problemsOf("12345", "zz")).toEqual([
      {
        field: "nationalId",
        reason: "must be an 11-digit partita IVA or a 16-character codice fiscale",
      },
      { field: "businessCode", reason: "must be 3 upper-case letters or digits" },
    ]);
  });
});
