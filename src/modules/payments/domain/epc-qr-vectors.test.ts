/**
 * Every vector of shared/samples/epcqr_pagopa/epc_qr_vectors.json: payloads other
 * generators wrote or parsers accepted, and inputs they refused.
 */
import { describe, expect, it } from "vitest";
import { parseAmount } from "../../../platform/money.js";
import { type EpcQrInput, epcQrPayload } from "./epc-qr.js";
import { formatEpcAmount } from "./epc-qr-fields.js";
import { type EpcQrData, parseEpcQrPayload } from "./epc-qr-parse.js";
import { PaymentDataError } from "./field-problems.js";
import { isValidIban } from "./iban.js";
import { readSampleJson } from "./test-samples.js";

interface EpcVector {
  readonly id: string;
  readonly payload?: string;
  readonly fields?: Record<string, string | string[]>;
  readonly valid: boolean | "lenient";
  readonly reason?: string;
  readonly expected?: Record<string, string | number>;
}

const { vectors } = readSampleJson<{ vectors: EpcVector[] }>("epcqr_pagopa/epc_qr_vectors.json");
const payloadVectors = vectors.filter((vector) => vector.payload !== undefined);
const acceptedVectors = payloadVectors.filter((vector) => vector.valid !== false);
const refusedPayloadVectors = payloadVectors.filter((vector) => vector.valid === false);
const refusedInputVectors = vectors.filter((vector) => vector.fields !== undefined);

const REAL_IBAN = "IT60X0542811101000000123456";

/** The vector's field names mapped onto ours, amounts as minor units. */
function expectedData(expected: Record<string, string | number>): Partial<EpcQrData> {
  const names: Record<string, string> = { charset: "characterSet", remittanceText: "text" };
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(expected)) {
    if (key === "lineCount" || key === "serviceTag") continue;
    if (key === "amount") data.amountMinor = parseAmount(String(value), 2, "dot");
    else data[names[key] ?? key] = value;
  }
  return data as Partial<EpcQrData>;
}

function toInput(data: EpcQrData, iban = data.iban): EpcQrInput {
  return { ...data, iban, amountMinor: data.amountMinor!, currency: "EUR" };
}

/** What a conforming generator writes for the same data: LF, nothing after the last element. */
function canonical(payload: string): string {
  return payload.replace(/\r\n/g, "\n").replace(/\n$/, "");
}

describe("EPC QR vectors accepted by their source", () => {
  it("covers the 7 accepted payloads (6 valid, 1 lenient)", () => {
    expect(acceptedVectors.map((vector) => vector.id)).toEqual([
      "binaryeye-required-fields",
      "binaryeye-optional-fields-crlf",
      "smhg-encode-message",
      "jepc-v002-purpose",
      "jepc-v001-bic",
      "jepc-umlauts-utf8",
      "jepc-minimal-trailing-lf",
    ]);
  });

  for (const vector of acceptedVectors) {
    it(`${vector.id}: parses to the asserted elements`, () => {
      const payload = vector.payload!;
      const parsed = parseEpcQrPayload(payload, { checkIban: false });
      expect(parsed).toMatchObject({ ok: true });
      if (!parsed.ok) return;
      expect(parsed.value).toMatchObject(expectedData(vector.expected ?? {}));
      if (typeof vector.expected?.lineCount === "number") {
        expect(payload.split("\n")).toHaveLength(vector.expected.lineCount);
      }

      // With the default IBAN check only the placeholder IBANs are refused, for that reason alone.
      const strict = parseEpcQrPayload(payload);
      if (isValidIban(parsed.value.iban)) {
        expect(strict).toEqual(parsed);
      } else {
        expect(strict).toMatchObject({ ok: false, problems: [{ field: "iban" }] });
      }
    });

    it(`${vector.id}: is written back identically (LF separators, no trailing separator)`, () => {
      const parsed = parseEpcQrPayload(vector.payload!, { checkIban: false });
      if (!parsed.ok) throw new Error(vector.id);
      // Saldo always writes an amount; this vector has none.
      if (parsed.value.amountMinor === undefined) return;
      const payload = canonical(vector.payload!);
      if (isValidIban(parsed.value.iban)) {
        expect(epcQrPayload(toInput(parsed.value))).toBe(payload);
      } else {
        // Same structure with a real IBAN in place of the placeholder.
        expect(epcQrPayload(toInput(parsed.value, REAL_IBAN))).toBe(
          payload.replace(`\n${parsed.value.iban}\n`, `\n${REAL_IBAN}\n`),
        );
      }
    });
  }

  it("smhg: the last populated element is not followed by a separator (11 lines)", () => {
    const payload = epcQrPayload({
      name: "Test",
      iban: REAL_IBAN,
      amountMinor: 107525n,
      currency: "EUR",
      text: "DEF",
    });
    expect(payload).toBe(`BCD\n002\n1\nSCT\n\nTest\n${REAL_IBAN}\nEUR1075.25\n\n\nDEF`);
    expect(payload.split("\n")).toHaveLength(11);
  });
});

