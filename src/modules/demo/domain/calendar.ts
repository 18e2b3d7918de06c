/**
 * Calendar arithmetic on days. Dates are whole days since 1970-01-01 (no time of
 * day, so no time zone or daylight saving can shift a due date), rendered as ISO
 * "YYYY-MM-DD" only when a record is written.
 */

/** Parses "YYYY-MM-DD" into a day number; throws on anything else (a caller bug, not data). */
export function parseIsoDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${text}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${text}`);
  }
  return dayFromParts(year, month, day);
}

export function dayFromParts(year: number, month: number, dayOfMonth: number): number {
  // Howard Hinnant's days_from_civil: integer arithmetic only, no Date objects,
  // because the generator converts tens of thousands of dates.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface DayParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** civil_from_days, the inverse of dayFromParts. */
export function dayParts(day: number): DayParts {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dayOfMonth = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfMonth };
}

export function formatIsoDay(day: number): string {
  const { year, month, day: dom } = dayParts(day);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${dom < 10 ? "0" : ""}${dom}`;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The month `months` after (year, month), as [year, month]. */
function shiftMonth(year: number, month: number, months: number): [number, number] {
  const index = year * 12 + (month - 1) + months;
  return [Math.floor(index / 12), (((index % 12) + 12) % 12) + 1];
}

/** Last day of the month `months` after the month of `day`: "30 days end of month" terms. */
export function endOfMonthAfter(day: number, months: number): number {
  const { year, month } = dayParts(day);
  const [y, m] = shiftMonth(year, month, months);
  return dayFromParts(y, m, daysInMonth(y, m));
}

/** Same day of the month `months` later, clamped to the month's end (Jan 31 + 1 → Feb 28). */
export function addMonths(day: number, months: number): number {
  const { year, month, day: dom } = dayParts(day);
  const [y, m] = shiftMonth(year, month, months);
  return dayFromParts(y, m, Math.min(dom, daysInMonth(y, m)));
}
