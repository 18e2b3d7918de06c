/**
 * Day dates as Italian spreadsheets write them: 15/03/2024, 5/3/2024, 15-03-2024,
 * 15.03.2024, Excel's 15/03/24, and ISO 2024-03-15. A time part ("15/03/2024 00:00",
 * "2024-03-15T00:00:00Z") is dropped: these columns hold days, not instants.
 */
import type { DateOrder } from "./fields.js";

export type DateParse = { ok: true; iso: string } | { ok: false; problem: "format" | "calendar" };

const DATE_PATTERN =
  /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses a day date; tells a malformed text apart from an impossible day (31/02). */
export function parseDateDetailed(text: string, order: DateOrder = "dmy"): DateParse {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return { ok: false, problem: "format" };
  const [, a = "", , b = "", c = ""] = match;
  let year: string;
  let month: string;
  let day: string;
  if (a.length === 4 || order === "ymd") {
    // A four-digit first part can only be a year, whatever the chosen order.
    [year, month, day] = [a, b, c];
  } else if (order === "mdy") {
    [month, day, year] = [a, b, c];
  } else {
    [day, month, year] = [a, b, c];
  }
  if (day.length > 2 || month.length > 2) return { ok: false, problem: "format" };
  // Excel writes two-digit years for dates of this century; debts are never from the 1900s.
  if (year.length === 2) year = `20${year}`;
  else if (year.length !== 4) return { ok: false, problem: "format" };
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  // Years outside 1900–2199 are typing mistakes in a receivables file, not old debts.
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    return { ok: false, problem: "calendar" };
  return { ok: true, iso: `${year}-${pad2(m)}-${pad2(d)}` };
}

/** "15/03/2024" → "2024-03-15"; null when the text is not a real date in that order. */
export function parseItalianDate(text: string, order: DateOrder = "dmy"): string | null {
  const parsed = parseDateDetailed(text, order);
  return parsed.ok ? parsed.iso : null;
}

/** The format to name in an error message, so a person knows what the column should hold. */
export function expectedDateFormat(order: DateOrder): string {
  if (order === "mdy") return "mm/dd/yyyy";
  if (order === "ymd") return "yyyy-mm-dd";
  return "dd/mm/yyyy";
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
