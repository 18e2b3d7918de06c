/**
 * Wall-clock time in the debtor's zone, with Intl only (no library, no I/O).
 * Kept local to the strategies module on purpose: the contact policy has its own,
 * and domain modules do not reach into each other.
 */

const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock at `instant` in `timeZone`, encoded as if it were UTC milliseconds. */
function wallClockMs(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The zone's offset from UTC at `instant`, in milliseconds (Rome in summer: +2 h). */
function offsetMs(instant: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return wallClockMs(wholeSeconds, timeZone) - wholeSeconds;
}

/** The calendar day ("YYYY-MM-DD") of an instant in a time zone: what "today" means there. */
export function localDateOf(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:MM" in the zone, for explanations a person reads. */
export function formatLocal(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant.getTime(), timeZone))
    .toISOString()
    .slice(0, 16)
    .replace("T", " ");
}

/** A calendar day moved by whole days; day arithmetic never sees a time zone. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * MS_PER_DAY)
    .toISOString()
    .slice(0, 10);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` ("HH:MM") on `isoDate`.
 * Across daylight saving: a time that happens twice (autumn) resolves to the first
 * occurrence; a time that does not exist (spring gap) moves forward by the gap, as
 * a wall clock would (02:30 on the Rome spring day is 03:30 CEST).
 */
export function instantAt(isoDate: string, time: string, timeZone: string): Date {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) throw new RangeError(`bad local time: ${isoDate} ${time}`);
  const wall = Date.UTC(
    Number(dateMatch[1]),
    Number(dateMatch[2]) - 1,
    Number(dateMatch[3]),
    Number(timeMatch[1]),
    Number(timeMatch[2]),
  );
  // A transition is never closer than a day to another, so the offsets a day
  // either side are the only two the answer can use.
  const before = offsetMs(wall - MS_PER_DAY, timeZone);
  const after = offsetMs(wall + MS_PER_DAY, timeZone);
  const valid = [wall - before, wall - after].filter(
    (candidate) => wallClockMs(candidate, timeZone) === wall,
  );
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before);
}
