import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatLocal, instantAt, localDateOf } from "./local-time.js";

describe("local time in the debtor's zone", () => {
  it.each([
    // zone, day, time, instant
    ["Europe/Rome", "2026-07-16", "09:00", "2026-07-16T07:00:00.000Z"], // CEST, +2
    ["Europe/Rome", "2026-01-16", "09:00", "2026-01-16T08:00:00.000Z"], // CET, +1
    ["Europe/Rome", "2026-10-24", "09:00", "2026-10-24T07:00:00.000Z"], // day before the switch
    ["Europe/Rome", "2026-10-26", "09:00", "2026-10-26T08:00:00.000Z"], // day after the switch
    ["Europe/Rome", "2026-03-28", "09:00", "2026-03-28T08:00:00.000Z"], // day before spring
    ["Europe/Rome", "2026-03-29", "09:00", "2026-03-29T07:00:00.000Z"], // spring day itself
    ["Europe/Rome", "2026-03-29", "02:30", "2026-03-29T01:30:00.000Z"], // in the gap: 03:30 CEST
    ["Europe/Rome", "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"], // twice: the first
    ["Europe/Rome", "2026-10-25", "03:00", "2026-10-25T02:00:00.000Z"], // after the repeat
    ["America/New_York", "2026-07-16", "09:00", "2026-07-16T13:00:00.000Z"],
    ["America/New_York", "2026-11-02", "09:00", "2026-11-02T14:00:00.000Z"],
    ["Asia/Kolkata", "2026-07-16", "09:00", "2026-07-16T03:30:00.000Z"],
    ["Australia/Lord_Howe", "2026-01-16", "09:00", "2026-01-15T22:00:00.000Z"], // +11 in summer
    ["UTC", "2026-02-28", "23:59", "2026-02-28T23:59:00.000Z"],
  ])("%s %s %s is %s", (zone, day, time, expected) => {
    expect(instantAt(day, time, zone).toISOString()).toBe(expected);
  });

  it("round-trips every quarter hour of the Rome autumn and spring switch days", () => {
    for (const day of ["2026-03-29", "2026-10-25", "2027-03-28"]) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
        const mm = String(minutes % 60).padStart(2, "0");
        const instant = instantAt(day, `${hh}:${mm}`, "Europe/Rome");
        const inGap = day !== "2026-10-25" && hh === "02";
        if (!inGap) expect(formatLocal(instant, "Europe/Rome")).toBe(`${day} ${hh}:${mm}`);
      }
    }
  });

  it("tells the local day of an instant", () => {
    expect(localDateOf(new Date("2026-10-24T22:30:00Z"), "Europe/Rome")).toBe("2026-10-25");
    expect(localDateOf(new Date("2026-10-24T22:30:00Z"), "America/New_York")).toBe("2026-10-24");
    expect(formatLocal(new Date("2026-10-26T08:00:00Z"), "Europe/Rome")).toBe("2026-10-26 09:00");
  });

  it("counts days without time zones", () => {
    expect(addDays("2026-09-30", -5)).toBe("2026-09-25");
    expect(addDays("2026-12-30", 75)).toBe("2027-03-15");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(daysBetween("2026-09-30", "2026-12-14")).toBe(75);
  });

  it("refuses malformed input", () => {
    expect(() => instantAt("2026-9-1", "09:00", "Europe/Rome")).toThrow(RangeError);
    expect(() => instantAt("2026-09-01", "9:00", "Europe/Rome")).toThrow(RangeError);
  });
});
