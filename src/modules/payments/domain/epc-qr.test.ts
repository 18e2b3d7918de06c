import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { checkEpcQrInput, type EpcQrInput, epcQrPayload } from "./epc-qr.js";
import { formatEpcAmount, parseEpcAmount } from "./epc-qr-fields.js";
import { parseEpcQrPayload } from "./epc-qr-parse.js";
import { PaymentDataError } from "./field-problems.js";
import { caseCreditorReference } from "./rf-reference.js";

const ACME: EpcQrInput = {
  name: "Acme Servizi S.p.A.",
  iban: "IT60 X054 2811 1010 0000 0123 456",
  amountMinor: 1230n,
  currency: "EUR",
};

describe("EPC QR payload", () => {
  it("writes version 002, UTF-8, SCT, the electronic IBAN and the RF reference", () => {
    const reference = caseCreditorReference("SAL-00000123");
    const payload = epcQrPayload({ ...ACME, reference, purpose: "gdds" });
    expect(payload).toBe(
      [
        "BCD",
        "002",
        "1",
        "SCT",
        "",
        "Acme Servizi S.p.A.",
        "IT60X0542811101000000123456",
        "EUR12.30",
        "GDDS",
        reference,
      ].join("\n"),
    );
  });

  it("round-trips through the parser", () => {
    const input: EpcQrInput = {
      ...ACME,
      bic: "UNCRITMM",
      text: "Pratica SAL-00000123, rata 2 di 3",
      information: "Grazie",
    };
    const parsed = parseEpcQrPayload(epcQrPayload(input));
    expect(parsed).toEqual({
      ok: true,
      value: {
        version: "002",
        characterSet: "UTF-8",
        identification: "SCT",
        bic: "UNCRITMM",
        name: ACME.name,
        iban: "IT60X0542811101000000123456",
        amountMinor: 1230n,
        purpose: undefined,
        reference: undefined,
        text: input.text,
        information: "Grazie",
      },
    });
  });

  it("stops after the last populated element", () => {
    expect(epcQrPayload(ACME).split("\n")).toHaveLength(8);
    expect(epcQrPayload({ ...ACME, text: "  " }).endsWith("EUR12.30")).toBe(true);
    expect(epcQrPayload({ ...ACME, information: "x" }).split("\n")).toHaveLength(12);
  });

  it("formats amounts with two decimals and a dot", () => {
    expect(formatEpcAmount(1n)).toBe("EUR0.01");
    expect(formatEpcAmount(100n)).toBe("EUR1.00");
    expect(formatEpcAmount(107525n)).toBe("EUR1075.25");
    expect(formatEpcAmount(99_999_999_999n)).toBe("EUR999999999.99");
    expect(parseEpcAmount("EUR1")).toBe(100n);
    expect(parseEpcAmount("EUR12.3")).toBe(1230n);
    expect(parseEpcAmount("EUR12,30")).toBeNull();
    expect(parseEpcAmount("12.30")).toBeNull();
    expect(parseEpcAmount("EUR-1.00")).toBeNull();
  });

  it("accepts a non-RF structured reference of up to 35 characters", () => {
    expect(epcQrPayload({ ...ACME, reference: "INV-2025-000123" })).toMatch(/\nINV-2025-000123$/);
    expect(checkEpcQrInput({ ...ACME, reference: "X".repeat(36) })).toEqual([
      { field: "reference", reason: "is 36 characters, at most 35 allowed" },
    ]);
    expect(checkEpcQrInput({ ...ACME, reference: "RF19539007547034" })).toEqual([
      { field: "reference", reason: "RF reference has wrong check digits" },
    ]);
  });

  it("names each field that breaks a limit", () => {
    expect(checkEpcQrInput({ ...ACME, name: "N".repeat(71) })).toEqual([
      { field: "name", reason: "is 71 characters, at most 70 allowed" },
    ]);
    expect(checkEpcQrInput({ ...ACME, name: " " })).toEqual([
      { field: "name", reason: "is empty" },
    ]);
    expect(checkEpcQrInput({ ...ACME, text: "T".repeat(141) })).toEqual([
      { field: "text", reason: "is 141 characters, at most 140 allowed" },
    ]);
    expect(checkEpcQrInput({ ...ACME, information: "I".repeat(71) })).toEqual([
      { field: "information", reason: "is 71 characters, at most 70 allowed" },
    ]);
    expect(checkEpcQrInput({ ...ACME, text: "line\nbreak" })).toEqual([
      { field: "text", reason: "must not contain line breaks" },
    ]);
    expect(checkEpcQrInput({ ...ACME, purpose: "GOODS" })).toMatchObject([{ field: "purpose" }]);
    expect(checkEpcQrInput({ ...ACME, bic: "UNCRITMMX" })).toMatchObject([{ field: "bic" }]);
  });

  it("refuses IBANs that fail, or that SEPA cannot reach", () => {
    expect(checkEpcQrInput({ ...ACME, iban: "IT61X0542811101000000123456" })).toEqual([
      { field: "iban", reason: "wrong check digits" },
    ]);
    expect(checkEpcQrInput({ ...ACME, iban: "BR1800000000141455123924100C2" })).toEqual([
      { field: "iban", reason: "BR is not in the SEPA scheme" },
    ]);
  });

  it("refuses amounts outside EUR 0.01 to 999999999.99 and other currencies", () => {
    for (const amountMinor of [0n, -1n, 100_000_000_000n]) {
      expect(checkEpcQrInput({ ...ACME, amountMinor })).toMatchObject([{ field: "amount" }]);
    }
    const inChf = { ...ACME, currency: "CHF" } as unknown as EpcQrInput;
    expect(checkEpcQrInput(inChf)).toMatchObject([{ field: "currency" }]);
  });

  it("counts the 331-byte limit in UTF-8 bytes", () => {
    // 140 characters but 280 bytes: the lengths pass, the payload does not.
    const input = { ...ACME, name: "N".repeat(70), text: "è".repeat(140) };
    expect(checkEpcQrInput(input)).toEqual([
      { field: "payload", reason: expect.stringMatching(/^is 405 bytes, at most 331 fit/) },
    ]);
    expect(() => epcQrPayload(input)).toThrow(PaymentDataError);
    expect(epcQrPayload({ ...input, text: "e".repeat(140) }).length).toBeLessThanOrEqual(331);
  });

  it("throws one validation error listing every problem", () => {
    try {
      epcQrPayload({ ...ACME, name: "", iban: "IT00", amountMinor: 0n });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as PaymentDataError).problems.map((problem) => problem.field)).toEqual([
        "name",
        "iban",
        "amount",
      ]);
      expect((error as Error).message).toMatch(/^name: is empty; iban: wrong length for IT/);
    }
  });
});

