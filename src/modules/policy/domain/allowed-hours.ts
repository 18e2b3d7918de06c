/**
 * The time-of-day rules: allowed hours per weekday, Sundays and public holidays,
 * always in the debtor's time zone (a Rome tenant calling a New Yorker follows
 * New York's clock and New York's holidays).
 */

import {
  addDays,
  describeInstant,
  formatLocalDate,
  instantAtWallClock,
  isoWeekday,
  type LocalDate,
  localDateAt,
} from "../../../platform/zoned-time.js";
import type { Channel, DebtorContactContext } from "./contact.js";
import {
  type ChannelHours,
  type ContactPolicy,
  describeWeek,
  WEEKDAYS,
  weekly,
  windowMinutes,
} from "./policy.js";
import { publicHolidayOn } from "./public-holidays.js";

/** How far ahead the policy looks for an allowed moment before it gives up and blocks. */
export const SEARCH_HORIZON_DAYS = 60;
const DAY_MS = 86_400_000;

/** A rule that said "not now", with a reason in plain English. */
export interface Refusal {
  rule: string;
  reason: string;
}

type Debtor = Pick<DebtorContactContext, "timeZone" | "country" | "region" | "preferredWindow">;

/** Channels that interrupt the person: their preferred window applies to these. */
const PREFERENCE_CHANNELS: readonly Channel[] = ["call", "voice", "sms"];

function groupsFor(policy: ContactPolicy, channel: Channel, debtor: Debtor): ChannelHours[] {
  const groups = policy.hours.filter((group) => group.channels.includes(channel));
  const preferred = debtor.preferredWindow;
  if (!preferred || !PREFERENCE_CHANNELS.includes(channel)) return groups;
  return [
    ...groups,
    {
      id: "preference.window",
      channels: [channel],
      week: weekly(WEEKDAYS, preferred),
      excludeSundays: false,
      excludePublicHolidays: false,
    },
  ];
}

/** Why no window of the group opens on this local day at all (Sunday, holiday), or null. */
function closedDay(group: ChannelHours, debtor: Debtor, date: LocalDate): Refusal | null {
  if (group.excludeSundays && isoWeekday(date) === 7) {
    return {
      rule: "sunday",
      reason: `no ${group.channels.join("/")} contact on Sundays (${formatLocalDate(date)} in ${debtor.timeZone})`,
    };
  }
  if (group.excludePublicHolidays) {
    const holiday = publicHolidayOn(date, debtor.country, debtor.region);
    if (holiday) {
      const where = debtor.region ? `${debtor.country}-${debtor.region}` : debtor.country;
      return {
        rule: "holiday",
        reason: `no ${group.channels.join("/")} contact on public holidays: ${formatLocalDate(date)} is ${holiday} (${where})`,
      };
    }
  }
  return null;
}

/** The group's windows on a local day as instants, in order. */
function windowsOn(group: ChannelHours, date: LocalDate, timeZone: string) {
  const day = WEEKDAYS[isoWeekday(date) - 1]!;
  return group.week[day]
    .map(windowMinutes)
    .sort((a, b) => a.from - b.from)
    .map(({ from, to }) => ({
      start: instantAtWallClock(date, from, timeZone),
      end: instantAtWallClock(date, to, timeZone),
    }));
}

function groupRefusal(group: ChannelHours, debtor: Debtor, at: Date): Refusal | null {
  const date = localDateAt(at, debtor.timeZone);
  const closed = closedDay(group, debtor, date);
  if (closed) return closed;
  const inside = windowsOn(group, date, debtor.timeZone).some(
    (window) => window.start <= at && at < window.end,
  );
  if (inside) return null;
  return {
    rule: group.id,
    reason: `${group.channels.join("/")} contact is allowed ${describeWeek(group.week)} in the debtor's local time; ${describeInstant(at, debtor.timeZone)} is outside those hours`,
  };
}

/** The first moment ≥ from (and ≤ until) this one group allows, or null. */
function nextInGroup(group: ChannelHours, debtor: Debtor, from: Date, until: Date): Date | null {
  let date = localDateAt(from, debtor.timeZone);
  for (let day = 0; day <= SEARCH_HORIZON_DAYS + 1; day++, date = addDays(date, 1)) {
    if (closedDay(group, debtor, date)) continue;
    for (const window of windowsOn(group, date, debtor.timeZone)) {
      if (window.end <= from) continue;
      const moment = window.start > from ? window.start : from;
      return moment <= until ? moment : null;
    }
  }
  return null;
}

/** Which time rule forbids contact on `channel` at `at`, or null if the time is allowed. */
export function timeRefusal(
  policy: ContactPolicy,
  debtor: Debtor,
  channel: Channel,
  at: Date,
): Refusal | null {
  for (const group of groupsFor(policy, channel, debtor)) {
    const refusal = groupRefusal(group, debtor, at);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * The first moment at or after `from` when the time rules (hours, Sundays,
 * holidays) allow `channel` for this debtor, or null if there is none within
 * SEARCH_HORIZON_DAYS. It ignores history: caps and cool-downs are
 * evaluateContact's business.
 */
export function nextAllowedMoment(
  policy: ContactPolicy,
  debtor: Debtor,
  channel: Channel,
  from: Date,
): Date | null {
  const until = new Date(from.getTime() + SEARCH_HORIZON_DAYS * DAY_MS);
  const groups = groupsFor(policy, channel, debtor);
  let moment = from;
  // Every group must agree; each pass moves to the next start of a group that
  // said no, so the moment only moves forward and the horizon bounds the loop.
  for (let pass = 0; pass < 10 * SEARCH_HORIZON_DAYS; pass++) {
    let moved = false;
    for (const group of groups) {
      if (!groupRefusal(group, debtor, moment)) continue;
      const next = nextInGroup(group, debtor, moment, until);
      if (!next) return null;
      moment = next;
      moved = true;
    }
    if (!moved) return moment;
  }
  return null;
}
