import smpp from "smpp";
import { describe, expect, it } from "vitest";
import { gsm7Septets, isGsm7, planSegments } from "./gsm7.js";

const ALL_GSM7 =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\f^{}\\[~]|€";

// With the u flag a surrogate pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

describe("encoding choice", () => {
  it.each([
    ["è perché più già", true],
    ["Gentile cliente, la fattura n. 12/2024 di € 120,50 è scaduta.", true],
    ["{codice} [rif] ~ ^ | \\", true],
    ["È scaduta", false],
    ["Grazie 🙏", false],
    ["Ciao “virgolette”", false],
    ["\x1b", false],
  ])("%j is GSM-7: %s", (text, expected) => {
    expect(isGsm7(text)).toBe(expected);
    expect(planSegments(text).encoding).toBe(expected ? "gsm7" : "ucs2");
  });

  it("counts extension characters as two septets", () => {
    expect(planSegments("€[]").units).toBe(6);
    expect(planSegments("perché").units).toBe(6);
  });

  it("agrees with the smpp library's GSM coder on every character", () => {
    for (const char of ALL_GSM7) {
      const encoded = smpp.gsmCoder.encode(char, 0);
      expect(encoded.length, JSON.stringify(char)).toBe(gsm7Septets(char));
      expect(smpp.gsmCoder.decode(encoded, 0)).toBe(char);
    }
  });
});

describe("GSM-7 segments", () => {
  it("fits 160 septets in one message and splits 161 into 153 + 8", () => {
    expect(planSegments("a".repeat(160)).segments).toEqual(["a".repeat(160)]);
    const plan = planSegments("a".repeat(161));
    expect(plan.segments.map((s) => s.length)).toEqual([153, 8]);
    expect(plan.units).toBe(161);
  });

  it("counts an extension character at the single-message limit", () => {
    expect(planSegments(`${"a".repeat(158)}€`).segments).toHaveLength(1);
    const plan = planSegments(`${"a".repeat(159)}€`);
    expect(plan.units).toBe(161);
    expect(plan.segments).toEqual(["a".repeat(153), "aaaaaa€"]);
  });

  it("never splits an escape pair across parts", () => {
    const text = `${"a".repeat(152)}€${"b".repeat(10)}`;
    const plan = planSegments(text);
    expect(plan.segments).toEqual(["a".repeat(152), `€${"b".repeat(10)}`]);
    expect(plan.segments.join("")).toBe(text);
  });

  it("splits a 400-character Italian text into three parts that rejoin exactly", () => {
    const text =
      "Gentile cliente, le ricordiamo che la fattura è scaduta perché più giorni sono passati. "
        .repeat(5)
        .slice(0, 400);
    const plan = planSegments(text);
    expect(plan.encoding).toBe("gsm7");
    expect(plan.segments).toHaveLength(3);
    expect(plan.segments.join("")).toBe(text);
  });

  it("plans nothing for an empty text", () => {
    expect(planSegments("")).toEqual({ encoding: "gsm7", segments: [], units: 0 });
  });
});

describe("UCS-2 segments", () => {
  it("fits 70 units in one message and splits 71 into 67 + 4", () => {
    expect(planSegments("È".repeat(70)).segments).toHaveLength(1);
    expect(planSegments("È".repeat(71)).segments.map((s) => s.length)).toEqual([67, 4]);
  });

  it("counts a character outside the BMP as two units", () => {
    expect(planSegments("😀".repeat(35)).segments).toHaveLength(1);
    const plan = planSegments("😀".repeat(36));
    expect(plan.units).toBe(72);
    expect(plan.segments.map((s) => s.length)).toEqual([66, 6]);
  });

  it("moves an emoji that would straddle the part limit to the next part", () => {
    const text = `È${"x".repeat(65)}😀${"y".repeat(10)}`;
    const plan = planSegments(text);
    expect(plan.segments[0]).toBe(`È${"x".repeat(65)}`);
    expect(plan.segments[1]).toBe(`😀${"y".repeat(10)}`);
    for (const segment of plan.segments) {
      expect(segment).not.toMatch(LONE_SURROGATE);
    }
  });
});
