/**
 * Every vector of shared/samples/epcqr_pagopa/pagopa_qr_vectors.json. The source
 * libraries test structure only, so many of their vectors carry wrong check digits
 * or made-up fiscal codes; the collector's computed columns say which. Saldo accepts
 * only vectors whose check digits are right, and names the reason for the others.
 */
import { describe, expect, it } from "vitest";
import type { FieldProblem } from "./field-problems.js";
import { pagoPaQrPayload, parsePagoPaNoticeNumber, parsePagoPaQrPayload } from "./pagopa.js";
import { readSampleJson } from "./test-samples.js";

interface QrVector {
  readonly payload: string;
  readonly valid_per_source: boolean;
  readonly note: string;
  readonly check_digit_mod93: string;
  readonly cf_ente_checksum: string;
}

interface NoticeVector {
  readonly numero_avviso?: string;
  readonly encoded?: string;
  readonly valid_per_source?: boolean;
  readonly check_digit_mod93: string;
}

const samples = readSampleJson<{ qr_vectors: QrVector[]; notice_number_vectors: NoticeVector[] }>(
  "epcqr_pagopa/pagopa_qr_vectors.json",
);

/** Spec example "PAGOPA|002|000000000000000000|00000000000|9999": right check digits, placeholder CF. */
const SPEC_PLACEHOLDER = "PAGOPA|002|000000000000000000|00000000000|9999";

const checkDigitsRight = (label: string) => label === "valid" || label.startsWith("n/a (aux 1");

/** The fields a rejected QR vector must be blamed on, from the source's note and the computed columns. */
function expectedProblemFields(vector: QrVector): string[] {
  const fields = new Set<string>();
  const fromNote: Record<string, string> = {
    "invalid identifier": "identifier",
    "invalid version": "version",
    "invalid amount": "amount",
    "invalid payment notice number": "noticeNumber",
    "invalid fiscal code": "creditorFiscalCode",
  };
  if (fromNote[vector.note]) fields.add(fromNote[vector.note]!);
  if (vector.check_digit_mod93.startsWith("INVALID")) fields.add("noticeNumber");
  if (vector.cf_ente_checksum === "INVALID" || vector.payload === SPEC_PLACEHOLDER) {
    fields.add("creditorFiscalCode");
  }
  return [...fields].sort();
}

const fieldsOf = (problems: readonly FieldProblem[]) =>
  [...new Set(problems.map((problem) => problem.field))].sort();

describe("pagoPA QR vectors", () => {
  const accepted = samples.qr_vectors.filter(
    (vector) =>
      vector.valid_per_source &&
      checkDigitsRight(vector.check_digit_mod93) &&
      vector.cf_ente_checksum === "valid" &&
      vector.payload !== SPEC_PLACEHOLDER,
  );
  const rejected = samples.qr_vectors.filter((vector) => !accepted.includes(vector));

  it("splits the 15 vectors into 7 accepted and 8 rejected", () => {
    expect(samples.qr_vectors).toHaveLength(15);
    expect(accepted).toHaveLength(7);
    expect(rejected).toHaveLength(8);
  });

  for (const vector of accepted) {
    it(`accepts ${vector.payload}`, () => {
      const parsed = parsePagoPaQrPayload(vector.payload);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const amountText = vector.payload.split("|")[4]!;
      expect(parsed.value).toMatchObject({
        noticeNumber: "302032002700000251",
        creditorFiscalCode: "03334231200",
        amountMinor: BigInt(amountText),
        notice: { auxDigit: "3", segregationCode: "02", checkDigits: "51" },
      });
      // Written back with the spec's minimum of two amount digits and no other padding.
      const canonicalAmount = String(BigInt(amountText)).padStart(2, "0");
      expect(pagoPaQrPayload(parsed.value)).toBe(
        vector.payload.replace(/\|\d+$/, `|${canonicalAmount}`),
      );
    });
  }

  for (const vector of rejected) {
    it(`rejects ${vector.payload} (${expectedProblemFields(vector).join(", ")})`, () => {
      const parsed = parsePagoPaQrPayload(vector.payload);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(fieldsOf(parsed.problems)).toEqual(expectedProblemFields(vector));
    });
  }

  it("names the reasons in words", () => {
    const problems = (payload: string) => {
      const parsed = parsePagoPaQrPayload(payload);
      return parsed.ok ? [] : parsed.problems;
    };
    expect(problems("PAGOPA|002|223456789012345678|03334231200|1234567801")).toEqual([
      { field: "noticeNumber", reason: "wrong check digits (the first 16 digits modulo 93)" },
    ]);
    expect(problems("PAGOPA|002|123456789012345678|12345678901|1234567801")).toEqual([
      { field: "creditorFiscalCode", reason: "has a wrong check digit" },
    ]);
    expect(problems(SPEC_PLACEHOLDER)).toEqual([
      { field: "creditorFiscalCode", reason: "is all zeros (a placeholder, not a fiscal code)" },
    ]);
    expect(problems("PAGOPA|002|302032002700000251|03334231200|123456780X")).toEqual([
      { field: "amount", reason: "must be 1 to 11 digits of euro cents" },
    ]);
  });
});

describe("pagoPA notice number vectors", () => {
  const all = samples.notice_number_vectors.map((vector) => ({
    ...vector,
    number: (vector.numero_avviso ?? vector.encoded)!,
  }));
  const accepted = all.filter(
    (vector) => vector.valid_per_source !== false && checkDigitsRight(vector.check_digit_mod93),
  );

  it("splits the 11 vectors into 2 accepted (aux digit 1, no check digits) and 9 rejected", () => {
    expect(all).toHaveLength(11);
    expect(accepted.map((vector) => vector.number)).toEqual([
      "144012345678901200",
      "101234567890123456",
    ]);
  });

  for (const vector of all) {
    const expectation = accepted.includes(vector) ? "accepts" : "rejects";
    it(`${expectation} ${vector.number} (${vector.check_digit_mod93})`, () => {
      const parsed = parsePagoPaNoticeNumber(vector.number);
      if (accepted.includes(vector)) {
        expect(parsed).toMatchObject({
          ok: true,
          value: { auxDigit: "1", iuv: vector.number.slice(1) },
        });
        return;
      }
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      const label = vector.check_digit_mod93;
      const reason = label.startsWith("INVALID")
        ? /^wrong check digits/
        : label.includes("aux digit")
          ? /^aux digit 4 is not/
          : /^must be 18 digits$/;
      expect(parsed.problems).toEqual([
        { field: "noticeNumber", reason: expect.stringMatching(reason) },
      ]);
      // The collector's "expected NN" is what the check digits should have been.
      const expected = /expected (\d\d)/.exec(label)?.[1];
      if (expected) {
        const corrected = vector.number.slice(0, 16) + expected;
        expect(parsePagoPaNoticeNumber(corrected).ok).toBe(true);
      }
    });
  }
});
