/**
 * The call priority: which case an agent should call first, right now. A sum
 * of points, each explained, so an agent and a supervisor can see why a case
 * is on top. It changes with time (days past due grow, a callback falls due,
 * the hour at which this debtor answered before comes round) and with what
 * happened (unanswered calls on the same number lower it, a new number or a
 * broken promise raise it).
 */

export interface PriorityFacts {
  balanceMinor: bigint;
  /** Days past due of the oldest open invoice; negative before the due date. */
  daysPastDue: number | null;
  stage: string;
  /** 0–1000, higher is riskier; null when the creditor sent none. */
  riskScore: number | null;
  /** A promise to pay broke in the last 30 days. */
  brokenPromiseDaysAgo: number | null;
  /** A callback (asked by the debtor or set by an agent) that is due now. */
  callbackDue: boolean;
  /** Calls on this case not answered since the newest phone number appeared. */
  unansweredSinceNewestNumber: number;
  /** A phone number was added after the last unanswered call. */
  newNumberSinceLastAttempt: boolean;
  /** Local hours (0–23, debtor's time zone) at which the debtor answered before. */
  answeredHours: readonly number[];
  /** The hour now in the debtor's time zone. */
  localHour: number;
}

export interface PriorityFactor {
  key: string;
  points: number;
  detail: string;
}

export type PriorityBand = "high" | "medium" | "low";

export interface Priority {
  score: number;
  band: PriorityBand;
  factors: PriorityFactor[];
}

export const BAND_FLOORS = { high: 450, medium: 250 } as const;

export function bandOf(score: number): PriorityBand {
  if (score >= BAND_FLOORS.high) return "high";
  if (score >= BAND_FLOORS.medium) return "medium";
  return "low";
}

export function scoreCall(facts: PriorityFacts): Priority {
  const factors: PriorityFactor[] = [];
  const add = (key: string, points: number, detail: string) => {
    if (points !== 0) factors.push({ key, points, detail });
  };

  const major = Number(facts.balanceMinor / 100n);
  // Ten times the amount is worth 40 more points: large debts first, small ones not forgotten.
  add("amount", Math.min(200, Math.round(40 * Math.log10(Math.max(1, major)))), `balance ${major}`);

  const dpd = facts.daysPastDue ?? 0;
  if (dpd > 0) {
    add("days_past_due", Math.round((Math.min(dpd, 180) * 150) / 180), `${dpd} days past due`);
  }
  if (facts.stage === "pre_legal") add("stage", 40, "last call before the legal review");
  if (facts.riskScore !== null) {
    add("risk", Math.round(facts.riskScore * 0.08), `risk score ${facts.riskScore} of 1000`);
  }
  if (facts.brokenPromiseDaysAgo !== null && facts.brokenPromiseDaysAgo <= 30) {
    add(
      "broken_promise",
      150,
      `a promise to pay broke ${facts.brokenPromiseDaysAgo === 0 ? "today" : `${facts.brokenPromiseDaysAgo} days ago`}`,
    );
  }
  if (facts.callbackDue) add("callback_due", 300, "a callback is due: it was promised");
  if (facts.unansweredSinceNewestNumber > 0) {
    const n = facts.unansweredSinceNewestNumber;
    add(
      "unanswered",
      -Math.min(160, 40 * n),
      `${n} call${n === 1 ? "" : "s"} not answered on this number`,
    );
  }
  if (facts.newNumberSinceLastAttempt)
    add("new_number", 60, "a new number since the last unanswered call");
  if (facts.answeredHours.includes(facts.localHour)) {
    add(
      "reachability",
      80,
      `answered before between ${facts.localHour}:00 and ${facts.localHour + 1}:00`,
    );
  }

  const score = Math.max(
    0,
    factors.reduce((sum, f) => sum + f.points, 0),
  );
  return { score, band: bandOf(score), factors };
}
