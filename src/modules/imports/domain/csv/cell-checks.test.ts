import { describe, expect, it } from "vitest";
import type { DecimalStyle } from "../../../../platform/money.js";
import {
  checkAmount,
  checkCurrency,
  checkEmail,
  checkTaxCode,
  checkTimeZone,
  checkVatNumber,
} from "./cell-checks.js";
import { checkPhone } from "./phone-numbers.js";

describe("checkAmount", () => {
  it.each<[string, DecimalStyle, string, bigint | null]>([
    ["1.234,56", "auto", "EUR", 123456n],
    ["1234,56", "auto", "EUR", 123456n],
    ["1234.56", "auto", "EUR", 123456n],
    ["1,234.56", "auto", "EUR", 123456n],
    ["€ 1.234,56", "auto", "EUR", 123456n],
    ["1.234,56 €", "auto", "EUR", 123456n],
    ["-12,00", "auto", "EUR", -1200n],
    ["-1.234,5", "auto", "EUR", -123450n],
    ["(50,00)", "auto", "EUR", -5000n],
    ["1.234", "auto", "EUR", 123400n],
    ["0,5", "auto", "EUR", 50n],
    ["1.000.000,00", "auto", "EUR", 100000000n],
    ["1234", "auto", "JPY", 1234n],
    // A forced style overrides the guess: "1.234" is then 1.234 euros, too many decimals.
    ["1.234", "dot", "EUR", null],
    ["1.5", "dot", "EUR", 150n],
    ["1,5", "comma", "EUR", 150n],
    ["1,5", "dot", "EUR", null],
    ["1.5", "comma", "EUR", null],
    ["1.234,567", "auto", "EUR", null],
    ["abc", "auto", "EUR", null],
    ["12,34,56", "auto", "EUR", null],
  ])("%j (%s, %s) → %s", (text, style, currency, expected) => {
    const checked = checkAmount(text, currency, style);
    if (expected === null) {
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.reason).toMatch(/^not a valid amount/);
    } else {
      expect(checked).toEqual({ ok: true, value: expected });
    }
  });
});

describe("checkTaxCode and checkVatNumber", () => {
  it.each<[string, string | null, RegExp?]>([
    ["RSSMRA80A01H501U", "RSSMRA80A01H501U"],
    ["rssmra80a01h501u", "RSSMRA80A01H501U"],
    ["RSS MRA 80A01 H501U", "RSSMRA80A01H501U"],
    ["12345678903", "12345678903"],
    ["RSSMRA80A01H501X", null, /check digit mismatch/],
    ["12345678901", null, /check digit mismatch/],
    ["RSSMRA80A01H5011", null, /letters and digits/],
    ["ABC", null, /expected 16 characters/],
  ])("tax code %j", (text, expected, reason) => {
    const checked = checkTaxCode(text);
    if (expected) expect(checked).toEqual({ ok: true, value: expected });
    else expect(checked.ok ? "" : checked.reason).toMatch(reason!);
  });

  it.each<[string, string | null]>([
    ["01234567897", "01234567897"],
    ["IT01234567897", "01234567897"],
    ["IT 012 345 678 97", "01234567897"],
    ["01234567890", null],
    ["DE123456789", null],
  ])("VAT number %j", (text, expected) => {
    const checked = checkVatNumber(text);
    expect(checked.ok ? checked.value : null).toBe(expected);
  });
});

describe("other cells", () => {
  it("normalises emails, currencies and time zones", () => {
    expect(checkEmail(" Mario.Rossi@Example.IT ")).toEqual({
      ok: true,
      value: "mario.rossi@example.it",
    });
    expect(checkEmail("mario@").ok).toBe(false);
    expect(checkCurrency("€")).toEqual({ ok: true, value: "EUR" });
    expect(checkCurrency("usd")).toEqual({ ok: true, value: "USD" });
    expect(checkCurrency("euros").ok).toBe(false);
    expect(checkTimeZone("europe/rome")).toEqual({ ok: true, value: "Europe/Rome" });
    expect(checkTimeZone("Mars/Olympus").ok).toBe(false);
  });

  it.each<[string, boolean, string | null, string?]>([
    ["+39 347 1234567", false, "+393471234567", "mobile"],
    ["347 1234567", false, "+393471234567", "mobile"],
    ["0039 347 1234567", false, "+393471234567", "mobile"],
    ["02 12345678", false, "+390212345678", "fixed"],
    ["02/12345678", false, "+390212345678", "fixed"],
    ["800 123456", false, "+39800123456", "other"],
    // The cellulare column makes a valid number SMS-capable; it cannot make a bad one valid.
    ["800 123456", true, "+39800123456", "mobile"],
    ["+44 20 7946 0958", false, "+442079460958", "fixed"],
    ["12", true, null],
    ["telefono", false, null],
  ])("phone %j (mobile column: %s)", (text, mobileColumn, e164, phoneType) => {
    const checked = checkPhone(text, "IT", mobileColumn);
    if (e164 === null) expect(checked.ok).toBe(false);
    else expect(checked).toEqual({ ok: true, value: { e164, phoneType } });
  });
});
