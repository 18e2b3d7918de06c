/**
 * The shape of a contact policy: plain data (a preset, or a preset a tenant has
 * tightened) that evaluateContact judges proposals by. Every part that can say
 * "no" carries the rule id written to the case timeline.
 */
import { type Channel, HOLD_REASONS, type HoldReason, LIVE_CHANNELS } from "./contact.js";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local time window, "HH:MM" to "HH:MM", start included, end excluded; "24:00" ends at midnight. */
export interface HourWindow {
  readonly from: string;
  readonly to: string;
}

/** Allowed windows per weekday, in the debtor's local time; an empty list means not that day. */
export type WeeklyHours = Readonly<Record<Weekday, readonly HourWindow[]>>;

/**
 * When a group of channels may reach the debtor. A channel listed in several
 * groups must satisfy all of them; a channel in no group has no time limit
 * (a posted letter arrives when the post delivers it).
 */
export interface ChannelHours {
  /** Rule id reported when this group defers a contact, e.g. "italy.hours.call". */
  readonly id: string;
  readonly channels: readonly Channel[];
  readonly week: WeeklyHours;
  readonly excludeSundays: boolean;
  /** Public holidays of the debtor's country (and region). */
  readonly excludePublicHolidays: boolean;
}

/**
 * At most `max` contacts on `channels` in any rolling `windowHours`. Scope
 * "person" counts this person's contacts from every tenant; "case" counts only
 * the case being worked. Attempts and conversations both count: record one event
 * per contact, kind "conversation" when the right party was reached.
 */
export interface ContactCap {
  readonly id: string;
  readonly channels: readonly Channel[] | "all";
  readonly max: number;
  readonly windowHours: number;
  readonly scope: "person" | "case";
}

/** No new contact for `hours` after a conversation with the right party. */
export interface ConversationCooldown {
  readonly hours: number;
  /** "live": calls and voice messages only; "all": every channel. */
  readonly appliesTo: "live" | "all";
  /** "person": a conversation on any tenant's case counts; "case": only on this case. */
  readonly scope: "person" | "case";
}

/** Who allowed a tenant policy below its preset, and why: kept on the policy for the audit trail. */
export interface LooseningRecord {
  readonly approvedBy: string;
  readonly reason: string;
  readonly violations: readonly string[];
}

export interface ContactPolicy {
  /** "italy", "us", "uk" for presets. */
  readonly id: string;
  /** The legal sources the values come from, for people reading a decision. */
  readonly source: string;
  readonly hours: readonly ChannelHours[];
  readonly caps: readonly ContactCap[];
  /** Right-party conversations per person (all tenants) per local calendar day on live channels; null: no limit. */
  readonly maxConversationsPerDay: number | null;
  readonly cooldownAfterConversation: ConversationCooldown | null;
  /** Holds that block every outbound collection contact. */
  readonly blockingHolds: readonly HoldReason[];
  /** Electronic messages (email, SMS) must carry a way to opt out (Reg F §1006.6(e)). */
  readonly requiresOptOutInElectronicMessages: boolean;
  /** Present only when a tenant loosened the preset with an approved override. */
  readonly loosening?: LooseningRecord;
}

export const ALL_HOLDS: readonly HoldReason[] = HOLD_REASONS;

export function isLiveChannel(channel: Channel): boolean {
  return LIVE_CHANNELS.includes(channel);
}

export function capCoversChannel(cap: ContactCap, channel: Channel): boolean {
  return cap.channels === "all" || cap.channels.includes(channel);
}

/** Minutes after midnight for "HH:MM" (00:00–24:00). Throws RangeError: a malformed policy is a bug. */
export function parseClock(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || !(minutes <= 1440)) {
    throw new RangeError(`not a time of day (HH:MM, 00:00–24:00): ${text}`);
  }
  return minutes;
}

/** A window as minutes of the day; throws RangeError unless from < to. */
export function windowMinutes(window: HourWindow): { from: number; to: number } {
  const from = parseClock(window.from);
  const to = parseClock(window.to);
  if (from >= to) throw new RangeError(`empty hour window: ${window.from}–${window.to}`);
  return { from, to };
}

/** The same windows every day in `days`, none on the others. */
export function weekly(days: readonly Weekday[], ...windows: HourWindow[]): WeeklyHours {
  const week = {} as Record<Weekday, readonly HourWindow[]>;
  for (const day of WEEKDAYS) week[day] = days.includes(day) ? windows : [];
  return week;
}

/** Combines weekly tables, e.g. weekdays from one and Saturday from another. */
export function mergeWeeks(...weeks: WeeklyHours[]): WeeklyHours {
  const week = {} as Record<Weekday, readonly HourWindow[]>;
  for (const day of WEEKDAYS) week[day] = weeks.flatMap((w) => w[day]);
  return week;
}

export const DAY_LABEL: Readonly<Record<Weekday, string>> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

/** "Mon–Fri 08:30–21:00, Sat 08:30–15:00": the allowed hours for a reason text. */
export function describeWeek(week: WeeklyHours): string {
  const runs: { first: Weekday; last: Weekday; text: string }[] = [];
  for (const day of WEEKDAYS) {
    const text = week[day].map((w) => `${w.from}–${w.to}`).join(", ");
    const previous = runs.at(-1);
    if (previous && previous.text === text) previous.last = day;
    else runs.push({ first: day, last: day, text });
  }
  const allowed = runs.filter((run) => run.text !== "");
  if (allowed.length === 0) return "never";
  return allowed
    .map((run) => {
      const days =
        run.first === run.last
          ? DAY_LABEL[run.first]
          : `${DAY_LABEL[run.first]}–${DAY_LABEL[run.last]}`;
      return `${days} ${run.text}`;
    })
    .join("; ");
}
