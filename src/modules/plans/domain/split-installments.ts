import { isRealIsoDate } from "../../../platform/iso-date.js";
import { nthDueDate, type PlanFrequency } from "./plan-calendar.js";
import { type FieldProblem, throwIfProblems } from "./plan-problems.js";

export interface SplitInstallmentsInput {
  /** The whole amount the plan pays off, down payment included. */
  totalMinor: bigint;
  /** 0n for no down payment. */
  downPaymentMinor?: bigint;
  /** Installments after the down payment. */
  count: number;
  frequency: PlanFrequency;
  /** Due date of installment 1; the others follow at `frequency`. */
  firstDueDate: string;
  /** Due date of the down payment; defaults to `firstDueDate`, may not be later. */
  downPaymentDueDate?: string;
}

export type InstallmentKind = "down_payment" | "installment";

export interface PlannedInstallment {
  /** 0 is the down payment (only when there is one), then 1..count. */
  seq: number;
  dueDate: string;
  amountMinor: bigint;
  kind: InstallmentKind;
}

/**
 * Splits a total into a down payment and `count` installments that add up to the cent.
 * The remainder cents go one each to the first installments, so no two installments
 * differ by more than one cent and none is zero. Monthly dates keep the day of the month,
 * clamped to each month's end (Jan 31 → Feb 28/29 → Mar 31).
 */
export function splitInstallments(input: SplitInstallmentsInput): PlannedInstallment[] {
  const down = input.downPaymentMinor ?? 0n;
  throwIfProblems(splitProblems(input, down));

  const financed = input.totalMinor - down;
  const count = BigInt(input.count);
  const base = financed / count;
  const remainder = financed % count;
  const plan: PlannedInstallment[] = [];
  if (down > 0n) {
    plan.push({
      seq: 0,
      dueDate: input.downPaymentDueDate ?? input.firstDueDate,
      amountMinor: down,
      kind: "down_payment",
    });
  }
  for (let seq = 1; seq <= input.count; seq++) {
    plan.push({
      seq,
      dueDate: nthDueDate(input.firstDueDate, input.frequency, seq - 1),
      amountMinor: base + (BigInt(seq) <= remainder ? 1n : 0n),
      kind: "installment",
    });
  }
  return plan;
}

function splitProblems(input: SplitInstallmentsInput, down: bigint): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  if (input.totalMinor <= 0n) add("totalMinor", "must be more than zero");
  if (down < 0n) add("downPaymentMinor", "must not be negative");
  else if (input.totalMinor > 0n && down >= input.totalMinor) {
    add("downPaymentMinor", "must be less than the total, or there is nothing left to split");
  }
  if (!Number.isSafeInteger(input.count) || input.count < 1) {
    add("count", "must be a whole number of at least 1");
  } else if (input.totalMinor > down && input.totalMinor - down < BigInt(input.count)) {
    add("count", "too many installments: each would be less than one cent");
  }
  if (!["weekly", "biweekly", "monthly"].includes(input.frequency)) {
    add("frequency", "must be weekly, biweekly or monthly");
  }
  if (!isRealIsoDate(input.firstDueDate)) add("firstDueDate", "expected a real date as YYYY-MM-DD");
  const downDate = input.downPaymentDueDate;
  if (downDate !== undefined) {
    if (!isRealIsoDate(downDate)) add("downPaymentDueDate", "expected a real date as YYYY-MM-DD");
    else if (downDate > input.firstDueDate) {
      add("downPaymentDueDate", "must not be later than the first installment");
    }
  }
  return problems;
}
