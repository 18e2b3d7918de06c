/** Calendar days as "YYYY-MM-DD" strings: the form mandates, due dates and pain.008 use. */

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The same day `months` later, clamped to the month's last day (2020-02-29 + 36 → 2023-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const targetMonthIndex = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonthIndex + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, targetMonthIndex, Math.min(day, lastDay)))
    .toISOString()
    .slice(0, 10);
}

/** The UTC calendar day of an instant; in Europe it is never later than the local day. */
export function utcDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
