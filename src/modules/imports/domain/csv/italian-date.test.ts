import { describe, expect, it } from "vitest";
import type { DateOrder } from "./fields.js";
import { parseDateDetailed, parseItalianDate } from "./italian-date.js";

describe("parseItalianDate", () => {
  it.each<[string, DateOrder, string | null]>([
    ["15/03/2024", "dmy", "2024-03-15"],
    ["5/3/2024", "dmy", "2024-03-05"],
    ["15-03-2024", "dmy", "2024-03-15"],
    ["15.03.2024", "dmy", "2024-03-15"],
    ["2024-03-15", "dmy", "2024-03-15"],
    ["15/03/24", "dmy", "2024-03-15"],
    ["01/12/99", "dmy", "2099-12-01"],
    [" 15/03/2024 ", "dmy", "2024-03-15"],
    ["15/03/2024 00:00:00", "dmy", "2024-03-15"],
    ["2024-03-15T00:00:00Z", "dmy", "2024-03-15"],
    ["03/15/2024", "mdy", "2024-03-15"],
    ["3/5/2024", "mdy", "2024-03-05"],
    ["2024/03/15", "ymd", "2024-03-15"],
    ["24/03/15", "ymd", "2024-03-15"],
    // ISO is unambiguous, whatever order the mapping asks for.
    ["2024-03-15", "mdy", "2024-03-15"],
    ["29/02/2024", "dmy", "2024-02-29"],
    ["29/02/2000", "dmy", "2000-02-29"],
    ["29/02/2023", "dmy", null],
    ["29/02/2100", "dmy", null],
    ["31/04/2024", "dmy", null],
    ["31/02/2024", "dmy", null],
    ["30/04/2024", "dmy", "2024-04-30"],
    ["00/01/2024", "dmy", null],
    ["15/13/2024", "dmy", null],
    ["03/15/2024", "dmy", null],
    ["15/03-2024", "dmy", null],
    ["15/03/202", "dmy", null],
    ["15 marzo 2024", "dmy", null],
    ["", "dmy", null],
    ["45366", "dmy", null],
    ["15/03/1850", "dmy", null],
  ])("%j (%s) → %j", (text, order, expected) => {
    expect(parseItalianDate(text, order)).toBe(expected);
  });

  it("tells a malformed date from an impossible one", () => {
    expect(parseDateDetailed("31/02/2024")).toEqual({ ok: false, problem: "calendar" });
    expect(parseDateDetailed("domani")).toEqual({ ok: false, problem: "format" });
  });
});
