import type pg from "pg";
import { OPENING_STAGE_BANDS } from "../../cases/domain/stage";

/** The opening-stage bands as SQL, from the one definition in the cases domain. */
const STAGE_SQL = `case ${OPENING_STAGE_BANDS.filter((b) => Number.isFinite(b.upToDays))
  .map((b) => `when $2::date - x.oldest_due <= ${b.upToDays} then '${b.stage}'`)
  .join(" ")} else '${OPENING_STAGE_BANDS.at(-1)?.stage}' end`;

/**
 * Before invoices are written: what each debtor with staged invoices will owe
 * once they are (staged rows plus the invoices Saldo keeps that the import does
 * not repeat); a case opened for every debtor who will owe something and has
 * none open; and `debtor_case`, the open case of each such debtor.
 * `today` is the tenant's local date.
 */
export async function openCases(
  client: pg.PoolClient,
  tenantId: string,
  today: string,
  importId: string,
  /** The import's clock: cases open, and become due for evaluation, at this instant. */
  now: Date,
): Promise<number> {
  await client.query(
    `create temp table debtor_owing on commit drop as
     select debtor_id, sum(owed) as owed, min(oldest) as oldest_due from (
       select s.debtor_id, case when s.status = 'open' then s.open_amount else 0 end as owed,
         case when s.status = 'open' and s.open_amount > 0 then s.due_date end as oldest
       from staged_invoices s
       union all
       select i.debtor_id, case when i.status = 'open' then i.open_amount_minor else 0 end,
         case when i.status = 'open' and i.open_amount_minor > 0 then i.due_date end
       from invoices i
       where i.tenant_id = $1
         and i.debtor_id in (select debtor_id from staged_invoices)
         and not exists (select 1 from staged_invoices s where s.ext_id = i.external_id)
     ) x group by debtor_id`,
    [tenantId],
  );
  await client.query("analyze debtor_owing");
  const opened = await client.query(
    `with opened as (
       insert into cases (tenant_id, debtor_id, reference, stage, opened_at, next_evaluation_at)
       select $1, x.debtor_id, 'SAL-' || lpad(nextval('case_reference_seq')::text, 8, '0'), ${STAGE_SQL},
         $4::timestamptz, $4::timestamptz
       from debtor_owing x
       where x.owed > 0 and not exists (
         select 1 from cases c where c.tenant_id = $1 and c.debtor_id = x.debtor_id and c.status <> 'closed')
       returning id, stage)
     insert into case_events (tenant_id, case_id, type, data)
     select $1, id, 'case.opened', jsonb_build_object('importId', $3::text, 'stage', stage) from opened`,
    [tenantId, today, importId, now],
  );
  await client.query(
    `create temp table debtor_case on commit drop as
     select c.debtor_id, c.id as case_id from cases c
     join debtor_owing o on o.debtor_id = c.debtor_id
     where c.tenant_id = $1 and c.status <> 'closed'`,
    [tenantId],
  );
  await client.query("create index on debtor_case (debtor_id); analyze debtor_case");
  return opened.rowCount ?? 0;
}

/**
 * After invoices are written: one timeline event per case saying what this
 * import did to its invoices, and cases whose debtor owes nothing closed.
 */
export async function finishCases(
  client: pg.PoolClient,
  tenantId: string,
  importId: string,
  now: Date,
): Promise<number> {
  await client.query(
    `insert into case_events (tenant_id, case_id, type, data)
     select $1, dc.case_id, 'invoices.imported', jsonb_build_object(
       'importId', $2::text,
       'created', count(*) filter (where o.outcome = 'created'),
       'updated', count(*) filter (where o.outcome = 'updated'),
       'invoices', (array_agg(s.number order by s.number))[1:20])
     from import_outcome o
     join staged_invoices s on s.ext_id = o.key
     join debtor_case dc on dc.debtor_id = s.debtor_id
     where o.rtype = 'I' and o.outcome in ('created', 'updated')
     group by dc.case_id`,
    [tenantId, importId],
  );
  // What the import changed may change what the strategy does: evaluate these cases now.
  await client.query(
    `update cases c set next_evaluation_at = $2
     from debtor_case dc where c.tenant_id = $1 and c.id = dc.case_id and c.status <> 'closed'`,
    [tenantId, now],
  );
  const closed = await client.query(
    `with settled as (
       update cases c set status = 'closed', stage = 'closed', closed_at = now(), updated_at = now(),
         close_reason = 'settled'
       from debtor_owing o
       where c.tenant_id = $1 and c.debtor_id = o.debtor_id and c.status <> 'closed' and o.owed <= 0
       returning c.id)
     insert into case_events (tenant_id, case_id, type, data)
     select $1, id, 'case.closed', jsonb_build_object('importId', $2::text, 'reason', 'settled')
     from settled`,
    [tenantId, importId],
  );
  return closed.rowCount ?? 0;
}
