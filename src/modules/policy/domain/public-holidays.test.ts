import { describe, expect, it } from "vitest";
import { publicHolidayOn } from "./public-holidays.js";

const day = (text: string) => {
  const [year, month, dayOfMonth] = text.split("-").map(Number);
  return { year: year!, month: month!, day: dayOfMonth! };
};

describe("publicHolidayOn", () => {
  it.each([
    ["2026-12-08", "IT", undefined, "Immaculate Conception"],
    ["2026-04-25", "IT", undefined, "Liberation from Nazi-Fascism (1945)"],
    ["2026-04-06", "IT", undefined, "Easter Monday"],
    ["2026-06-02", "IT", undefined, "Republic Day"],
    // Regional: Rome's patron saints, Milan's Sant'Ambrogio, South Tyrol's Whit Monday.
    ["2026-06-29", "IT", "RM", "Saints Peter and Paul"],
    ["2026-06-29", "IT", "IT-RM", "Saints Peter and Paul"],
    ["2026-12-07", "IT", "MI", "Saint Ambrose"],
    ["2026-05-25", "IT", "BZ", "Whit Monday"],
    ["2026-05-25", "IT", "32", "Whit Monday"],
    ["2026-05-04", "GB", "ENG", "Early May bank holiday"],
    ["2026-12-28", "GB", undefined, "Boxing Day (substitute day)"],
    ["2026-07-03", "US", undefined, "Independence Day (substitute day)"],
  ])("%s in %s/%s is %s", (date, country, region, name) => {
    expect(publicHolidayOn(day(date), country, region)).toBe(name);
  });

  it.each([
    ["2026-12-09", "IT", undefined],
    // Regional holidays stay regional.
    ["2026-06-29", "IT", undefined],
    ["2026-12-07", "IT", "RM"],
    ["2026-05-25", "IT", undefined],
    // Observances are working days.
    ["2026-05-10", "IT", undefined],
    ["2026-02-14", "US", undefined],
    // An unknown region falls back to the national calendar; an unknown country has none.
    ["2026-06-29", "IT", "ZZ"],
    ["2026-01-01", "XX", undefined],
  ])("%s in %s/%s is a working day", (date, country, region) => {
    expect(publicHolidayOn(day(date), country, region)).toBeNull();
  });

  it("accepts a lower-case country code", () => {
    expect(publicHolidayOn(day("2026-12-08"), "it")).toBe("Immaculate Conception");
  });
});
