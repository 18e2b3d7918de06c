/**
 * A supervisor puts a case in front of an agent or a team (or back to the whole
 * queue): the case's open call task is re-routed, or one is opened for it.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { inTransaction } from "../../../platform/db/transaction";
import { AppError } from "../../../platform/errors";
import { scoreTasks } from "./refresh-call-queue";

export async function assignCaseCall(
  deps: { database: Database; clock: Clock },
  input: {
    tenantId: string;
    caseId: string;
    userId: string | null;
    team: string | null;
    /** A user id, or a word for a system actor ("demo"). */
    by: string;
    /** Why, for the agent; by default who it was given to. */
    reason?: string;
  },
): Promise<{ taskId: string }> {
  const now = deps.clock.now();
  return inTransaction(deps.database, async (client) => {
    const { rows: cases } = await client.query<{ status: string }>(
      "select status from cases where tenant_id = $1 and id = $2 for update",
      [input.tenantId, input.caseId],
    );
    if (!cases[0]) throw new AppError("case_not_found", "case not found");
    if (cases[0].status === "closed") throw new AppError("case_closed", "the case is closed");
    if (input.userId) {
      const { rows } = await client.query(
        `select 1 from users u where u.id = $1 and u.disabled_at is null
           and u.role in ('agent', 'supervisor', 'admin')
           and (u.all_tenants or exists (select 1 from user_tenants ut where ut.user_id = u.id and ut.tenant_id = $2))`,
        [input.userId, input.tenantId],
      );
      if (rows.length === 0)
        throw new AppError("validation_failed", "userId: no agent of this tenant");
    }
    const reason =
      input.reason ??
      (input.userId
        ? "assigned to an agent"
        : input.team
          ? `assigned to team ${input.team}`
          : "back to the queue");
    const { rows } = await client.query<{ id: string }>(
      `insert into call_tasks (tenant_id, case_id, source, reasons, assigned_user_id, team, not_before, created_at)
       values ($1, $2, 'assigned', array[$3], $4, $5, $6, $6)
       on conflict (case_id) where status in ('queued', 'claimed') do update set
         assigned_user_id = excluded.assigned_user_id, team = excluded.team,
         reasons = call_tasks.reasons || excluded.reasons, not_before = least(call_tasks.not_before, excluded.not_before)
       returning id`,
      [input.tenantId, input.caseId, reason, input.userId, input.team, now],
    );
    const taskId = rows[0]!.id;
    await scoreTasks(client, [taskId], now);
    await client.query(
      "insert into case_events (tenant_id, case_id, type, actor, data, at) values ($1, $2, 'call.assigned', $3, $4, $5)",
      [
        input.tenantId,
        input.caseId,
        input.by === "demo" ? "demo" : `user:${input.by}`,
        JSON.stringify({ userId: input.userId, team: input.team }),
        now,
      ],
    );
    return { taskId };
  });
}
