import { describe, expect, it } from "vitest";
import {
  isMandateExpired,
  isMandateUsable,
  type MandateInput,
  type MandateRecord,
  mandateExpiresOn,
  mandateProblems,
  mandateReferenceFor,
  mandateReferenceProblem,
} from "./mandate.js";

const signed: MandateInput = {
  reference: "C-2025-000123-P1",
  signedOn: "2025-03-10",
  debtorName: "Mario Rossi",
  debtorIban: "IT60 X054 2811 1010 0000 0123 456",
  creditorId: "IT21ZZZ0000006363391001",
};

describe("mandate references", () => {
  it.each([
    ["C-2025-000123-P1", null],
    ["A/B (1) ?:.,'+ z", null],
    ["x".repeat(35), null],
    ["", "is empty"],
    ["x".repeat(36), "is longer than 35 characters"],
    ["MANDATO_1", "may contain only letters A-Z a-z, digits and / - ? : ( ) . , ' + and space"],
    ["MANDATO è", "may contain only letters A-Z a-z, digits and / - ? : ( ) . , ' + and space"],
    [" M1", "must not start or end with a space"],
    ["M1 ", "must not start or end with a space"],
    ["/M1", 'must not start or end with "/"'],
    ["M1/", 'must not start or end with "/"'],
    ["M//1", 'must not contain "//"'],
  ])("%j → %s", (reference, problem) => {
    expect(mandateReferenceProblem(reference)).toBe(problem);
  });

  it("keeps a clean case reference readable", () => {
    expect(mandateReferenceFor("C-2025-000123", 1)).toBe("C-2025-000123-P1");
    expect(mandateReferenceFor("C-2025-000123", 12)).toBe("C-2025-000123-P12");
  });

  it("hashes a case reference it had to change, so different cases never collide", () => {
    const fromUnderscore = mandateReferenceFor("C_2025_000123", 1);
    const fromSlash = mandateReferenceFor("C/2025/000123", 1);
    const fromLowerCase = mandateReferenceFor("c-2025-000123", 1);
    expect(fromUnderscore).toMatch(/^C-2025-000123\.[0-9A-Z]{8}-P1$/);
    expect(new Set([fromUnderscore, fromSlash, fromLowerCase, "C-2025-000123-P1"]).size).toBe(4);
    expect(mandateReferenceFor("C_2025_000123", 1)).toBe(fromUnderscore);
  });

  it("fits long or odd case references into 35 valid characters", () => {
    for (const caseReference of [
      "X".repeat(80),
      "Pratica n° 12/2025 – Società & C.",
      "###",
      "A".repeat(33),
    ]) {
      for (const planSeq of [1, 99, 123456]) {
        const reference = mandateReferenceFor(caseReference, planSeq);
        expect(reference.length, reference).toBeLessThanOrEqual(35);
        expect(mandateReferenceProblem(reference), reference).toBeNull();
      }
    }
    expect(mandateReferenceFor("X".repeat(80), 1)).not.toBe(mandateReferenceFor("X".repeat(81), 1));
  });

  it("refuses an empty case reference and a plan sequence that is not a positive integer", () => {
    expect(() => mandateReferenceFor(" ", 1)).toThrow(RangeError);
    expect(() => mandateReferenceFor("C-1", 0)).toThrow(RangeError);
    expect(() => mandateReferenceFor("C-1", 1.5)).toThrow(RangeError);
  });
});

describe("mandateProblems", () => {
  it("accepts a complete mandate signed today", () => {
    expect(mandateProblems(signed, "2025-03-10")).toEqual([]);
    expect(mandateProblems({ ...signed, debtorBic: "BPMOIT22XXX" }, "2025-03-10")).toEqual([]);
  });

  it("lists every problem with its field", () => {
    const problems = mandateProblems(
      {
        reference: "M//1",
        signedOn: "2025-03-11",
        debtorName: "  ",
        debtorIban: "IT60X0542811101000000123457",
        debtorBic: "NOTABIC",
        creditorId: "IT22ZZZ0000006363391001",
      },
      "2025-03-10",
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      "reference",
      "signedOn",
      "debtorName",
      "debtorIban",
      "debtorBic",
      "creditorId",
    ]);
    expect(problems[1]!.reason).toBe("is after today (2025-03-10)");
  });

  it("rejects an account outside SEPA, a non-date and a name with no Latin letters", () => {
    const problems = mandateProblems(
      {
        ...signed,
        debtorIban: "BR1800360305000010009795493C1",
        signedOn: "2025-02-30",
        debtorName: "李明",
      },
      "2025-03-10",
    );
    expect(problems).toEqual([
      { field: "signedOn", reason: "must be a date YYYY-MM-DD" },
      { field: "debtorName", reason: "has no Latin letters or digits" },
      { field: "debtorIban", reason: "BR is not a SEPA country" },
    ]);
  });
});

describe("mandate expiry after 36 months without a collection", () => {
  const mandate: MandateRecord = { ...signed, status: "active" };

  it("counts from the latest collection", () => {
    const used = { ...mandate, firstCollectedAt: "2025-04-01", lastCollectedAt: "2025-09-01" };
    expect(mandateExpiresOn(used)).toBe("2028-09-01");
    expect(isMandateExpired(used, "2028-08-31")).toBe(false);
    expect(isMandateExpired(used, "2028-09-01")).toBe(true);
  });

  it("counts from signing when never used, clamping to the month's end", () => {
    expect(mandateExpiresOn(mandate)).toBe("2028-03-10");
    expect(mandateExpiresOn({ ...mandate, signedOn: "2020-02-29" })).toBe("2023-02-28");
    expect(isMandateExpired(mandate, "2028-03-09")).toBe(false);
  });

  it("honours a recorded status", () => {
    expect(isMandateExpired({ ...mandate, status: "expired" }, "2025-03-10")).toBe(true);
    expect(isMandateUsable(mandate, "2025-03-10")).toBe(true);
    expect(isMandateUsable({ ...mandate, status: "revoked" }, "2025-03-10")).toBe(false);
    expect(isMandateUsable(mandate, "2028-03-10")).toBe(false);
  });
});
