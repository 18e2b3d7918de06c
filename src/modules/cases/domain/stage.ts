/** Where a case stands in the collection lifecycle. */
export const STAGES = ["pre_due", "early", "late", "pre_legal", "legal", "closed"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The stage a newly opened case starts in, from the days past due of its oldest
 * open invoice. Later moves belong to the strategy; legal only by decision.
 */
export const OPENING_STAGE_BANDS: ReadonlyArray<{ upToDays: number; stage: Stage }> = [
  { upToDays: 0, stage: "pre_due" },
  { upToDays: 30, stage: "early" },
  { upToDays: 90, stage: "late" },
  { upToDays: Number.POSITIVE_INFINITY, stage: "pre_legal" },
];

export function openingStage(daysPastDue: number): Stage {
  return OPENING_STAGE_BANDS.find((band) => daysPastDue <= band.upToDays)?.stage ?? "pre_legal";
}

/** The aging bucket of an invoice, as reports group them. */
export function agingBucket(daysPastDue: number): "not_due" | "1-30" | "31-60" | "61-90" | "90+" {
  if (daysPastDue <= 0) return "not_due";
  if (daysPastDue <= 30) return "1-30";
  if (daysPastDue <= 60) return "31-60";
  if (daysPastDue <= 90) return "61-90";
  return "90+";
}
