/**
 * How long a call allowed now stays allowed: the end of the current window of
 * allowed hours in the debtor's time zone (the law's hours, Sundays, holidays,
 * the debtor's preferred window, which timeRefusal reads from the person). A
 * dialer gets this window with every number.
 */
import {
  type Channel,
  type ContactPolicy,
  type DebtorContactContext,
  timeRefusal,
} from "../../policy/domain";

const STEP_MS = 5 * 60_000;
const HORIZON_MS = 24 * 3_600_000;

/** The first 5-minute boundary after `from` at which the hours no longer allow a call, capped at a day. */
export function allowedUntil(
  policy: ContactPolicy,
  person: DebtorContactContext,
  channel: Channel,
  from: Date,
): Date {
  const first = Math.ceil((from.getTime() + 1) / STEP_MS) * STEP_MS;
  for (let t = first; t <= from.getTime() + HORIZON_MS; t += STEP_MS) {
    if (timeRefusal(policy, person, channel, new Date(t))) return new Date(t);
  }
  return new Date(from.getTime() + HORIZON_MS);
}
