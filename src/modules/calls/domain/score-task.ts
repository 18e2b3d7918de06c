/** From the stored facts of a task to its priority and routing, at one instant. */
import { daysBetween, localDate } from "../../../platform/clock";
import { formatMinuteOfDay, wallClockAt } from "../../../platform/zoned-time";
import { type Priority, scoreCall } from "./priority";
import { requiredSkill } from "./routing";

/** What the store reads about a queued task (one row per task). */
export interface PriorityFactsRow {
  id: string;
  source: string;
  not_before: Date;
  stage: string;
  language: string;
  debtor_kind: string;
  risk_score: number | null;
  time_zone: string;
  balance_minor: string;
  oldest_due_date: string | null;
  broken_at: Date | null;
  hardship: boolean;
  newest_phone_at: Date | null;
  unanswered_at: Date[] | null;
  answered_hours: number[] | null;
}

/** "HH:MM" of an instant in a time zone: the debtor's clock, shown to the agent. */
export function localHourMinute(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  return formatMinuteOfDay(wall.hour * 60 + wall.minute);
}

export function scoreTask(
  row: PriorityFactsRow,
  now: Date,
): { priority: Priority; skill: string | null } {
  const today = localDate(now, row.time_zone);
  const unanswered = (row.unanswered_at ?? []).filter(
    (at) => !row.newest_phone_at || at > row.newest_phone_at,
  );
  const lastUnanswered = (row.unanswered_at ?? []).reduce<Date | null>(
    (last, at) => (!last || at > last ? at : last),
    null,
  );
  const priority = scoreCall({
    balanceMinor: BigInt(row.balance_minor),
    daysPastDue: row.oldest_due_date ? daysBetween(row.oldest_due_date, today) : null,
    stage: row.stage,
    riskScore: row.risk_score,
    brokenPromiseDaysAgo: row.broken_at
      ? daysBetween(localDate(row.broken_at, row.time_zone), today)
      : null,
    callbackDue: row.source === "callback" && row.not_before <= now,
    unansweredSinceNewestNumber: unanswered.length,
    newNumberSinceLastAttempt:
      lastUnanswered !== null &&
      row.newest_phone_at !== null &&
      row.newest_phone_at > lastUnanswered,
    answeredHours: row.answered_hours ?? [],
    localHour: wallClockAt(now, row.time_zone).hour,
  });
  const skill = requiredSkill({
    language: row.language,
    debtorKind: row.debtor_kind,
    hardship: row.hardship,
  });
  return { priority, skill };
}
