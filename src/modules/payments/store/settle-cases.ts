/**
 * What follows a booked payment, set-based: the timeline and integration events,
 * promises kept, and — for cases whose balance reached zero — closing the case and
 * withdrawing every contact still pending, in the same transaction.
 */
import type pg from "pg";

export async function recordPaymentsReceived(
  client: pg.PoolClient,
  paymentIds: readonly string[],
  now: Date,
  actor = "system",
): Promise<void> {
  if (paymentIds.length === 0) return;
  await client.query(
    `create temporary table received on commit drop as
     select p.tenant_id, s.case_id, jsonb_build_object(
         'paymentId', p.id, 'amountMinor', p.amount_minor::text, 'currency', p.currency,
         'source', p.source, 'bookedOn', p.booked_on, 'method', p.match_method,
         'confidence', p.match_confidence, 'payer', p.payer_name,
         'allocations', s.allocations) as data
     from (select a.payment_id, a.case_id, jsonb_agg(jsonb_build_object('kind', a.kind,
             'invoiceId', a.invoice_id, 'amountMinor', a.amount_minor::text) order by a.id) as allocations
           from payment_allocations a where a.payment_id = any($1::uuid[]) and a.reverses is null
           group by a.payment_id, a.case_id) s
     join payments p on p.id = s.payment_id
     where p.status = 'allocated'`,
    [paymentIds],
  );
  await client.query(
    `insert into case_events (tenant_id, case_id, at, type, actor, data)
     select tenant_id, case_id, $1, 'payment.received', $2, data from received`,
    [now, actor],
  );
  await client.query(
    `insert into domain_events (tenant_id, type, case_id, data, occurred_at)
     select tenant_id, 'payment.received', case_id, data, $1 from received`,
    [now],
  );
  await client.query("drop table received");
}

/** Pending promises of these cases count what was paid since they were made; enough → kept. */
export async function updatePromises(
  client: pg.PoolClient,
  caseIds: readonly string[],
  now: Date,
): Promise<Array<{ id: string; tenant_id: string; case_id: string }>> {
  if (caseIds.length === 0) return [];
  const { rows } = await client.query<{
    id: string;
    tenant_id: string;
    case_id: string;
    status: string;
  }>(
    `update promises pr set paid_minor = x.paid,
       status = case when x.paid >= pr.amount_minor then 'kept' else pr.status end,
       resolved_at = case when x.paid >= pr.amount_minor then $2::timestamptz else pr.resolved_at end
     from (
       select pr.id, coalesce(sum(a.amount_minor), 0) as paid
       from promises pr
       left join payments p on p.case_id = pr.case_id and p.booked_on >= pr.created_at::date
       left join payment_allocations a on a.payment_id = p.id
       where pr.case_id = any($1::uuid[]) and pr.status = 'pending'
       group by pr.id) x
     where pr.id = x.id
     returning pr.id, pr.tenant_id, pr.case_id, pr.status`,
    [caseIds, now],
  );
  const kept = rows.filter((r) => r.status === "kept");
  await insertEvents(
    client,
    kept.map((r) => ({ ...r, type: "promise.kept", data: { promiseId: r.id } })),
    now,
  );
  return kept;
}

/** Cases whose open balance is zero or less close as paid; everything pending for them stops. */
export async function closePaidCases(
  client: pg.PoolClient,
  caseIds: readonly string[],
  now: Date,
): Promise<Array<{ id: string; tenant_id: string; stage: string }>> {
  if (caseIds.length === 0) return [];
  const { rows: closed } = await client.query<{ id: string; tenant_id: string; stage: string }>(
    // The old stage from a CTE over just these cases (a self-join scanned every case).
    `with old as materialized (
       select id, stage from cases where id = any($1::uuid[]) and status <> 'closed')
     update cases c set status = 'closed', stage = 'closed', closed_at = $2, close_reason = 'paid',
       next_evaluation_at = null, updated_at = $2
     from old
     where c.id = old.id
       and coalesce((select sum(i.open_amount_minor) from invoices i
                     where i.case_id = c.id and i.status = 'open'), 0) <= 0
     returning c.id, c.tenant_id, old.stage`,
    [caseIds, now],
  );
  // The others are evaluated again at once: a smaller balance can change the next step.
  await client.query(
    "update cases set next_evaluation_at = $2 where id = any($1::uuid[]) and status <> 'closed'",
    [caseIds, now],
  );
  if (closed.length === 0) return closed;
  const ids = closed.map((c) => c.id);
  await client.query(
    `delete from contact_events e using case_actions a
     where a.case_id = any($1::uuid[]) and a.status = 'scheduled' and e.action_key = a.idempotency_key
       and e.kind = 'attempt'`,
    [ids],
  );
  await client.query(
    `update case_actions set status = 'cancelled', reason = 'case paid', updated_at = $2
     where case_id = any($1::uuid[]) and status = 'scheduled'`,
    [ids, now],
  );
  await client.query(
    `update messages set status = 'suppressed', last_error = 'case paid', next_try_at = null, updated_at = $2
     where case_id = any($1::uuid[]) and status in ('queued', 'failed_temporary')`,
    [ids, now],
  );
  await client.query(
    `update promises set status = 'kept', resolved_at = $2 where case_id = any($1::uuid[]) and status = 'pending'`,
    [ids, now],
  );
  await client.query(
    `update plans set status = 'completed', ended_at = $2, updated_at = $2
     where case_id = any($1::uuid[]) and status in ('active', 'at_risk')`,
    [ids, now],
  );
  await client.query(
    `update plans set status = 'cancelled', ended_at = $2, updated_at = $2
     where case_id = any($1::uuid[]) and status in ('pending_approval', 'awaiting_signature')`,
    [ids, now],
  );
  await insertEvents(
    client,
    closed.map((c) => ({
      tenant_id: c.tenant_id,
      case_id: c.id,
      type: "case.closed",
      data: { reason: "paid", previousStage: c.stage },
    })),
    now,
  );
  return closed;
}

export interface CaseEventRow {
  tenant_id: string;
  case_id: string;
  type: string;
  data: Record<string, unknown>;
}

/** The same fact on the case timeline and in the integration feed. */
export async function insertEvents(
  client: pg.PoolClient,
  events: readonly CaseEventRow[],
  now: Date,
  actor = "system",
): Promise<void> {
  if (events.length === 0) return;
  const params = [
    events.map((e) => e.tenant_id),
    events.map((e) => e.case_id),
    events.map((e) => e.type),
    events.map((e) => JSON.stringify(e.data)),
    now,
  ];
  await client.query(
    `insert into case_events (tenant_id, case_id, at, type, actor, data)
     select t, c, $5, ty, $6, d from unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[]) as x(t, c, ty, d)`,
    [...params, actor],
  );
  await client.query(
    `insert into domain_events (tenant_id, case_id, occurred_at, type, data)
     select t, c, $5, ty, d from unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[]) as x(t, c, ty, d)`,
    params,
  );
}
