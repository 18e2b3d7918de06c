import type pg from "pg";

/**
 * Debtors from the staging table into the portfolio. An import never blanks a
 * field: a column absent from the file keeps what Saldo already has. The last
 * row of a debtor in the file wins. Imports of one tenant are serialised by
 * the caller, so update-then-insert is race-free.
 */
const TAX_KEY = "coalesce(s.tax_code, s.vat_number)";

export async function mergeDebtors(client: pg.PoolClient, tenantId: string): Promise<void> {
  await client.query(`
    create temp table staged_debtors on commit drop as
    select distinct on (ext_id) * from import_stage where rtype = 'D' order by ext_id, row_key desc`);
  await client.query("create index on staged_debtors (ext_id); analyze staged_debtors");
  // One identity per codice fiscale / VAT number across all tenants.
  await client.query(`
    insert into identities (kind, tax_key)
    select distinct on (${TAX_KEY}) s.kind, ${TAX_KEY} from staged_debtors s
    where ${TAX_KEY} is not null
    on conflict (tax_key) do nothing`);

  const target = `(coalesce(i.id, d.identity_id), s.kind, s.name, coalesce(s.first_name, d.first_name),
    coalesce(s.last_name, d.last_name), coalesce(s.tax_code, d.tax_code),
    coalesce(s.vat_number, d.vat_number), coalesce(s.language, d.language),
    coalesce(s.time_zone, d.time_zone), coalesce(s.segment, d.segment),
    coalesce(s.risk_score, d.risk_score), coalesce(s.risk_class, d.risk_class))`;
  await client.query(
    `with changed as (
       update debtors d set (identity_id, kind, name, first_name, last_name, tax_code, vat_number,
         language, time_zone, segment, risk_score, risk_class) = ${target}, updated_at = now()
       from staged_debtors s left join identities i on i.tax_key = ${TAX_KEY}
       where d.tenant_id = $1 and d.external_id = s.ext_id
         and (d.identity_id, d.kind, d.name, d.first_name, d.last_name, d.tax_code, d.vat_number,
           d.language, d.time_zone, d.segment, d.risk_score, d.risk_class) is distinct from ${target}
       returning s.ext_id, s.row_key)
     insert into import_outcome select 'D', ext_id, row_key, 'updated' from changed`,
    [tenantId],
  );
  await client.query(
    `with added as (
       insert into debtors (tenant_id, external_id, identity_id, kind, name, first_name, last_name,
         tax_code, vat_number, language, time_zone, segment, risk_score, risk_class)
       select $1, s.ext_id, i.id, s.kind, s.name, s.first_name, s.last_name, s.tax_code,
         s.vat_number, coalesce(s.language, t.language), s.time_zone, s.segment, s.risk_score, s.risk_class
       from staged_debtors s left join identities i on i.tax_key = ${TAX_KEY}
         cross join (select split_part(locale, '-', 1) as language from tenants where id = $1) t
       where not exists (select 1 from debtors d where d.tenant_id = $1 and d.external_id = s.ext_id)
       returning external_id)
     insert into import_outcome
     select 'D', a.external_id, s.row_key, 'created' from added a join staged_debtors s on s.ext_id = a.external_id`,
    [tenantId],
  );
}
