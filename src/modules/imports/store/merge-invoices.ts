import type pg from "pg";

/**
 * Invoices keyed by (tenant, external id). A paid or cancelled invoice in a
 * later import closes the one Saldo holds. Each invoice is written once, with
 * the case it belongs to already known (see sync-cases.ts): rewriting a
 * million rows to attach them afterwards doubled the import time.
 */

/** The last row of each staged invoice, its debtor resolved. Temporary tables need ANALYZE by hand. */
export async function stageInvoices(client: pg.PoolClient, tenantId: string): Promise<void> {
  await client.query(
    `create temp table staged_invoices on commit drop as
     select distinct on (s.ext_id) s.*, d.id as debtor_id
     from import_stage s
     left join debtors d on d.tenant_id = $1 and d.external_id = s.debtor_ext_id
     where s.rtype = 'I'
     order by s.ext_id, s.row_key desc`,
    [tenantId],
  );
  await client.query(`
    create index on staged_invoices (ext_id);
    analyze staged_invoices;
    with orphans as (
      insert into import_outcome select 'I', ext_id, row_key, 'rejected'
      from staged_invoices where debtor_id is null
      returning key)
    insert into import_stage (row_key, line, file_name, rtype, field, value, reason)
    select s.row_key, s.line, s.file_name, 'E', 'debtor_id', s.debtor_ext_id,
      'unknown debtor: not imported (missing from this import, or rejected: see its other errors) and not already in Saldo for this tenant'
    from orphans o join staged_invoices s on s.ext_id = o.key;
    delete from staged_invoices where debtor_id is null;`);
  // An import closes invoices but never reopens one Saldo holds as paid or
  // cancelled (a file without a status column would otherwise reopen them all):
  // reopening is a payment reversal, not an import.
  await client.query(
    `update staged_invoices s set status = i.status, open_amount = i.open_amount_minor
     from invoices i
     where i.tenant_id = $1 and i.external_id = s.ext_id and i.status <> 'open' and s.status = 'open'`,
    [tenantId],
  );
}

/** Closed invoices stay in the case they were closed in. */
const TARGET = `(s.debtor_id,
  case when s.status = 'open' then coalesce(dc.case_id, i.case_id) else i.case_id end,
  s.number, s.document_type, s.issue_date, s.due_date, s.amount, s.open_amount, s.currency,
  s.status, coalesce(s.related, i.related_external_ids))`;

export async function mergeInvoices(
  client: pg.PoolClient,
  tenantId: string,
  source: string,
): Promise<void> {
  await client.query(
    `with changed as (
       update invoices i set (debtor_id, case_id, number, document_type, issue_date, due_date,
         amount_minor, open_amount_minor, currency, status, related_external_ids) = ${TARGET},
         updated_at = now()
       from staged_invoices s left join debtor_case dc on dc.debtor_id = s.debtor_id
       where i.tenant_id = $1 and i.external_id = s.ext_id
         and (i.debtor_id, i.case_id, i.number, i.document_type, i.issue_date, i.due_date,
           i.amount_minor, i.open_amount_minor, i.currency, i.status, i.related_external_ids)
           is distinct from ${TARGET}
       returning s.ext_id, s.row_key)
     insert into import_outcome select 'I', ext_id, row_key, 'updated' from changed`,
    [tenantId],
  );
  await client.query(
    `with added as (
       insert into invoices (tenant_id, debtor_id, case_id, external_id, number, document_type,
         issue_date, due_date, amount_minor, open_amount_minor, currency, status,
         related_external_ids, source)
       select $1, s.debtor_id, dc.case_id, s.ext_id, s.number, s.document_type, s.issue_date,
         s.due_date, s.amount, s.open_amount, s.currency, s.status, coalesce(s.related, '{}'), $2
       from staged_invoices s left join debtor_case dc on dc.debtor_id = s.debtor_id
       where not exists (select 1 from invoices i where i.tenant_id = $1 and i.external_id = s.ext_id)
       returning external_id)
     insert into import_outcome
     select 'I', a.external_id, s.row_key, 'created' from added a
     join staged_invoices s on s.ext_id = a.external_id`,
    [tenantId, source],
  );
  await client.query("analyze import_outcome");
  await replaceInstallments(client, tenantId);
}

async function replaceInstallments(client: pg.PoolClient, tenantId: string): Promise<void> {
  await client.query(
    `create temp table touched_invoices on commit drop as
     select i.id, s.installments
     from staged_invoices s
     join invoices i on i.tenant_id = $1 and i.external_id = s.ext_id
     where exists (select 1 from import_outcome o where o.rtype = 'I' and o.key = s.ext_id
       and o.outcome in ('created', 'updated'))
       and s.installments is not null`,
    [tenantId],
  );
  await client.query("analyze touched_invoices");
  await client.query(
    `delete from invoice_installments x using touched_invoices t
     where x.tenant_id = $1 and x.invoice_id = t.id`,
    [tenantId],
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
