/**
 * Promises whose date plus grace has passed (in the debtor's time zone) without
 * being kept are broken: the case's priority goes up, a promise hold is lifted,
 * and the strategy resumes at the next evaluation, which is now.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { insertEvents } from "../../payments/store/settle-cases.js";

const DEFAULT_BROKEN_PRIORITY_BOOST = 100;

export async function breakOverduePromises(deps: {
  database: Database;
  clock: Clock;
}): Promise<number> {
  const now = deps.clock.now();
  const broken = await inTransaction(deps.database, async (client) => {
    const { rows } = await client.query<{
      id: string;
      tenant_id: string;
      case_id: string;
      due_date: string;
      amount_minor: bigint;
      paid_minor: bigint;
      boost: number;
    }>(
      `with due as (
         select pr.id, coalesce((s.settings->'promises'->>'brokenPriorityBoost')::int, $2) as boost
         from promises pr
         join cases c on c.id = pr.case_id
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         join tenants t on t.id = c.tenant_id
         left join tenant_payment_settings s on s.tenant_id = c.tenant_id
         where pr.status = 'pending'
           and pr.due_date + pr.grace_days < ($1::timestamptz at time zone coalesce(d.time_zone, t.time_zone))::date
         for no key update of c, pr skip locked)
       update promises pr set status = 'broken', resolved_at = $1 from due where pr.id = due.id
       returning pr.id, pr.tenant_id, pr.case_id, pr.due_date, pr.amount_minor, pr.paid_minor, due.boost`,
      [now, DEFAULT_BROKEN_PRIORITY_BOOST],
    );
    if (rows.length === 0) return rows;
    await client.query(
      `update cases c set priority = c.priority + x.boost,
         hold_reasons = array_remove(c.hold_reasons, 'promise'),
         status = case when c.status = 'on_hold' and array_remove(c.hold_reasons, 'promise') = '{}' then 'open'
                       else c.status end,
         next_evaluation_at = $3, updated_at = $3
       from unnest($1::uuid[], $2::int[]) as x(id, boost) where c.id = x.id and c.status <> 'closed'`,
      [rows.map((r) => r.case_id), rows.map((r) => r.boost), now],
    );
    await insertEvents(
      client,
      rows.map((r) => ({
        tenant_id: r.tenant_id,
        case_id: r.case_id,
        type: "promise.broken",
        data: {
          promiseId: r.id,
          dueDate: r.due_date,
          amountMinor: r.amount_minor.toString(),
          paidMinor: r.paid_minor.toString(),
          priorityRaisedBy: r.boost,
        },
      })),
      now,
    );
    return rows;
  });
  if (broken.length > 0) await wakeScheduler(deps.database);
  return broken.length;
}
