import type pg from "pg";

/**
 * Invoices keyed by (tenant, external id). A paid or cancelled invoice in a
 * later import closes the one Saldo holds. Installments are replaced whole for
 * invoices that changed.
 */
const LATEST = `
  select distinct on (s.ext_id) s.*, d.id as debtor_id
  from import_stage s
  left join debtors d on d.tenant_id = $1 and d.external_id = s.debtor_ext_id
  where s.rtype = 'I'
  order by s.ext_id, s.row_key desc`;

const TARGET = `(s.debtor_id, s.number, s.document_type, s.issue_date, s.due_date, s.amount,
  s.open_amount, s.currency, s.status, coalesce(s.related, i.related_external_ids))`;

export async function mergeInvoices(
  client: pg.PoolClient,
  tenantId: string,
  source: string,
): Promise<void> {
  await client.query(
    `with s as (${LATEST}),
     orphans as (
       insert into import_outcome select 'I', ext_id, row_key, 'rejected' from s where debtor_id is null
       returning row_key, key)
     insert into import_stage (row_key, line, file_name, rtype, field, value, reason)
     select s.row_key, s.line, s.file_name, 'E', 'debtor_id', s.debtor_ext_id,
       'unknown debtor: not in this import nor already in Saldo for this tenant'
     from orphans o join s on s.ext_id = o.key`,
    [tenantId],
  );
  await client.query(
    `with s as (${LATEST}),
     changed as (
       update invoices i set (debtor_id, number, document_type, issue_date, due_date, amount_minor,
         open_amount_minor, currency, status, related_external_ids) = ${TARGET}, updated_at = now()
       from s
       where i.tenant_id = $1 and i.external_id = s.ext_id and s.debtor_id is not null
         and (i.debtor_id, i.number, i.document_type, i.issue_date, i.due_date, i.amount_minor,
           i.open_amount_minor, i.currency, i.status, i.related_external_ids) is distinct from ${TARGET}
       returning s.ext_id, s.row_key)
     insert into import_outcome select 'I', ext_id, row_key, 'updated' from changed`,
    [tenantId],
  );
  await client.query(
    `with s as (${LATEST}),
     added as (
       insert into invoices (tenant_id, debtor_id, external_id, number, document_type, issue_date,
         due_date, amount_minor, open_amount_minor, currency, status, related_external_ids, source)
       select $1, s.debtor_id, s.ext_id, s.number, s.document_type, s.issue_date, s.due_date,
         s.amount, s.open_amount, s.currency, s.status, coalesce(s.related, '{}'), $2
       from s
       where s.debtor_id is not null
         and not exists (select 1 from invoices i where i.tenant_id = $1 and i.external_id = s.ext_id)
       returning external_id)
     insert into import_outcome
     select 'I', a.external_id, s.row_key, 'created' from added a
     join import_stage s on s.rtype = 'I' and s.ext_id = a.external_id`,
    [tenantId, source],
  );
  await replaceInstallments(client, tenantId);
}

async function replaceInstallments(client: pg.PoolClient, tenantId: string): Promise<void> {
  await client.query(
    `create temp table touched_invoices on commit drop as
     select distinct on (s.ext_id) i.id, s.installments
     from import_outcome o
     join import_stage s on s.rtype = 'I' and s.ext_id = o.key
     join invoices i on i.tenant_id = $1 and i.external_id = s.ext_id
     where o.rtype = 'I' and o.outcome in ('created', 'updated')
     order by s.ext_id, s.row_key desc`,
    [tenantId],
  );
  await client.query(
    "delete from invoice_installments x using touched_invoices t where x.invoice_id = t.id",
  );
  await client.query(
    `insert into invoice_installments (tenant_id, invoice_id, seq, due_date, amount_minor,
       open_amount_minor, payment_method, iban)
     select $1, t.id, r.seq, r.due_date, r.amount_minor, r.open_amount_minor, r.payment_method, r.iban
     from touched_invoices t,
       jsonb_to_recordset(t.installments) as r(seq integer, due_date date, amount_minor bigint,
         open_amount_minor bigint, payment_method text, iban text)
     where t.installments is not null`,
    [tenantId],
  );
  await client.query("drop table touched_invoices");
}
