/**
 * Payments to a case with a live plan also pay its installments: the one the payment
 * was meant for first (a direct-debit collection, a pagoPA notice of an installment),
 * then the oldest unpaid. The plan's progress is recomputed after.
 */
import type pg from "pg";
import { allocateToInstallments } from "../../plans/domain/index.js";
import { loadInstallments, toInstallmentState } from "../../plans/store/plan-installments.js";
import { refreshPlanStatus } from "../../plans/store/plan-status.js";

interface PaymentOnPlan {
  payment_id: string;
  tenant_id: string;
  amount_minor: bigint;
  installment_id: string | null;
  plan_id: string;
}

export async function applyToInstallments(
  client: pg.PoolClient,
  paymentIds: readonly string[],
  now: Date,
): Promise<void> {
  const { rows } = await client.query<PaymentOnPlan>(
    `select p.id as payment_id, p.tenant_id, p.amount_minor, p.installment_id, pl.id as plan_id
     from payments p join plans pl on pl.case_id = p.case_id and pl.status in ('active', 'at_risk')
     where p.id = any($1::uuid[]) and p.status = 'allocated'
     order by p.booked_on, p.created_at, p.id`,
    [paymentIds],
  );
  const plans = new Set<string>();
  for (const payment of rows) {
    const installments = await loadInstallments(client, payment.plan_id, { lock: true });
    const target = installments.find((i) => i.id === payment.installment_id)?.seq;
    const split = allocateToInstallments(
      installments.map(toInstallmentState),
      payment.amount_minor,
      target,
    );
    const bySeq = new Map(installments.map((i) => [i.seq, i.id]));
    const parts = split.allocations.filter((a) => a.amountMinor > 0n);
    await client.query(
      `with x as (select * from unnest($1::uuid[], $2::bigint[]) as x(id, amount))
       , ins as (insert into installment_allocations (tenant_id, payment_id, installment_id, amount_minor, at)
                 select $3, $4, x.id, x.amount, $5 from x)
       update plan_installments pi set paid_minor = pi.paid_minor + x.amount from x where pi.id = x.id`,
      [
        parts.map((a) => bySeq.get(a.seq)),
        parts.map((a) => a.amountMinor.toString()),
        payment.tenant_id,
        payment.payment_id,
        now,
      ],
    );
    plans.add(payment.plan_id);
  }
  for (const planId of plans) await refreshPlanStatus(client, planId, now);
}
