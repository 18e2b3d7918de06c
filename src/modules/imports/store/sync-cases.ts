import type pg from "pg";
import { OPENING_STAGE_BANDS } from "../../cases/domain/stage";

/** The opening-stage bands as SQL, from the one definition in the cases domain. */
const STAGE_SQL = `case ${OPENING_STAGE_BANDS.filter((b) => Number.isFinite(b.upToDays))
  .map((b) => `when $2::date - x.oldest_due <= ${b.upToDays} then '${b.stage}'`)
  .join(" ")} else '${OPENING_STAGE_BANDS.at(-1)?.stage}' end`;

/**
 * After invoices changed: one open case per debtor with something owed, open
 * invoices attached to it, and cases with nothing left owed closed. Each case
 * touched gets one timeline event per import saying what the import did.
 * `today` is the tenant's local date.
 */
export async function syncCases(
  client: pg.PoolClient,
  tenantId: string,
  today: string,
  importId: string,
): Promise<{ opened: number; closed: number }> {
  await client.query(
    `create temp table touched_debtors on commit drop as
     select distinct i.debtor_id from import_outcome o
     join invoices i on i.tenant_id = $1 and i.external_id = o.key
     where o.rtype = 'I' and o.outcome in ('created', 'updated')`,
    [tenantId],
  );
  const opened = await client.query(
    `with owing as (
       select i.debtor_id, min(i.due_date) filter (where i.open_amount_minor > 0) as oldest_due
       from invoices i join touched_debtors t on t.debtor_id = i.debtor_id
       where i.tenant_id = $1 and i.status = 'open'
       group by i.debtor_id
       having sum(i.open_amount_minor) > 0),
     opened as (
       insert into cases (tenant_id, debtor_id, reference, stage)
       select $1, x.debtor_id, 'SAL-' || lpad(nextval('case_reference_seq')::text, 8, '0'), ${STAGE_SQL}
       from owing x
       where not exists (
         select 1 from cases c where c.tenant_id = $1 and c.debtor_id = x.debtor_id and c.status <> 'closed')
       returning id, stage)
     insert into case_events (tenant_id, case_id, type, data)
     select $1, id, 'case.opened', jsonb_build_object('importId', $3::text, 'stage', stage) from opened`,
    [tenantId, today, importId],
  );
  await client.query(
    `update invoices i set case_id = c.id
     from cases c, touched_debtors t
     where i.tenant_id = $1 and i.debtor_id = t.debtor_id and c.tenant_id = $1
       and c.debtor_id = i.debtor_id and c.status <> 'closed' and i.case_id is distinct from c.id
       and (i.status = 'open' or i.case_id is null)`,
    [tenantId],
  );
  await client.query(
    `insert into case_events (tenant_id, case_id, type, data)
     select $1, i.case_id, 'invoices.imported', jsonb_build_object(
       'importId', $2::text,
       'created', count(*) filter (where o.outcome = 'created'),
       'updated', count(*) filter (where o.outcome = 'updated'),
       'invoices', (array_agg(distinct i.number))[1:20])
     from (select distinct key, outcome from import_outcome where rtype = 'I'
           and outcome in ('created', 'updated')) o
     join invoices i on i.tenant_id = $1 and i.external_id = o.key
     where i.case_id is not null
     group by i.case_id`,
    [tenantId, importId],
  );
  const closed = await client.query(
    `with settled as (
       update cases c set status = 'closed', stage = 'closed', closed_at = now(), updated_at = now(),
         close_reason = 'settled'
       from touched_debtors t
       where c.tenant_id = $1 and c.debtor_id = t.debtor_id and c.status <> 'closed'
         and not exists (
           select 1 from invoices i where i.tenant_id = $1 and i.debtor_id = c.debtor_id
           and i.status = 'open' group by i.debtor_id having sum(i.open_amount_minor) > 0)
       returning c.id)
     insert into case_events (tenant_id, case_id, type, data)
     select $1, id, 'case.closed', jsonb_build_object('importId', $2::text, 'reason', 'settled')
     from settled`,
    [tenantId, importId],
  );
  await client.query("drop table touched_debtors");
  return { opened: opened.rowCount ?? 0, closed: closed.rowCount ?? 0 };
}
