/** The agent's own header: team, state, the case in hand, and today's numbers. */
import type { Clock } from "../../../platform/clock";
import { localDate } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { instantAt } from "../../strategies/domain/local-time";
import { loadAgentProfile } from "../store/agents";
import { findOpenClaim } from "../store/call-tasks";
import { agentDays } from "../store/supervision-queries";

/** The day of the call center's counters (the agency works on Italian time unless configured). */
export function startOfDay(now: Date, timeZone: string): Date {
  return instantAt(localDate(now, timeZone), "00:00", timeZone);
}

export async function viewAgent(
  deps: { database: Database; clock: Clock; timeZone?: string },
  input: { userId: string; tenantIds: readonly string[] | null },
) {
  const now = deps.clock.now();
  const pool = deps.database.pool;
  const profile = await loadAgentProfile(pool, input.userId);
  if (!profile) return null;
  const current = await findOpenClaim(pool, input.userId, now);
  const [day] = await agentDays(pool, {
    tenantIds: input.tenantIds,
    since: startOfDay(now, deps.timeZone ?? "Europe/Rome"),
    userId: input.userId,
  });
  return { profile, current, day: day ?? null };
}
