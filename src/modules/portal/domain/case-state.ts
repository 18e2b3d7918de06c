/** The case's status in the debtor's words: one state the portal explains in a sentence. */

export type PortalCaseState =
  | "paid"
  | "closed"
  | "plan"
  | "plan_review"
  | "promise"
  | "under_review"
  | "on_hold"
  | "overdue"
  | "to_pay";

export interface CaseStateInput {
  status: string;
  closeReason: string | null;
  holdReasons: readonly string[];
  balanceMinor: bigint;
  /** The live plan's status, if any. */
  planStatus: string | null;
  promisePending: boolean;
  /** Earliest due date of an open invoice, YYYY-MM-DD. */
  oldestDue: string | null;
  /** Today in the debtor's time zone, YYYY-MM-DD. */
  today: string;
}

const REVIEW_HOLDS = new Set(["dispute", "hardship", "vulnerability"]);

export function portalCaseState(input: CaseStateInput): PortalCaseState {
  if (input.status === "closed")
    return input.closeReason === "paid" || input.balanceMinor <= 0n ? "paid" : "closed";
  if (input.balanceMinor <= 0n) return "paid";
  if (input.planStatus === "active" || input.planStatus === "at_risk") return "plan";
  if (input.planStatus === "pending_approval" || input.planStatus === "awaiting_signature")
    return "plan_review";
  if (input.promisePending) return "promise";
  if (input.holdReasons.some((reason) => REVIEW_HOLDS.has(reason))) return "under_review";
  if (input.holdReasons.length > 0) return "on_hold";
  if (input.oldestDue !== null && input.oldestDue < input.today) return "overdue";
  return "to_pay";
}
