/**
 * Calendar arithmetic on days written as "YYYY-MM-DD". Pure and time-zone free:
 * a due date is a day on the debtor's calendar, never an instant.
 */
import { daysBetween } from "../../../platform/clock.js";
import { isRealIsoDate } from "../../../platform/iso-date.js";
import {
  addDays as addLocalDays,
  formatLocalDate,
  type LocalDate,
} from "../../../platform/zoned-time.js";

export type PlanFrequency = "weekly" | "biweekly" | "monthly";

export const PLAN_FREQUENCIES: readonly PlanFrequency[] = ["weekly", "biweekly", "monthly"];

export { daysBetween };

function toLocal(day: string): LocalDate {
  if (!isRealIsoDate(day)) throw new RangeError(`expected a real date as YYYY-MM-DD, got "${day}"`);
  return {
    year: Number(day.slice(0, 4)),
    month: Number(day.slice(5, 7)),
    day: Number(day.slice(8)),
  };
}

export function addDays(day: string, days: number): string {
  return formatLocalDate(addLocalDays(toLocal(day), days));
}

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * `months` calendar months after `day`, keeping its day of the month and clamping it to
 * the month's end: from Jan 31, +1 is Feb 28 (29 in leap years) and +2 is Mar 31.
 */
export function addMonthsClamped(day: string, months: number): string {
  const start = toLocal(day);
  const index = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatLocalDate({ year, month, day: Math.min(start.day, daysInMonth(year, month)) });
}

/** The due date of the n-th installment (0-based) of a schedule starting on `first`. */
export function nthDueDate(first: string, frequency: PlanFrequency, n: number): string {
  switch (frequency) {
    case "weekly":
      return addDays(first, 7 * n);
    case "biweekly":
      return addDays(first, 14 * n);
    case "monthly":
      return addMonthsClamped(first, n);
  }
}

/** Whole calendar months from `from` to `to`, a started month counting as one (0 when `to` ≤ `from`). */
export function monthsSpanned(from: string, to: string): number {
  if (to <= from) return 0;
  const a = toLocal(from);
  const b = toLocal(to);
  const whole = (b.year - a.year) * 12 + (b.month - a.month);
  return addMonthsClamped(from, whole) < to ? whole + 1 : whole;
}
