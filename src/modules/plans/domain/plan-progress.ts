import { isRealIsoDate } from "../../../platform/iso-date.js";
import { daysBetween } from "./plan-calendar.js";
import { type FieldProblem, throwIfProblems } from "./plan-problems.js";

/** One installment as stored: what is due, and what has been applied to it so far. */
export interface InstallmentState {
  seq: number;
  dueDate: string;
  amountMinor: bigint;
  paidMinor: bigint;
}

/**
 * paid: nothing left to pay. due: not yet past its due date (partially_paid when some of it
 * is). overdue: past due, still within the grace days. missed: past the grace days.
 * Lateness wins over a partial payment: a late installment is overdue or missed whatever
 * part of it was paid (the amounts say how much).
 */
export type InstallmentStatus = "paid" | "partially_paid" | "due" | "overdue" | "missed";

export type PlanStatus = "active" | "at_risk" | "broken" | "completed";

/** When a plan breaks; the acknowledgment of debt states the same rule to the debtor. */
export interface BreakRule {
  /** Days after a due date before an unpaid installment counts as missed. */
  graceDays: number;
  /** This many missed installments break the plan. */
  missedInstallments: number;
  /** One installment unpaid this many days after its due date breaks the plan. */
  brokenAfterDays: number;
}

export const DEFAULT_BREAK_RULE: BreakRule = {
  graceDays: 5,
  missedInstallments: 2,
  brokenAfterDays: 30,
};

export interface InstallmentProgress extends InstallmentState {
  outstandingMinor: bigint;
  status: InstallmentStatus;
  /** Days past the due date (0 when not yet past it or paid). */
  daysLate: number;
}

export interface PlanProgress {
  status: PlanStatus;
  installments: InstallmentProgress[];
  /** The earliest installment not fully paid, late or not; null when all are paid. */
  nextDue: { seq: number; dueDate: string; outstandingMinor: bigint } | null;
  outstandingMinor: bigint;
  /** What is past due (overdue or missed) and not yet paid. */
  lateMinor: bigint;
  missedCount: number;
}

/** Where a plan stands on `today`: each installment's status, the plan's, and what is left. */
export function planProgress(
  installments: readonly InstallmentState[],
  today: string,
  rule: Partial<BreakRule> = {},
): PlanProgress {
  const { graceDays, missedInstallments, brokenAfterDays } = { ...DEFAULT_BREAK_RULE, ...rule };
  throwIfProblems([...stateProblems(installments), ...dayProblems("today", today)]);

  const rows = installments.map((row): InstallmentProgress => {
    const outstandingMinor = outstanding(row);
    const late = outstandingMinor > 0n ? Math.max(0, daysBetween(row.dueDate, today)) : 0;
    return { ...row, outstandingMinor, status: statusOf(row, late, graceDays), daysLate: late };
  });
  const missed = rows.filter((row) => row.status === "missed");
  const unpaid = byDueDate(rows.filter((row) => row.outstandingMinor > 0n));
  const first = unpaid[0];

  let status: PlanStatus = "active";
  if (unpaid.length === 0) status = "completed";
  else if (
    missed.length >= missedInstallments ||
    missed.some((row) => row.daysLate > brokenAfterDays)
  ) {
    status = "broken";
  } else if (missed.length > 0) status = "at_risk";

  return {
    status,
    installments: rows,
    nextDue: first
      ? { seq: first.seq, dueDate: first.dueDate, outstandingMinor: first.outstandingMinor }
      : null,
    outstandingMinor: sum(rows.map((row) => row.outstandingMinor)),
    lateMinor: sum(rows.filter((row) => row.daysLate > 0).map((row) => row.outstandingMinor)),
    missedCount: missed.length,
  };
}

function statusOf(row: InstallmentState, daysLate: number, graceDays: number): InstallmentStatus {
  if (outstanding(row) === 0n) return "paid";
  if (daysLate > graceDays) return "missed";
  if (daysLate > 0) return "overdue";
  return row.paidMinor > 0n ? "partially_paid" : "due";
}

export interface Allocation {
  /** Per installment, in the order the money went; installments that got nothing are left out. */
  allocations: Array<{ seq: number; amountMinor: bigint }>;
  /** What is left once every installment is paid: a credit for the debtor. */
  creditMinor: bigint;
}

/**
 * Applies a payment: to the named installment first (when given), then to the unpaid
 * installments from the oldest due date. Allocated amounts plus credit equal the payment.
 */
export function allocateToInstallments(
  installments: readonly InstallmentState[],
  amountMinor: bigint,
  targetSeq?: number,
): Allocation {
  const problems = stateProblems(installments);
  if (amountMinor < 0n) problems.push({ field: "amountMinor", reason: "must not be negative" });
  if (targetSeq !== undefined && !installments.some((row) => row.seq === targetSeq)) {
    problems.push({ field: "targetSeq", reason: `no installment ${targetSeq} in this plan` });
  }
  throwIfProblems(problems);

  const target = installments.filter((row) => row.seq === targetSeq);
  const rest = byDueDate(installments.filter((row) => row.seq !== targetSeq));
  let left = amountMinor;
  const allocations: Allocation["allocations"] = [];
  for (const row of [...target, ...rest]) {
    if (left === 0n) break;
    const share = min(left, outstanding(row));
    if (share === 0n) continue;
    allocations.push({ seq: row.seq, amountMinor: share });
    left -= share;
  }
  return { allocations, creditMinor: left };
}

/** The installments with an allocation added to what was paid. */
export function applyAllocation<T extends InstallmentState>(
  installments: readonly T[],
  allocation: Allocation,
): T[] {
  const bySeq = new Map(allocation.allocations.map((item) => [item.seq, item.amountMinor]));
  return installments.map((row) => ({
    ...row,
    paidMinor: row.paidMinor + (bySeq.get(row.seq) ?? 0n),
  }));
}

function stateProblems(installments: readonly InstallmentState[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (installments.length === 0) {
    problems.push({ field: "installments", reason: "a plan has at least one installment" });
  }
  const seen = new Set<number>();
  installments.forEach((row, index) => {
    const field = `installments[${index}]`;
    if (seen.has(row.seq)) problems.push({ field: `${field}.seq`, reason: "appears twice" });
    seen.add(row.seq);
    problems.push(...dayProblems(`${field}.dueDate`, row.dueDate));
    if (row.amountMinor <= 0n) {
      problems.push({ field: `${field}.amountMinor`, reason: "must be more than zero" });
    }
    if (row.paidMinor < 0n) {
      problems.push({ field: `${field}.paidMinor`, reason: "must not be negative" });
    }
  });
  return problems;
}

function dayProblems(field: string, day: string): FieldProblem[] {
  return isRealIsoDate(day) ? [] : [{ field, reason: "expected a real date as YYYY-MM-DD" }];
}

/** Oldest due date first; seq breaks ties (a down payment due with installment 1 goes first). */
function byDueDate<T extends InstallmentState>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) =>
    a.dueDate === b.dueDate ? a.seq - b.seq : a.dueDate < b.dueDate ? -1 : 1,
  );
}

const outstanding = (row: InstallmentState): bigint =>
  row.paidMinor >= row.amountMinor ? 0n : row.amountMinor - row.paidMinor;
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const sum = (values: bigint[]): bigint => values.reduce((total, value) => total + value, 0n);
