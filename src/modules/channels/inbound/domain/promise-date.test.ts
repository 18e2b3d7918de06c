import { describe, expect, it } from "vitest";
import { findDateMentions } from "./promise-date.js";

/** Tuesday 24 November 2026. */
const TODAY = { year: 2026, month: 11, day: 24 };

const firstDate = (clause: string) => findDateMentions(clause, TODAY)[0]?.date;

describe("promise dates, read on Tuesday 24 November 2026", () => {
  it.each([
    ["oggi", "2026-11-24"],
    ["domani", "2026-11-25"],
    ["dopodomani", "2026-11-26"],
    ["the day after tomorrow", "2026-11-26"],
    ["venerdi", "2026-11-27"],
    ["martedi", "2026-12-01"], // today is Tuesday: the next one
    ["next friday", "2026-11-27"],
    ["venerdi della prossima settimana", "2026-12-04"],
    ["il 15", "2026-12-15"],
    ["il 24", "2026-11-24"],
    ["il 31", "2026-11-30"], // clamped to November's last day
    ["on the 30th", "2026-11-30"],
    ["15/12", "2026-12-15"],
    ["10/01", "2027-01-10"],
    ["12/25", "2026-12-25"], // month first only because day first is impossible
    ["15.12.2026", "2026-12-15"],
    ["15/12/26", "2026-12-15"],
    ["10 dicembre", "2026-12-10"],
    ["december 3rd", "2026-12-03"],
    ["fine mese", "2026-11-30"],
    ["end of next month", "2026-12-31"],
    ["mese prossimo", "2026-12-31"],
    ["inizio mese prossimo", "2026-12-10"],
    ["settimana prossima", "2026-12-06"],
    ["questa settimana", "2026-11-29"],
    ["tra 3 giorni", "2026-11-27"],
    ["tra due settimane", "2026-12-08"],
    ["in a week", "2026-12-01"],
    ["fra un mese", "2026-12-24"],
    ["fine anno", "2026-12-31"],
  ])("%s → %s", (clause, date) => {
    expect(firstDate(clause)).toBe(date);
  });

  it.each([
    ["18/11"], // six days ago: a payment date, not a promise
    ["10 novembre"],
    ["31/02"],
    ["alle 15"],
    ["il 50"],
    ["pago 15 euro"],
    ["lunedi scorso"],
    ["ieri"],
    ["la settimana scorsa"],
  ])("%s names no future day", (clause) => {
    expect(firstDate(clause)).toBeUndefined();
  });

  it("counts from the end of February correctly in a leap year", () => {
    expect(findDateMentions("fine mese", { year: 2028, month: 2, day: 10 })[0]?.date).toBe(
      "2028-02-29",
    );
    expect(findDateMentions("il 30", { year: 2027, month: 2, day: 10 })[0]?.date).toBe(
      "2027-02-28",
    );
  });

  it("lists every day named, in order", () => {
    const mentions = findDateMentions("50 il 15 dicembre e 50 a fine mese", TODAY);
    expect(mentions.map((mention) => mention.date)).toEqual(["2026-12-15", "2026-11-30"]);
  });
});
