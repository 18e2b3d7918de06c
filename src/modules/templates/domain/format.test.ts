import { describe, expect, it } from "vitest";
import { daysBetween, formatDate, formatLongDate, formatMoney, groupInFours } from "./format.js";

describe("formatMoney", () => {
  it.each([
    [123456n, "EUR", "it", "€ 1.234,56"],
    [123456n, "EUR", "en", "€1,234.56"],
    [-123456n, "EUR", "it", "-€ 1.234,56"],
    [-123456n, "EUR", "en", "-€1,234.56"],
    [5n, "EUR", "it", "€ 0,05"],
    [0n, "EUR", "en", "€0.00"],
    [123456789012n, "EUR", "it", "€ 1.234.567.890,12"],
    [99900n, "GBP", "en", "£999.00"],
    [123456n, "USD", "en", "$1,234.56"],
    [123456n, "USD", "it", "USD 1.234,56"],
    [123456n, "CHF", "it", "CHF 1.234,56"],
    [123456n, "chf", "en", "CHF 1,234.56"],
    [1234n, "JPY", "en", "JPY 1,234"],
    [1234567n, "KWD", "it", "KWD 1.234,567"],
  ] as const)("%s %s in %s is %s", (minor, currency, language, expected) => {
    expect(formatMoney(minor, currency, language)).toBe(expected);
  });
});

describe("dates", () => {
  it("formats days per language", () => {
    expect(formatDate("2026-11-24", "it")).toBe("24/11/2026");
    expect(formatDate("2026-03-05", "it")).toBe("05/03/2026");
    expect(formatDate("2026-11-24", "en")).toBe("24 November 2026");
    expect(formatLongDate("2026-11-24", "it")).toBe("24 novembre 2026");
    expect(formatLongDate("2026-03-01", "it")).toBe("1 marzo 2026");
  });

  it("refuses dates that do not exist", () => {
    expect(() => formatDate("2026-02-30", "it")).toThrow(RangeError);
    expect(() => formatDate("24/11/2026", "it")).toThrow(RangeError);
  });

  it("counts days across months and years", () => {
    expect(daysBetween("2026-11-24", "2026-12-09")).toBe(15);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-12-09", "2026-11-24")).toBe(-15);
  });
});

describe("groupInFours", () => {
  it("prints codes as banks do", () => {
    expect(groupInFours("IT60X0542811101000000123456")).toBe("IT60 X054 2811 1010 0000 0123 456");
    expect(groupInFours("rf18 5390 0754 7034")).toBe("RF18 5390 0754 7034");
  });
});
