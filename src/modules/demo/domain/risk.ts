/**
 * A behavioural risk score (0–1000, higher is riskier) and its class (A best, E worst),
 * driven by how late the debtor is: the strategist segments on them, and the demo
 * must show that late debtors score worse.
 */
import { type AgingBucket, agingBucket, daysPastDue } from "./aging.js";
import type { InvoiceDraft } from "./invoice-drafts.js";
import type { SeededRandom } from "./random.js";

const BASE_SCORE: Record<AgingBucket, readonly [number, number]> = {
  not_due: [60, 320],
  dpd_1_30: [250, 480],
  dpd_31_60: [420, 640],
  dpd_61_90: [560, 780],
  dpd_over_90: [700, 960],
};

export interface RiskAssessment {
  riskScore: number;
  riskClass: "A" | "B" | "C" | "D" | "E";
}

export function riskClassOf(score: number): RiskAssessment["riskClass"] {
  if (score < 200) return "A";
  if (score < 400) return "B";
  if (score < 600) return "C";
  if (score < 800) return "D";
  return "E";
}

export function assessRisk(
  rng: SeededRandom,
  drafts: readonly InvoiceDraft[],
  today: number,
): RiskAssessment {
  const open = drafts.filter((d) => d.documentType === "invoice" && d.open > 0n);
  const worstDpd = open.reduce((worst, d) => Math.max(worst, daysPastDue(d.dueDay, today)), 0);
  const [low, high] = BASE_SCORE[agingBucket(worstDpd)];
  let score = rng.int(low, high);
  const overdueCount = open.filter((d) => daysPastDue(d.dueDay, today) > 0).length;
  // Several unpaid invoices are worse than one; a payment on account shows willingness.
  score += Math.min(120, 12 * Math.max(0, overdueCount - 1));
  if (open.some((d) => d.open < d.amount)) score -= 40;
  const riskScore = Math.max(0, Math.min(1000, score));
  return { riskScore, riskClass: riskClassOf(riskScore) };
}
