/**
 * Promises whose date plus grace has passed (in the debtor's time zone) without
 * being kept are broken: the case's priority goes up, a promise hold is lifted,
 * and the strategy resumes at the next evaluation, which is now.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { paymentSettingsOf } from "../../payments/domain/payment-settings.js";
import { resumeAfterBrokenAgreement } from "../../payments/store/broken-agreements.js";
import { insertEvents } from "../../payments/store/settle-cases.js";

/** Tenants without payment settings get the default boost. */
const DEFAULT_BROKEN_PRIORITY_BOOST = paymentSettingsOf({}).promises.brokenPriorityBoost;

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
    await resumeAfterBrokenAgreement(
      client,
      "promise",
      rows.map((r) => ({ caseId: r.case_id, boost: r.boost })),
      now,
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
