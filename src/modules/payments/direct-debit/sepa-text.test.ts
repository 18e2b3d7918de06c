import { describe, expect, it } from "vitest";
import {
  escapeXml,
  formatSepaAmount,
  parseSepaAmount,
  toSepaName,
  toSepaText,
} from "./sepa-text.js";

describe("toSepaText", () => {
  it.each([
    ["Società Benefit perché è così", "Societa Benefit perche e cosi"],
    ["Rossi & Figli S.r.l.", "Rossi + Figli S.r.l."],
    ["D’Angelo Niccolò", "D'Angelo Niccolo"],
    ["Straße Ærø Łódź", "Strasse AEro Lodz"],
    ["Ñandú Çà", "Nandu Ca"],
    ["mail@example.it; #1 <x>", "mail.example.it. .1 .x."],
    ["  tabs\tand\nnew lines  ", "tabs and new lines"],
    ["Prezzo 10€ – 50%", "Prezzo 10. - 50."],
  ])("%j → %j", (text, expected) => {
    expect(toSepaText(text)).toBe(expected);
  });

  it("cuts names to 70 characters without a trailing space", () => {
    const name = `${"a".repeat(69)} b${"c".repeat(10)}`;
    expect(toSepaName(name)).toBe("a".repeat(69));
    expect(toSepaName("x".repeat(100))).toHaveLength(70);
  });
});

describe("amounts", () => {
  it.each([
    [1n, "0.01"],
    [10n, "0.10"],
    [1234n, "12.34"],
    [100000n, "1000.00"],
    [99_999_999_999n, "999999999.99"],
    [123_456_789_012_345_678n, "1234567890123456.78"],
  ])("%s minor units ↔ %s", (minor, text) => {
    expect(formatSepaAmount(minor)).toBe(text);
    expect(parseSepaAmount(text)).toBe(minor);
  });

  it("reads the shorter forms other writers produce and refuses the rest", () => {
    expect(parseSepaAmount("12")).toBe(1200n);
    expect(parseSepaAmount("12.3")).toBe(1230n);
    expect(() => parseSepaAmount("12.345")).toThrow(RangeError);
    expect(() => parseSepaAmount("-1.00")).toThrow(RangeError);
    expect(() => formatSepaAmount(-1n)).toThrow(RangeError);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML special characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
  });
});
