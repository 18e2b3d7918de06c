import { describe, expect, it } from "vitest";
import {
  formatIban,
  type IbanProblemCode,
  normalizeIban,
  validateBic,
  validateIban,
} from "./iban.js";
import { mod97 } from "./mod97.js";
import { readSampleText } from "./test-samples.js";

interface IbanList {
  readonly category: string;
  readonly declaredCount: number;
  readonly ibans: string[];
}

/** `## <category>  (<count>)` headers, `#` comments, then one IBAN per line as in the source. */
function readIbanLists(): IbanList[] {
  const lists: IbanList[] = [];
  for (const line of readSampleText("ids/iban_test_lists.txt").split("\n")) {
    const header = /^## (\S+)\s+\((\d+)\)/.exec(line);
    if (header) {
      lists.push({ category: header[1]!, declaredCount: Number(header[2]), ibans: [] });
    } else if (line.trim() !== "" && !line.startsWith("#")) {
      lists.at(-1)!.ibans.push(line);
    }
  }
  return lists;
}

/** What each list of python-stdnum's doctest must be rejected for. */
const EXPECTED_PROBLEMS: Record<string, readonly IbanProblemCode[]> = {
  invalid_checksum_or_mangled: ["wrong_check_digits"],
  invalid_wrong_length_valid_checksum: ["wrong_length"],
  invalid_bad_chars_or_unknown_country: ["wrong_format", "unknown_country"],
  valid_mod97_but_invalid_country_specific_check: ["wrong_national_check"],
};

/** The check digits a tool would write for any BBAN, right or wrong. */
function withRecomputedCheckDigits(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, "0")}${bban}`;
}

describe("IBAN against python-stdnum's test lists", () => {
  const lists = readIbanLists();

  it("reads every list with the count its header declares", () => {
    expect(lists.map((list) => list.category)).toEqual([
      "valid_iban_registry_samples",
      ...Object.keys(EXPECTED_PROBLEMS),
    ]);
    for (const list of lists) expect(list.ibans, list.category).toHaveLength(list.declaredCount);
  });

  it("accepts all 194 registry samples, however they are spaced", () => {
    const valid = lists.find((list) => list.category === "valid_iban_registry_samples")!;
    const rejected = valid.ibans.filter((iban) => !validateIban(iban).valid);
    expect(rejected).toEqual([]);
    expect(valid.ibans).toHaveLength(194);
  });

  it("rejects all 21 invalid ones for the reason of their list", () => {
    let rejected = 0;
    for (const list of lists.filter((l) => l.category in EXPECTED_PROBLEMS)) {
      for (const iban of list.ibans) {
        const check = validateIban(iban);
        expect(check.valid, iban).toBe(false);
        if (!check.valid) expect(EXPECTED_PROBLEMS[list.category], iban).toContain(check.code);
        rejected++;
      }
    }
    expect(rejected).toBe(21);
  });
});

describe("IBAN reasons", () => {
  it("names the country whose length is wrong", () => {
    expect(validateIban("IT60X054281110100000012345")).toMatchObject({
      valid: false,
      code: "wrong_length",
      reason: "wrong length for IT (27 characters, got 26)",
    });
  });

  it("reports wrong check digits, unknown countries and stray characters", () => {
    // The eigor FatturaPA sample's IBAN fails mod 97.
    expect(validateIban("IT99X0100000000000000001111")).toMatchObject({
      reason: "wrong check digits",
    });
    expect(validateIban("QQ93 1234 5678")).toMatchObject({ reason: "unknown country QQ" });
    expect(validateIban("IT60X05428111010000001234€6")).toMatchObject({ code: "wrong_format" });
    expect(validateIban("  ")).toMatchObject({ code: "empty" });
  });

  it("checks the Italian and Sammarinese CIN even when the check digits were recomputed", () => {
    expect(validateIban("IT60X0542811101000000123456").valid).toBe(true);
    expect(validateIban("SM86U0322509800000000270100").valid).toBe(true);
    const typo = withRecomputedCheckDigits("IT", "X0542811101000000123457");
    expect(validateIban(typo)).toMatchObject({
      code: "wrong_national_check",
      reason: "wrong CIN for IT",
    });
  });

  it("tells whether the country is in SEPA", () => {
    expect(validateIban("IT60X0542811101000000123456")).toMatchObject({
      country: "IT",
      sepa: true,
    });
    expect(validateIban("BR1800000000141455123924100C2")).toMatchObject({ sepa: false });
  });

  it("normalises the ways IBANs are written", () => {
    expect(normalizeIban("IBAN: it60 x054-2811.1010 0000 0123 456")).toBe(
      "IT60X0542811101000000123456",
    );
    expect(formatIban("IT60X0542811101000000123456")).toBe("IT60 X054 2811 1010 0000 0123 456");
  });
});

describe("BIC", () => {
  it("accepts 8 and 11 characters in any case", () => {
    expect(validateBic("UNCRITMM")).toEqual({ valid: true, bic: "UNCRITMM" });
    expect(validateBic("bfsw de33 ber")).toEqual({ valid: true, bic: "BFSWDE33BER" });
  });

  it("names what is wrong", () => {
    expect(validateBic("")).toMatchObject({ valid: false, reason: "empty" });
    expect(validateBic("UNCRQQMM")).toMatchObject({ reason: "unknown country QQ" });
    expect(validateBic("UNCRITMMX")).toMatchObject({ reason: expect.stringMatching(/8 or 11/) });
    expect(validateBic("UNC1ITMM")).toMatchObject({ valid: false });
  });
});
