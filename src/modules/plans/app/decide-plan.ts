/** A supervisor approves (it then waits for the debtor's signature) or rejects a plan outside policy. */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import { insertEvents } from "../../payments/store/settle-cases.js";

export async function decidePlanApproval(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; planId: string; approve: boolean; note?: string; userId: string },
): Promise<{ status: "awaiting_signature" | "rejected" }> {
  const now = deps.clock.now();
  return inTransaction(deps.database, async (client) => {
    const status = input.approve ? "awaiting_signature" : "rejected";
    const { rows } = await client.query<{ case_id: string }>(
      `update plans set status = $3, decided_by = $4, decided_at = $5, updated_at = $5,
         ended_at = case when $3::text = 'rejected' then $5::timestamptz else null end
       where tenant_id = $1 and id = $2 and status = 'pending_approval' returning case_id`,
      [input.tenantId, input.planId, status, input.userId, now],
    );
    const plan = rows[0];
    if (!plan) {
      const exists = await client.query(
        "select status from plans where tenant_id = $1 and id = $2",
        [input.tenantId, input.planId],
      );
      if (!exists.rows[0]) throw new AppError("not_found", "plan not found");
      throw new AppError(
        "conflict",
        `the plan is ${exists.rows[0].status}, not waiting for approval`,
      );
    }
    await client.query(
      `update case_tasks set status = 'done', closed_at = $3
       where case_id = $1 and kind = 'plan_approval' and status = 'open' and reason like $2`,
      [plan.case_id, `plan ${input.planId}%`, now],
    );
    await insertEvents(
      client,
      [
        {
          tenant_id: input.tenantId,
          case_id: plan.case_id,
          type: input.approve ? "plan.approved" : "plan.rejected",
          data: { planId: input.planId, note: input.note ?? null, by: input.userId },
        },
      ],
      now,
      `user:${input.userId}`,
    );
    return { status };
  });
}
