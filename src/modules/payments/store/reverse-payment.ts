/**
 * Undoing a payment the bank took back (a return, a reversal, a card refund): the
 * ledger gets mirror rows, the invoices and installments are owed again, and a case
 * the payment had closed opens again where it stood.
 */
import type pg from "pg";
import { insertEvents } from "./settle-cases.js";

export interface Reversal {
  paymentId: string;
  reason: string;
  key: string;
}

/** Returns false when the payment was already reversed (by this key or another). */
export async function reversePayment(
  client: pg.PoolClient,
  reversal: Reversal,
  now: Date,
): Promise<boolean> {
  const { rows } = await client.query<{ tenant_id: string; case_id: string | null }>(
    `update payments set status = 'reversed', reversed_at = $2, reversal_reason = $3, reversal_key = $4, updated_at = $2
     where id = $1 and status = 'allocated' returning tenant_id, case_id`,
    [reversal.paymentId, now, reversal.reason, reversal.key],
  );
  const payment = rows[0];
  if (!payment) return false;
  const { rows: mirrored } = await client.query<{
    invoice_id: string | null;
    amount: bigint;
    case_id: string | null;
  }>(
    `insert into payment_allocations (tenant_id, payment_id, case_id, invoice_id, kind, amount_minor, reverses, at)
     select a.tenant_id, a.payment_id, a.case_id, a.invoice_id, a.kind, -a.amount_minor, a.id, $2
     from payment_allocations a
     where a.payment_id = $1 and a.reverses is null
       and not exists (select 1 from payment_allocations r where r.payment_id = $1 and r.reverses = a.id)
     returning invoice_id, -amount_minor as amount, case_id`,
    [reversal.paymentId, now],
  );
  await client.query(
    `update invoices i set open_amount_minor = i.open_amount_minor + x.amount, status = 'open', updated_at = $3
     from unnest($1::uuid[], $2::bigint[]) as x(id, amount) where i.id = x.id`,
    [
      mirrored.filter((m) => m.invoice_id).map((m) => m.invoice_id),
      mirrored.filter((m) => m.invoice_id).map((m) => m.amount.toString()),
      now,
    ],
  );
  await client.query(
    `with undone as (
       insert into installment_allocations (tenant_id, payment_id, installment_id, amount_minor, at)
       select tenant_id, payment_id, installment_id, -sum(amount_minor), $2 from installment_allocations
       where payment_id = $1 group by tenant_id, payment_id, installment_id having sum(amount_minor) <> 0
       returning installment_id, amount_minor)
     update plan_installments pi set paid_minor = pi.paid_minor + u.amount_minor
     from undone u where pi.id = u.installment_id`,
    [reversal.paymentId, now],
  );
  const caseIds = [
    ...new Set(mirrored.map((m) => m.case_id).filter((id): id is string => id !== null)),
  ];
  for (const caseId of caseIds) {
    await insertEvents(
      client,
      [
        {
          tenant_id: payment.tenant_id,
          case_id: caseId,
          type: "payment.reversed",
          data: { paymentId: reversal.paymentId, reason: reversal.reason },
        },
      ],
      now,
    );
    await reopenIfOwed(client, payment.tenant_id, caseId, now);
  }
  return true;
}

/** A case closed as paid opens again in its previous stage, unless the debtor has another open case. */
async function reopenIfOwed(client: pg.PoolClient, tenantId: string, caseId: string, now: Date) {
  const { rows } = await client.query<{ id: string }>(
    `update cases c set status = 'open',
       stage = coalesce((select e.data->>'previousStage' from case_events e
                         where e.case_id = c.id and e.type = 'case.closed' order by e.id desc limit 1), 'late'),
       closed_at = null, close_reason = null, next_evaluation_at = $2, updated_at = $2
     where c.id = $1 and c.status = 'closed' and c.close_reason = 'paid'
       and (select coalesce(sum(open_amount_minor), 0) from invoices where case_id = c.id and status = 'open') > 0
       and not exists (select 1 from cases o where o.tenant_id = c.tenant_id and o.debtor_id = c.debtor_id
                       and o.status <> 'closed' and o.id <> c.id)
     returning c.id`,
    [caseId, now],
  );
  if (rows.length > 0) {
    await insertEvents(
      client,
      [
        {
          tenant_id: tenantId,
          case_id: caseId,
          type: "case.reopened",
          data: { reason: "payment reversed" },
        },
      ],
      now,
    );
    await client.query(
      `update plans set status = 'active', ended_at = null, updated_at = $2
       where case_id = $1 and status = 'completed' and exists (
         select 1 from plan_installments pi where pi.plan_id = plans.id and pi.paid_minor < pi.amount_minor)`,
      [caseId, now],
    );
  } else {
    await client.query(
      "update cases set next_evaluation_at = $2 where id = $1 and status <> 'closed'",
      [caseId, now],
    );
  }
}
