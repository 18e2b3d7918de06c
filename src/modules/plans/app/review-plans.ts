/**
 * The daily look at live plans with an installment past its due date: each one's
 * status is recomputed (at risk, broken, back on track). Run by the worker loop.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { refreshPlanStatus } from "../store/plan-status.js";

export async function reviewPlans(deps: {
  database: Database;
  clock: Clock;
}): Promise<{ broken: number }> {
  const now = deps.clock.now();
  const { rows } = await deps.database.pool.query<{ id: string }>(
    `select distinct pl.id from plans pl join plan_installments pi on pi.plan_id = pl.id
     where pl.status in ('active', 'at_risk') and pi.paid_minor < pi.amount_minor
       and pi.due_date < ($1::timestamptz at time zone 'UTC')::date`,
    [now],
  );
  let broken = 0;
  for (const { id } of rows) {
    const status = await inTransaction(deps.database, (client) =>
      refreshPlanStatus(client, id, now),
    );
    if (status === "broken") broken++;
  }
  if (broken > 0) await wakeScheduler(deps.database);
  return { broken };
}
