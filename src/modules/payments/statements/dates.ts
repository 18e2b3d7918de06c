/** Calendar dates as ISO strings (YYYY-MM-DD), checked to exist. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;
const ITALIAN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** xs:date ("2014-01-05", also with a zone) → "2014-01-05"; undefined when not a real date. */
export function dateFromIsoDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  return m ? calendarDate(m[1]!, m[2]!, m[3]!) : undefined;
}

/**
 * xs:dateTime → its date part as written: the bank writes its own local time, so
 * "2014-12-31T23:30:00+01:00" was booked on the 31st, whatever UTC says.
 */
export function dateFromIsoDateTime(text: string): string | undefined {
  const m = ISO_DATE_TIME.exec(text);
  return m ? calendarDate(m[1]!, m[2]!, m[3]!) : undefined;
}

export function isIsoDateTime(text: string): boolean {
  return dateFromIsoDateTime(text) !== undefined;
}

/** A CSV date: "2025-03-14" or "14/03/2025" (also 14.03.2025, 14-03-2025). */
export function dateFromCsv(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return calendarDate(iso[1]!, iso[2]!, iso[3]!);
  const it = ITALIAN_DATE.exec(text);
  return it ? calendarDate(it[3]!, it[2]!.padStart(2, "0"), it[1]!.padStart(2, "0")) : undefined;
}

function calendarDate(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d > days ? undefined : `${year}-${month}-${day}`;
}
