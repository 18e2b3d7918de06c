import { describe, expect, it } from "vitest";
import { type PriorityFacts, scoreCall } from "./priority";

const base: PriorityFacts = {
  balanceMinor: 100_000n,
  daysPastDue: 30,
  stage: "early",
  riskScore: null,
  brokenPromiseDaysAgo: null,
  callbackDue: false,
  unansweredSinceNewestNumber: 0,
  newNumberSinceLastAttempt: false,
  answeredHours: [],
  localHour: 10,
};

const points = (facts: Partial<PriorityFacts>) =>
  Object.fromEntries(scoreCall({ ...base, ...facts }).factors.map((f) => [f.key, f.points]));

describe("call priority", () => {
  it("adds up explained factors", () => {
    const priority = scoreCall(base);
    expect(priority.factors).toEqual([
      { key: "amount", points: 120, detail: "balance 1000" },
      { key: "days_past_due", points: 25, detail: "30 days past due" },
    ]);
    expect(priority).toMatchObject({ score: 145, band: "low" });
  });

  it("grows with the amount (log) and the days past due (capped at 180)", () => {
    expect(points({ balanceMinor: 10_000_000n }).amount).toBe(200);
    expect(points({ balanceMinor: 1_000n }).amount).toBe(40);
    expect(points({ daysPastDue: 400 }).days_past_due).toBe(150);
    expect(points({ daysPastDue: -3 }).days_past_due).toBeUndefined();
  });

  it("rises for a broken promise, a due callback, a new number and the hour the debtor answers", () => {
    expect(points({ brokenPromiseDaysAgo: 2 }).broken_promise).toBe(150);
    expect(points({ brokenPromiseDaysAgo: 31 }).broken_promise).toBeUndefined();
    expect(points({ callbackDue: true }).callback_due).toBe(300);
    expect(points({ newNumberSinceLastAttempt: true }).new_number).toBe(60);
    expect(points({ answeredHours: [9, 10] }).reachability).toBe(80);
    expect(points({ answeredHours: [18] }).reachability).toBeUndefined();
  });

  it("falls with each unanswered call on the same number, down to a floor", () => {
    expect(points({ unansweredSinceNewestNumber: 1 }).unanswered).toBe(-40);
    expect(points({ unansweredSinceNewestNumber: 9 }).unanswered).toBe(-160);
    expect(
      scoreCall({ ...base, balanceMinor: 0n, daysPastDue: 0, unansweredSinceNewestNumber: 4 })
        .score,
    ).toBe(0);
  });

  it("puts a large, old, risky case with a due callback in the high band", () => {
    const priority = scoreCall({
      ...base,
      balanceMinor: 500_000n,
      daysPastDue: 120,
      riskScore: 800,
      callbackDue: true,
    });
    expect(priority.band).toBe("high");
    expect(priority.score).toBe(148 + 100 + 64 + 300);
  });
});
