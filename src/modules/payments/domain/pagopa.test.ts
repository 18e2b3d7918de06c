import { describe, expect, it } from "vitest";
import { PaymentDataError } from "./field-problems.js";
import { numericFiscalCodeProblem } from "./numeric-fiscal-code.js";
import {
  caseIuvBase,
  isValidPagoPaNoticeNumber,
  pagoPaNoticeNumber,
  pagoPaQrPayload,
  parsePagoPaNoticeNumber,
  parsePagoPaQrPayload,
} from "./pagopa.js";

describe("pagoPA notice number", () => {
  it("reproduces the io-pagopa-commons notice 302032002700000251", () => {
    expect(pagoPaNoticeNumber({ segregationCode: "02", iuvBase: "0320027000002" })).toBe(
      "302032002700000251",
    );
  });

  it("computes the check digits over aux digit, segregation code and IUV base", () => {
    const number = pagoPaNoticeNumber({ segregationCode: "47", iuvBase: "0000000123000" });
    expect(number).toBe(`3470000000123000${String(3470000000123000n % 93n).padStart(2, "0")}`);
    expect(parsePagoPaNoticeNumber(number)).toEqual({
      ok: true,
      value: {
        noticeNumber: number,
        auxDigit: "3",
        segregationCode: "47",
        iuv: number.slice(1),
        checkDigits: number.slice(16),
      },
    });
  });

  it("refuses components of the wrong size", () => {
    expect(() => pagoPaNoticeNumber({ segregationCode: "2", iuvBase: "123" })).toThrow(
      "segregationCode: must be 2 digits; iuvBase: must be 13 digits",
    );
  });

  it("reads the deprecated aux digits 0 and 2 when their check digits are right", () => {
    expect(parsePagoPaNoticeNumber("044012345678901283")).toMatchObject({
      ok: true,
      value: { auxDigit: "0", applicationCode: "44", iuv: "012345678901283" },
    });
    expect(parsePagoPaNoticeNumber("244012345678901285")).toMatchObject({
      ok: true,
      value: { auxDigit: "2", iuv: "44012345678901285", checkDigits: "85" },
    });
  });

  it("ignores the spaces of a printed notice and detects a single-digit typo", () => {
    expect(isValidPagoPaNoticeNumber("3020 3200 2700 0002 51")).toBe(true);
    expect(isValidPagoPaNoticeNumber("302032002700000351")).toBe(false);
  });
});

describe("case IUV base", () => {
  it("is the case number in 10 digits and the notice sequence in 3", () => {
    expect(caseIuvBase(123n)).toBe("0000000123000");
    expect(caseIuvBase(123, 2)).toBe("0000000123002");
    expect(caseIuvBase(9_999_999_999n, 999)).toBe("9999999999999");
  });

  it("refuses what does not fit", () => {
    expect(() => caseIuvBase(10_000_000_000n)).toThrow(PaymentDataError);
    expect(() => caseIuvBase(-1)).toThrow(/caseNumber/);
    expect(() => caseIuvBase(1, 1000)).toThrow(/noticeSequence/);
    expect(() => caseIuvBase(1, 1.5)).toThrow(/noticeSequence/);
  });
});

describe("pagoPA QR payload", () => {
  const noticeNumber = pagoPaNoticeNumber({ segregationCode: "02", iuvBase: caseIuvBase(123) });

  it("writes PAGOPA|002|notice|fiscal code|cents and reads it back", () => {
    const payload = pagoPaQrPayload({
      noticeNumber,
      creditorFiscalCode: "03334231200",
      amountMinor: 12_345n,
    });
    expect(payload).toBe(`PAGOPA|002|${noticeNumber}|03334231200|12345`);
    expect(parsePagoPaQrPayload(payload)).toMatchObject({
      ok: true,
      value: { noticeNumber, creditorFiscalCode: "03334231200", amountMinor: 12_345n },
    });
  });

  it("writes at least two amount digits and at most eleven", () => {
    const base = { noticeNumber, creditorFiscalCode: "03334231200" };
    expect(pagoPaQrPayload({ ...base, amountMinor: 1n })).toMatch(/\|01$/);
    expect(pagoPaQrPayload({ ...base, amountMinor: 99_999_999_999n })).toMatch(/\|99999999999$/);
    expect(() => pagoPaQrPayload({ ...base, amountMinor: 100_000_000_000n })).toThrow(/amount/);
    expect(() => pagoPaQrPayload({ ...base, amountMinor: 0n })).toThrow(/amount/);
  });

  it("lists every problem of the input", () => {
    expect(() =>
      pagoPaQrPayload({
        noticeNumber: "302032002700000252",
        creditorFiscalCode: "0333423120",
        amountMinor: 0n,
      }),
    ).toThrow(
      "noticeNumber: wrong check digits (the first 16 digits modulo 93); " +
        "creditorFiscalCode: must be 11 digits; amount: must be from 1 cent to EUR 999999999.99",
    );
  });

  it("refuses structural problems", () => {
    expect(parsePagoPaQrPayload("PAGOPA|002|302032002700000251|03334231200")).toMatchObject({
      problems: [{ field: "payload" }],
    });
    expect(parsePagoPaQrPayload("PAGOPA|002|302032002700000251|03334231200|0")).toMatchObject({
      problems: [{ field: "amount", reason: "must be at least 1 cent" }],
    });
    expect(parsePagoPaQrPayload("PAGOPA|002|3020 3200 2700 0002 51|03334231200|100")).toMatchObject(
      { problems: [{ field: "noticeNumber" }] },
    );
  });
});

describe("numeric fiscal code of the creditor", () => {
  it("checks 11 digits with a Luhn check digit", () => {
    expect(numericFiscalCodeProblem("03334231200")).toBeNull();
    expect(numericFiscalCodeProblem("03334231201")).toBe("has a wrong check digit");
    expect(numericFiscalCodeProblem("X2345678901")).toBe("must be 11 digits");
    expect(numericFiscalCodeProblem("00000000000")).toMatch(/all zeros/);
  });
});
