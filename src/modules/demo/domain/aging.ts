/** Aging buckets by days past due (DPD), as credit managers read a portfolio. */

export const AGING_BUCKETS = [
  "not_due",
  "dpd_1_30",
  "dpd_31_60",
  "dpd_61_90",
  "dpd_over_90",
] as const;

export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Days past due of a due date seen from `today` (both day numbers); ≤ 0 means not yet due. */
export function daysPastDue(dueDay: number, today: number): number {
  return today - dueDay;
}

export function agingBucket(dpd: number): AgingBucket {
  if (dpd <= 0) return "not_due";
  if (dpd <= 30) return "dpd_1_30";
  if (dpd <= 60) return "dpd_31_60";
  if (dpd <= 90) return "dpd_61_90";
  return "dpd_over_90";
}
