/**
 * The strategy engine's view of wall-clock time: ISO day strings and "HH:MM"
 * over the platform's zone helpers (Intl only, correct across DST).
 */
import {
  formatLocalDate,
  formatMinuteOfDay,
  instantAtWallClock,
  localDateAt,
  wallClockAt,
} from "../../../platform/zoned-time.js";

export { daysBetween } from "../../../platform/clock.js";

const MS_PER_DAY = 86_400_000;

/** The calendar day ("YYYY-MM-DD") of an instant in a time zone: what "today" means there. */
export function localDateOf(instant: Date, timeZone: string): string {
  return formatLocalDate(localDateAt(instant, timeZone));
}

/** "YYYY-MM-DD HH:MM" in the zone, for explanations a person reads. */
export function formatLocal(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  return `${formatLocalDate(wall)} ${formatMinuteOfDay(wall.hour * 60 + wall.minute)}`;
}

/** A calendar day moved by whole days; day arithmetic never sees a time zone. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * MS_PER_DAY)
    .toISOString()
    .slice(0, 10);
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` ("HH:MM") on
 * `isoDate`: a repeated autumn hour resolves to its first occurrence, a skipped
 * spring hour moves forward by the gap, as a wall clock would.
 */
export function instantAt(isoDate: string, time: string, timeZone: string): Date {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) throw new RangeError(`bad local time: ${isoDate} ${time}`);
  const date = {
    year: Number(dateMatch[1]),
    month: Number(dateMatch[2]),
    day: Number(dateMatch[3]),
  };
  return instantAtWallClock(date, Number(timeMatch[1]) * 60 + Number(timeMatch[2]), timeZone);
}
