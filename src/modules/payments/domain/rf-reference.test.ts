import { describe, expect, it } from "vitest";
import { PaymentDataError } from "./field-problems.js";
import {
  caseCreditorReference,
  creditorReference,
  creditorReferenceProblem,
  formatCreditorReference,
  isValidCreditorReference,
} from "./rf-reference.js";
import { readSampleText } from "./test-samples.js";

describe("ISO 11649 creditor reference", () => {
  it("computes the check digits of the ISO 11649 example and of a bank sample", () => {
    expect(creditorReference("539007547034")).toBe("RF18539007547034");
    // sepa_king pain.001.001.03.ch.02 carries RF712348231 as a SCOR reference.
    const sample = readSampleText("pain/sepaking_pain.001.001.03.ch.02.xml");
    const fromSample = /<Ref>(RF\d{2}[0-9A-Z]+)<\/Ref>/.exec(sample)?.[1];
    expect(fromSample).toBe("RF712348231");
    expect(creditorReference("2348231")).toBe(fromSample);
  });

  it("upper-cases the body and allows up to 21 letters and digits", () => {
    expect(creditorReference("abc123")).toBe(creditorReference("ABC123"));
    expect(isValidCreditorReference(creditorReference("Z".repeat(21)))).toBe(true);
    expect(creditorReference("0")).toMatch(/^RF\d{2}0$/);
  });

  it("refuses bodies that cannot carry a reference, naming the field", () => {
    for (const body of ["", "ABC-123", "ÀB", "A".repeat(22)]) {
      expect(() => creditorReference(body)).toThrow(PaymentDataError);
    }
    expect(() => creditorReference("A".repeat(22))).toThrow(/reference: body is longer than 21/);
  });

  it("accepts spaces in groups of four and any case", () => {
    expect(isValidCreditorReference("RF18 5390 0754 7034")).toBe(true);
    expect(isValidCreditorReference("rf18 5390 0754 7034")).toBe(true);
    expect(isValidCreditorReference("RF18000000000539007547034")).toBe(true);
  });

  it("rejects wrong check digits, wrong prefixes and over-long references", () => {
    expect(creditorReferenceProblem("RF19539007547034")).toBe("has wrong check digits");
    expect(creditorReferenceProblem("RF18539007547035")).toBe("has wrong check digits");
    expect(creditorReferenceProblem("XX18539007547034")).toBe("does not start with RF");
    expect(creditorReferenceProblem("RFAB539007547034")).toBe("has no two check digits after RF");
    expect(creditorReferenceProblem("RF18")).toBe("body is empty");
    // jEPC testInvalidSCOREpc: 26 characters.
    expect(creditorReferenceProblem("RF180000000005390075470345")).toBe(
      "is longer than 25 characters",
    );
  });

  it("detects every single-digit typo in the body", () => {
    const reference = creditorReference("539007547034");
    for (let position = 4; position < reference.length; position++) {
      for (const digit of "0123456789") {
        if (reference[position] === digit) continue;
        const typo = reference.slice(0, position) + digit + reference.slice(position + 1);
        expect(isValidCreditorReference(typo), typo).toBe(false);
      }
    }
  });

  it("prints groups of four and refuses to print an invalid reference", () => {
    expect(formatCreditorReference("rf18539007547034")).toBe("RF18 5390 0754 7034");
    expect(formatCreditorReference("RF712348231")).toBe("RF71 2348 231");
    expect(() => formatCreditorReference("RF19539007547034")).toThrow(/wrong check digits/);
  });
});

describe("case creditor reference", () => {
  it("keeps the letters and digits of a Saldo case reference", () => {
    expect(caseCreditorReference("SAL-00000123")).toBe(creditorReference("SAL00000123"));
    expect(caseCreditorReference("sal-00000123")).toBe(caseCreditorReference("SAL-00000123"));
  });

  it("compacts long references to 12 characters and a hash, stably", () => {
    const long = "ACME-ITALIA/2025/RECUPERO-000001";
    const reference = caseCreditorReference(long);
    expect(reference).toHaveLength(25);
    expect(reference.slice(4, 16)).toBe("ACMEITALIA20");
    expect(isValidCreditorReference(reference)).toBe(true);
    // Pinned: the reference is printed on letters and must never change between releases.
    expect(reference).toBe("RF57ACMEITALIA20IC8NSI0AK");
    expect(caseCreditorReference("ACME-ITALIA/2025/RECUPERO-000002")).not.toBe(reference);
  });

  it("keeps a 21-character body as it is", () => {
    const body = "ABCDEFGHIJ0123456789K";
    expect(caseCreditorReference(body)).toBe(creditorReference(body));
  });

  it("refuses a reference with nothing to keep", () => {
    expect(() => caseCreditorReference("--/--")).toThrow(/caseReference/);
  });
});
