import { describe, expect, it } from "vitest";
import { normalizeReply, splitClauses } from "./normalize-reply.js";

describe("normalizeReply", () => {
  it.each([
    ["Ho GIÀ pagato!", "ho gia pagato!"],
    ["ho gia' pagato", "ho gia pagato"],
    ["L’ho pagato", "lho pagato"],
    ["I can't pay", "i cant pay"],
    ["nn mi scrivete +", "non mi scrivete piu"],
    ["cmq pago x fine mese", "comunque pago per fine mese"],
    ["pls call me tmrw", "please call me tomorrow"],
    ["STOOOOP", "stop"],
    ["cancelatemi", "cancellatemi"],
    ["disocupato", "disoccupato"],
    ["tomorow", "tomorrow"],
    ["sono contento", "sono contento"],
    ["vado a Malta", "vado a malta"],
    ["€ 50,00 il 15/12", "€ 50,00 il 15/12"],
  ])("%s → %s", (text, expected) => {
    expect(normalizeReply(text)).toBe(expected);
  });

  it("leaves the Italian shorthand x alone in English", () => {
    expect(normalizeReply("3 x 2", "en")).toBe("3 x 2");
  });
});

describe("splitClauses", () => {
  it("splits at sentence marks, commas outside numbers and 'ma'/'but'", () => {
    const clauses = splitClauses("non ho pagato, pago 50,00 euro il 15.12.2026 ma non chiamatemi");
    expect(clauses.map((clause) => clause.text)).toEqual([
      "non ho pagato",
      "pago 50,00 euro il 15.12.2026",
      "non chiamatemi",
    ]);
  });
});
