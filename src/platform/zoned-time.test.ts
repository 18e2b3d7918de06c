import { describe, expect, it } from "vitest";
import {
  addDays,
  describeInstant,
  instantAtWallClock,
  isoWeekday,
  localDateAt,
  startOfLocalDay,
  wallClockAt,
} from "./zoned-time.js";

const hm = (text: string) => {
  const [hours, minutes] = text.split(":").map(Number);
  return hours! * 60 + minutes!;
};

describe("wallClockAt", () => {
  it.each([
    // Rome: CET (+1) until 2026-03-29 01:00Z, CEST (+2) until 2026-10-25 01:00Z.
    ["2026-03-29T00:59:59Z", "Europe/Rome", [2026, 3, 29, 1, 59, 59]],
    ["2026-03-29T01:00:00Z", "Europe/Rome", [2026, 3, 29, 3, 0, 0]],
    ["2026-10-25T00:30:00Z", "Europe/Rome", [2026, 10, 25, 2, 30, 0]],
    ["2026-10-25T01:30:00Z", "Europe/Rome", [2026, 10, 25, 2, 30, 0]],
    // New York: EST (−5) until 2026-03-08 07:00Z, EDT (−4) until 2026-11-01 06:00Z.
    ["2026-03-08T06:59:00Z", "America/New_York", [2026, 3, 8, 1, 59, 0]],
    ["2026-03-08T07:00:00Z", "America/New_York", [2026, 3, 8, 3, 0, 0]],
    ["2026-11-01T05:30:00Z", "America/New_York", [2026, 11, 1, 1, 30, 0]],
    ["2026-11-01T06:30:00Z", "America/New_York", [2026, 11, 1, 1, 30, 0]],
    ["2026-01-01T00:00:00Z", "America/New_York", [2025, 12, 31, 19, 0, 0]],
    ["2026-06-30T23:30:00Z", "Europe/London", [2026, 7, 1, 0, 30, 0]],
  ])("%s in %s", (instant, zone, [year, month, day, hour, minute, second]) => {
    expect(wallClockAt(new Date(instant), zone)).toEqual({
      year,
      month,
      day,
      hour,
      minute,
      second,
    });
  });

  it("throws on an unknown zone", () => {
    expect(() => wallClockAt(new Date(0), "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("instantAtWallClock", () => {
  it.each([
    // Ordinary days either side of the changes.
    ["Europe/Rome", "2026-03-28", "08:30", "2026-03-28T07:30:00.000Z"],
    ["Europe/Rome", "2026-03-30", "08:30", "2026-03-30T06:30:00.000Z"],
    ["Europe/Rome", "2026-10-24", "08:30", "2026-10-24T06:30:00.000Z"],
    ["Europe/Rome", "2026-10-26", "08:30", "2026-10-26T07:30:00.000Z"],
    // The change days themselves: 08:30 is after the switch.
    ["Europe/Rome", "2026-03-29", "08:30", "2026-03-29T06:30:00.000Z"],
    ["Europe/Rome", "2026-10-25", "08:30", "2026-10-25T07:30:00.000Z"],
    // Spring gap: 02:30 never happens; pushed forward by the hour to 03:30 CEST.
    ["Europe/Rome", "2026-03-29", "02:30", "2026-03-29T01:30:00.000Z"],
    // Autumn overlap: 02:30 happens twice; the first (CEST) wins.
    ["Europe/Rome", "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"],
    ["Europe/Rome", "2026-03-29", "00:00", "2026-03-28T23:00:00.000Z"],
    ["Europe/Rome", "2026-03-29", "24:00", "2026-03-29T22:00:00.000Z"],
    ["America/New_York", "2026-03-07", "08:00", "2026-03-07T13:00:00.000Z"],
    ["America/New_York", "2026-03-08", "08:00", "2026-03-08T12:00:00.000Z"],
    ["America/New_York", "2026-03-09", "08:00", "2026-03-09T12:00:00.000Z"],
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00.000Z"],
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"],
    ["America/New_York", "2026-11-01", "08:00", "2026-11-01T13:00:00.000Z"],
    ["America/New_York", "2026-11-02", "21:00", "2026-11-03T02:00:00.000Z"],
    ["Europe/London", "2026-03-30", "08:30", "2026-03-30T07:30:00.000Z"],
    ["UTC", "2026-02-28", "24:00", "2026-03-01T00:00:00.000Z"],
  ])("%s %s %s → %s", (zone, date, time, expected) => {
    const [year, month, day] = date.split("-").map(Number);
    const instant = instantAtWallClock({ year: year!, month: month!, day: day! }, hm(time), zone);
    expect(instant.toISOString()).toBe(expected);
  });

  it("round-trips every quarter hour of both Rome change days", () => {
    for (const day of [29, 30]) {
      const date = { year: 2026, month: 3, day };
      for (let minute = 0; minute < 1440; minute += 15) {
        const wall = wallClockAt(instantAtWallClock(date, minute, "Europe/Rome"), "Europe/Rome");
        const inGap = day === 29 && minute >= 120 && minute < 180;
        expect(wall.hour * 60 + wall.minute).toBe(inGap ? minute + 60 : minute);
      }
    }
  });
});

describe("calendar helpers", () => {
  it("adds days across month and year ends", () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({
      year: 2026,
      month: 2,
      day: 28,
    });
  });

  it("numbers weekdays Monday = 1 … Sunday = 7", () => {
    expect(isoWeekday({ year: 2026, month: 3, day: 30 })).toBe(1);
    expect(isoWeekday({ year: 2026, month: 3, day: 29 })).toBe(7);
  });

  it("reads the local date, not the UTC one", () => {
    expect(localDateAt(new Date("2026-03-27T23:30:00Z"), "Europe/Rome")).toEqual({
      year: 2026,
      month: 3,
      day: 28,
    });
    expect(startOfLocalDay({ year: 2026, month: 3, day: 30 }, "Europe/Rome").toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
  });

  it("describes an instant in the debtor's words", () => {
    expect(describeInstant(new Date("2026-03-28T07:30:00Z"), "Europe/Rome")).toBe(
      "Sat 2026-03-28 08:30 Europe/Rome",
    );
  });
});