describe("EPC QR vectors refused by their source", () => {
  const expectedProblem: Record<string, { field: string; reason: RegExp }> = {
    "binaryeye-invalid-header": { field: "serviceTag", reason: /must be BCD/ },
    "binaryeye-reference-and-text": { field: "reference", reason: /mutually exclusive/ },
  };

  it("covers the 2 refused payloads and the 4 refused inputs", () => {
    expect(refusedPayloadVectors.map((vector) => vector.id).sort()).toEqual(
      Object.keys(expectedProblem).sort(),
    );
    expect(refusedInputVectors.map((vector) => vector.id)).toEqual([
      "jepc-invalid-scor-length",
      "jepc-scor-and-text",
      "jepc-amount-range",
      "jepc-v001-requires-bic",
    ]);
  });

  for (const vector of refusedPayloadVectors) {
    it(`${vector.id}: ${vector.reason}`, () => {
      const parsed = parseEpcQrPayload(vector.payload!, { checkIban: false });
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      const expected = expectedProblem[vector.id]!;
      expect(parsed.problems).toContainEqual({
        field: expected.field,
        reason: expect.stringMatching(expected.reason),
      });
    });
  }

  const base: EpcQrInput = {
    name: "Wikimedia Foerdergesellschaft",
    iban: "DE33100205000001194700",
    amountMinor: 12345n,
    currency: "EUR",
  };

  /** The PaymentDataError problems of building a payload from `input`. */
  function problemsOf(input: EpcQrInput) {
    try {
      epcQrPayload(input);
    } catch (error) {
      if (error instanceof PaymentDataError) return error.problems;
      throw error;
    }
    throw new Error("expected the input to be refused");
  }

  const field = (id: string) => refusedInputVectors.find((vector) => vector.id === id)!.fields!;

  it("jepc-invalid-scor-length: RF reference longer than 25 chars", () => {
    const reference = String(field("jepc-invalid-scor-length").scor);
    expect(problemsOf({ ...base, reference })).toEqual([
      { field: "reference", reason: "RF reference is longer than 25 characters" },
    ]);
  });

  it("jepc-scor-and-text: either SCOR or remittance text, not both", () => {
    const { scor, intendedUse } = field("jepc-scor-and-text");
    expect(problemsOf({ ...base, reference: String(scor), text: String(intendedUse) })).toEqual([
      {
        field: "reference",
        reason: "a structured reference and unstructured text are mutually exclusive",
      },
    ]);
  });

  it("jepc-amount-range: amount must be 0.01..999999999.99", () => {
    const amounts = field("jepc-amount-range").amounts as string[];
    expect(amounts).toHaveLength(2);
    for (const amount of amounts) {
      const amountMinor = parseAmount(amount, 2, "dot")!;
      expect(problemsOf({ ...base, amountMinor })).toEqual([
        { field: "amount", reason: "must be between EUR 0.01 and EUR 999999999.99" },
      ]);
    }
    expect(formatEpcAmount(99_999_999_999n)).toBe("EUR999999999.99");
  });

  it("jepc-v001-requires-bic: BIC mandatory in version 001", () => {
    const { version, bic } = field("jepc-v001-requires-bic");
    expect(version).toBe("001");
    expect(problemsOf({ ...base, version: "001", bic: String(bic) })).toEqual([
      { field: "bic", reason: "is mandatory in version 001" },
    ]);
  });
});
