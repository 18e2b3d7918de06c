/**
 * Wall-clock time in an IANA time zone, with Intl only. The policy speaks in the
 * debtor's local time ("08:30 on Monday in Europe/Rome"), history and proposals
 * are instants; these helpers convert both ways, correctly across DST changes.
 */

/** A calendar day, as the debtor's wall calendar shows it. month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** What a wall clock in the zone reads at an instant (seconds, no milliseconds). */
export interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

// One formatter per zone: building an Intl.DateTimeFormat is far slower than using one.
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

/** The zone's offset from UTC over one quarter hour, read from Intl once and then cached. */
const QUARTER_MS = 15 * MINUTE_MS;
const offsets = new Map<string, number>();

function offsetAt(instantMs: number, timeZone: string): number {
  // Offsets change only at transitions, which fall on quarter hours: one Intl call
  // per zone and quarter hour instead of one per instant (the sweep's hot spot).
  const bucketStart = Math.floor(instantMs / QUARTER_MS) * QUARTER_MS;
  const key = `${timeZone}|${bucketStart}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(bucketStart))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  // Some engines print midnight as "24" even with h23; it is hour 0 of the same day.
  const offset = Date.UTC(year, month - 1, day, hour % 24, minute, second) - bucketStart;
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The wall-clock reading of `instant` in `timeZone`. Throws RangeError on an unknown zone. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const wall = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The debtor's calendar day at an instant: what "today" means for them. */
export function localDateAt(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClockAt(instant, timeZone);
  return { year, month, day };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instantMs: number, timeZone: string): number {
  const wall = wallClockAt(new Date(instantMs), timeZone);
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` reads `minuteOfDay` minutes
 * after midnight of `date` (1440 means the next midnight). When DST makes that
 * reading happen twice (autumn) the earlier instant is returned; when it never
 * happens (spring gap) the reading is pushed forward by the gap, so 02:30 on the
 * spring-forward day in Rome becomes 03:30 — the same choice as Temporal's
 * "compatible" disambiguation.
 */
export function instantAtWallClock(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS;
  // Real zones change offset at most once in any two days, so the offsets a day
  // either side are the only two candidates.
  const before = offsetMs(wallAsUtc - DAY_MS, timeZone);
  const after = offsetMs(wallAsUtc + DAY_MS, timeZone);
  const candidates = [wallAsUtc - before, wallAsUtc - after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (offsetMs(candidate, timeZone) === wallAsUtc - candidate) return new Date(candidate);
  }
  return new Date(wallAsUtc - before);
}

/** Midnight at the start of `date` in the zone (or the first instant of the day if midnight is skipped). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return instantAtWallClock(date, 0, timeZone);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: LocalDate): number {
  const sundayFirst = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

export function sameLocalDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

const pad = (value: number) => String(value).padStart(2, "0");

export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, "0")}-${pad(date.month)}-${pad(date.day)}`;
}

/** "HH:MM" for a minute of the day; 1440 prints as "24:00". */
export function formatMinuteOfDay(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

const WEEKDAY_LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** "Sat 2026-03-28 08:30 Europe/Rome": how reasons show a moment to people. */
export function describeInstant(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  const weekday = WEEKDAY_LABELS[isoWeekday(wall) - 1];
  return `${weekday} ${formatLocalDate(wall)} ${formatMinuteOfDay(wall.hour * 60 + wall.minute)} ${timeZone}`;
}
