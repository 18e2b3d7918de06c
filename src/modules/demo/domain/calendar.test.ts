import { describe, expect, it } from "vitest";
import {
  addMonths,
  dayFromParts,
  dayParts,
  endOfMonthAfter,
  formatIsoDay,
  parseIsoDay,
} from "./calendar.js";

describe("calendar days", () => {
  it("agrees with Date on every day from 1900 to 2100", () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2100, 11, 31) / 86_400_000;
    const mismatches: string[] = [];
    for (let day = first; day <= last; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const { year, month, day: dom } = dayParts(day);
      if (formatIsoDay(day) !== iso || dayFromParts(year, month, dom) !== day) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it("parses ISO dates and rejects impossible ones", () => {
    expect(formatIsoDay(parseIsoDay("2024-02-29"))).toBe("2024-02-29");
    expect(() => parseIsoDay("2026-02-29")).toThrow(RangeError);
    expect(() => parseIsoDay("2026-13-01")).toThrow(RangeError);
    expect(() => parseIsoDay("15/03/2026")).toThrow(RangeError);
  });

  it("moves by months, clamping to the month's end", () => {
    const day = (iso: string) => parseIsoDay(iso);
    expect(formatIsoDay(addMonths(day("2026-01-31"), 1))).toBe("2026-02-28");
    expect(formatIsoDay(addMonths(day("2026-03-15"), -3))).toBe("2025-12-15");
    expect(formatIsoDay(endOfMonthAfter(day("2026-01-10"), 1))).toBe("2026-02-28");
    expect(formatIsoDay(endOfMonthAfter(day("2025-11-30"), 3))).toBe("2026-02-28");
    expect(formatIsoDay(endOfMonthAfter(day("2026-03-15"), -1))).toBe("2026-02-28");
  });
});