describe("EPC QR parser", () => {
  const valid = epcQrPayload(ACME);

  it("refuses malformed headers and element counts", () => {
    expect(parseEpcQrPayload(valid.replace("\n002\n", "\n003\n"))).toMatchObject({
      ok: false,
      problems: [{ field: "version" }],
    });
    expect(parseEpcQrPayload(valid.replace("\n1\n", "\n9\n"))).toMatchObject({
      problems: [{ field: "characterSet" }],
    });
    expect(parseEpcQrPayload(valid.replace("\nSCT\n", "\nSDD\n"))).toMatchObject({
      problems: [{ field: "identification" }],
    });
    expect(parseEpcQrPayload(valid.replace("EUR12.30", "EUR12,30"))).toMatchObject({
      problems: [{ field: "amount", reason: 'must be written like "EUR12.30"' }],
    });
    expect(parseEpcQrPayload("BCD\n002\n1\nSCT\n\nName")).toMatchObject({
      problems: [{ field: "payload", reason: "has 6 elements, 7 to 12 expected" }],
    });
    expect(parseEpcQrPayload(`${valid}\n\n\n\n\nextra`)).toMatchObject({
      problems: [{ field: "payload" }],
    });
  });

  it("reads the declared character set", () => {
    const latin1 = parseEpcQrPayload(valid.replace("\n1\n", "\n2\n"));
    expect(latin1).toMatchObject({ ok: true, value: { characterSet: "ISO-8859-1" } });
  });

  it("tolerates exactly one trailing line break", () => {
    expect(parseEpcQrPayload(`${valid}\n`).ok).toBe(true);
    expect(parseEpcQrPayload(`${valid}\r\n`).ok).toBe(true);
  });
});
