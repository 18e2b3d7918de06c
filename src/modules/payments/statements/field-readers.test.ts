import { describe, expect, it } from "vitest";
import { isoAmountToMinor, looseAmountToMinor } from "./amounts.js";
import { dateFromCsv, dateFromIsoDate, dateFromIsoDateTime } from "./dates.js";
import { rfReferencesIn } from "./text-references.js";
import { scanXml, XmlSyntaxError } from "./xml-scanner.js";

describe("amounts", () => {
  it("reads ISO 20022 amounts by the currency's exponent, without floating point", () => {
    expect(isoAmountToMinor("0.5", "EUR")).toEqual({ ok: true, minor: 50n });
    expect(isoAmountToMinor("123456789012345.67", "EUR")).toEqual({
      ok: true,
      minor: 12345678901234567n,
    });
    expect(isoAmountToMinor("2700", "JPY")).toEqual({ ok: true, minor: 2700n });
    expect(isoAmountToMinor("12.345", "KWD")).toEqual({ ok: true, minor: 12345n });
    expect(isoAmountToMinor("12.340", "EUR")).toEqual({ ok: true, minor: 1234n });
    expect(isoAmountToMinor("1.5", "JPY")).toEqual({
      ok: false,
      reason: '"1.5" has 1 decimals; JPY allows 0',
    });
    expect(isoAmountToMinor("+1.00", "EUR").ok).toBe(false);
  });

  it("reads CSV amounts as people write them, and says why when it cannot", () => {
    expect(looseAmountToMinor("1.234,56", "EUR")).toEqual({ ok: true, minor: 123456n });
    expect(looseAmountToMinor("-1234.56", "EUR")).toEqual({ ok: true, minor: -123456n });
    expect(looseAmountToMinor("1234,5", "EUR")).toEqual({ ok: true, minor: 123450n });
    expect(looseAmountToMinor("€ 12", "EUR")).toEqual({ ok: true, minor: 1200n });
    expect(looseAmountToMinor("12,345", "EUR")).toEqual({
      ok: false,
      reason: '"12,345" has 3 decimals; EUR allows 2',
    });
    expect(looseAmountToMinor("dodici", "EUR")).toEqual({
      ok: false,
      reason: '"dodici" is not an amount',
    });
  });
});

describe("dates", () => {
  it("accepts only dates that exist", () => {
    expect(dateFromIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(dateFromIsoDate("2015-07-01+02:00")).toBe("2015-07-01");
    expect(dateFromIsoDate("2025-02-29")).toBeUndefined();
    expect(dateFromIsoDateTime("2014-12-31T23:30:00+01:00")).toBe("2014-12-31");
    expect(dateFromIsoDateTime("2014-01-05T23:59:59.999Z")).toBe("2014-01-05");
    expect(dateFromIsoDateTime("2014-12-31")).toBeUndefined();
    expect(dateFromCsv("1/3/2025")).toBe("2025-03-01");
    expect(dateFromCsv("31.12.2024")).toBe("2024-12-31");
    expect(dateFromCsv("31/04/2025")).toBeUndefined();
    expect(dateFromCsv("2025-3-1")).toBeUndefined();
  });
});

describe("RF references in text", () => {
  it("finds compact ones, and grouped ones whose check digits hold", () => {
    expect(rfReferencesIn("SALDO rf18539007547034 e RF18 5390 0754 7034 FATT 12")).toEqual([
      "RF18539007547034",
    ]);
    expect(rfReferencesIn("RF18 5390 0754 7034")).toEqual(["RF18539007547034"]);
    expect(rfReferencesIn("rata RF99 1234 5678")).toEqual([]);
    expect(rfReferencesIn("RIF. 12345")).toEqual([]);
  });
});

describe("XML scanner", () => {
  it("builds local names, attributes, decoded text, and drops what onClose asks", () => {
    const { root, rootQualifiedName } = scanXml(
      `<?xml version="1.0"?>\n<p:Doc xmlns:p="urn:x"><p:A k='1 &gt; 0'> a &amp; b </p:A><B/><C>x<!-- c -->y</C></p:Doc>`,
      { onClose: (node) => (node.name === "B" ? "drop" : undefined) },
    );
    expect(rootQualifiedName).toBe("p:Doc");
    expect(root.attributes).toEqual({ "xmlns:p": "urn:x" });
    expect(root.children.map((c) => [c.name, c.text, c.attributes])).toEqual([
      ["A", "a & b", { k: "1 > 0" }],
      ["C", "xy", undefined],
    ]);
  });

  it("names the line of the first problem", () => {
    const cases: Array<[string, RegExp]> = [
      ["<a>\n<b>\n</a>", /^line 3: <\/a> closes <b> \(opened on line 2\)$/],
      ["<a x=1/>", /not quoted/],
      ['<a x="1" x="2"/>', /appears twice/],
      ["<a>&nbsp;</a>", /entity &nbsp; is not allowed/],
      ["<a>&</a>", /"&" not followed by an entity reference/],
      ["<a/>\ntext", /^line 2: text after the end of the document/],
      ["<a><!-- open", /ends inside a comment/],
      ["<a></a", /ends inside an end tag/],
    ];
    for (const [xml, message] of cases) {
      expect(() => scanXml(xml)).toThrowError(message);
      expect(() => scanXml(xml)).toThrow(XmlSyntaxError);
    }
  });
});
