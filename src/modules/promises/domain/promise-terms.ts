/**
 * What a promise to pay may say: a date from today up to the tenant's limit, an
 * amount from one cent up to the balance. A promise without an amount is for the
 * whole balance.
 */
import type { FieldProblem } from "../../payments/domain/field-problems.js";
import { addDays } from "../../plans/domain/plan-calendar.js";

export interface PromiseTerms {
  amountMinor: bigint;
  dueDate: string;
}

export function promiseProblems(
  input: { amountMinor?: bigint; dueDate: string },
  limits: { today: string; maxDaysAhead: number; balanceMinor: bigint },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.dueDate < limits.today) {
    problems.push({ field: "dueDate", reason: `is before today (${limits.today})` });
  }
  const last = addDays(limits.today, limits.maxDaysAhead);
  if (input.dueDate > last) {
    problems.push({
      field: "dueDate",
      reason: `is more than ${limits.maxDaysAhead} days ahead (last allowed ${last})`,
    });
  }
  const amount = input.amountMinor ?? limits.balanceMinor;
  if (amount <= 0n) problems.push({ field: "amountMinor", reason: "must be more than zero" });
  if (amount > limits.balanceMinor) {
    problems.push({
      field: "amountMinor",
      reason: `is more than the balance (${limits.balanceMinor})`,
    });
  }
  return problems;
}

/** A pending promise is broken once its date plus grace has passed without it being kept. */
export function isPromiseBroken(dueDate: string, graceDays: number, today: string): boolean {
  return addDays(dueDate, graceDays) < today;
}
