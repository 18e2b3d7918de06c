/**
 * The allocation ledger, written set-based. Each case's new payments (in booking
 * order) and its open invoices (oldest due first) are laid end to end as two
 * number lines; a payment settles the invoices whose stretch overlaps its own.
 * What a payment has beyond the case's open invoices becomes credit. The same
 * statement therefore works for one payment or a hundred thousand.
 */
import type pg from "pg";

export interface AllocationSummary {
  caseIds: string[];
}

/** `no key update`: the dispatcher's inserts that reference a case (key share) do not wait on it. */
export async function lockCases(client: pg.PoolClient, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await client.query(
    "select id from cases where id = any($1::uuid[]) order by id for no key update",
    [caseIds],
  );
}

/** Part of a payment that goes to one case: the whole payment, or one share of a split. */
export interface Portion {
  paymentId: string;
  caseId: string;
  amountMinor: bigint;
}

/** The portions of payments matched to one case each ('allocated', with a case). */
export async function portionsOf(
  client: pg.PoolClient,
  paymentIds: readonly string[],
): Promise<Portion[]> {
  const { rows } = await client.query<{ id: string; case_id: string; amount_minor: bigint }>(
    `select id, case_id, amount_minor from payments
     where id = any($1::uuid[]) and status = 'allocated' and case_id is not null`,
    [paymentIds],
  );
  return rows.map((r) => ({ paymentId: r.id, caseId: r.case_id, amountMinor: r.amount_minor }));
}

/** The portions' payments have no ledger rows yet; their cases must be locked. */
export async function allocatePortions(
  client: pg.PoolClient,
  portions: readonly Portion[],
  now: Date,
): Promise<void> {
  if (portions.length === 0) return;
  await client.query(
    `create temporary table new_allocations on commit drop as
     with pay as (
       select x.payment_id as id, p.tenant_id, x.case_id, x.amount as amount_minor,
         sum(x.amount) over (partition by x.case_id order by p.booked_on, p.created_at, p.id)
           - x.amount as start
       from unnest($1::uuid[], $2::uuid[], $3::bigint[]) as x(payment_id, case_id, amount)
       join payments p on p.id = x.payment_id
     ), inv as (
       select i.id, i.case_id, i.open_amount_minor,
         sum(i.open_amount_minor) over (partition by i.case_id order by i.due_date, i.issue_date, i.id)
           - i.open_amount_minor as start
       from invoices i
       where i.case_id in (select distinct case_id from pay) and i.status = 'open' and i.open_amount_minor > 0
     ), settled as (
       select pay.id as payment_id, pay.tenant_id, pay.case_id, inv.id as invoice_id,
         least(pay.start + pay.amount_minor, inv.start + inv.open_amount_minor)
           - greatest(pay.start, inv.start) as amount
       from pay join inv on inv.case_id = pay.case_id
         and pay.start < inv.start + inv.open_amount_minor and inv.start < pay.start + pay.amount_minor
     ), credit as (
       select pay.id as payment_id, pay.tenant_id, pay.case_id, null::uuid as invoice_id,
         pay.amount_minor - coalesce(s.total, 0) as amount
       from pay left join (select payment_id, case_id, sum(amount) as total from settled
                           group by payment_id, case_id) s
         on s.payment_id = pay.id and s.case_id = pay.case_id
     )
     select payment_id, tenant_id, case_id, invoice_id, 'invoice' as kind, amount from settled
     union all
     select payment_id, tenant_id, case_id, invoice_id, 'credit', amount from credit where amount > 0`,
    [
      portions.map((p) => p.paymentId),
      portions.map((p) => p.caseId),
      portions.map((p) => p.amountMinor.toString()),
    ],
  );
  await client.query(
    `insert into payment_allocations (tenant_id, payment_id, case_id, invoice_id, kind, amount_minor, at)
     select tenant_id, payment_id, case_id, invoice_id, kind, amount, $1 from new_allocations
     order by payment_id, invoice_id nulls last`,
    [now],
  );
  await client.query(
    `update invoices i set open_amount_minor = i.open_amount_minor - a.amount,
       status = case when i.open_amount_minor - a.amount = 0 then 'paid' else i.status end,
       updated_at = $1
     from (select invoice_id, sum(amount) as amount from new_allocations
           where kind = 'invoice' group by invoice_id) a
     where i.id = a.invoice_id`,
    [now],
  );
  await client.query("drop table new_allocations");
}

/** Every allocated payment's ledger sums to its amount; a reversed one's to zero. */
export async function unbalancedPayments(
  client: pg.PoolClient | pg.Pool,
  tenantId: string,
): Promise<Array<{ id: string; amount_minor: bigint; allocated: bigint }>> {
  const { rows } = await client.query(
    `select p.id, p.amount_minor, coalesce(sum(a.amount_minor), 0)::bigint as allocated
     from payments p left join payment_allocations a on a.payment_id = p.id
     where p.tenant_id = $1
     group by p.id
     having coalesce(sum(a.amount_minor), 0) <> case p.status when 'allocated' then p.amount_minor else 0 end`,
    [tenantId],
  );
  return rows;
}
