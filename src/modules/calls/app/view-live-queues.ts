/** The supervisor's live board: every queue by priority band, every agent's state and day. */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { agentDays, queueSizes } from "../store/supervision-queries";
import { startOfDay } from "./view-agent";

export async function viewLiveQueues(
  deps: { database: Database; clock: Clock; timeZone?: string },
  input: { tenantIds: readonly string[] | null },
) {
  const now = deps.clock.now();
  const queues = await queueSizes(deps.database.pool, input.tenantIds, now);
  const agents = await agentDays(deps.database.pool, {
    tenantIds: input.tenantIds,
    since: startOfDay(now, deps.timeZone ?? "Europe/Rome"),
  });
  return { queues, agents };
}
