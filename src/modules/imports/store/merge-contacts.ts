import type pg from "pg";

/**
 * Contact points, keyed by (debtor, kind, value). Consent is merged channel by
 * channel; an opt-out, once recorded, keeps its first timestamp and is never
 * lifted by an import.
 */
export async function mergeContacts(
  client: pg.PoolClient,
  tenantId: string,
  now: Date,
): Promise<void> {
  await client.query(
    `create temp table staged_contacts on commit drop as
     select distinct on (debtor_ext_id, kind, value) s.*, d.id as debtor_id,
       s.debtor_ext_id || '/' || s.kind || '/' || s.value as key,
       case when s.opt_out is null then '{}'::jsonb else
         (select jsonb_object_agg(ch, to_jsonb($2::timestamptz)) from unnest(s.opt_out) ch) end as opt_out_json
     from import_stage s
     left join debtors d on d.tenant_id = $1 and d.external_id = s.debtor_ext_id
     where s.rtype = 'C'
     order by debtor_ext_id, kind, value, row_key desc`,
    [tenantId, now],
  );
  await client.query(`
    create index on staged_contacts (debtor_id, kind, value);
    analyze staged_contacts;
    with orphans as (
      insert into import_outcome select 'C', key, row_key, 'rejected'
      from staged_contacts where debtor_id is null
      returning key)
    insert into import_stage (row_key, line, file_name, rtype, field, value, reason)
    select s.row_key, s.line, s.file_name, 'E', 'debtor_id', s.debtor_ext_id,
      'unknown debtor: not imported (missing from this import, or rejected: see its other errors) and not already in Saldo for this tenant'
    from orphans o join staged_contacts s on s.key = o.key;
    delete from staged_contacts where debtor_id is null;`);
  const target = `(coalesce(s.phone_type, c.phone_type), coalesce(s.address, c.address),
    c.consent || coalesce(s.consent, '{}'), s.opt_out_json || c.opt_out,
    case when s.verified and c.verified_at is null then $2::timestamptz else c.verified_at end)`;
  await client.query(
    `with changed as (
       update contact_points c set (phone_type, address, consent, opt_out, verified_at) = ${target},
         updated_at = $2
       from staged_contacts s
       where c.tenant_id = $1 and c.debtor_id = s.debtor_id and c.kind = s.kind and c.value = s.value
         and (c.phone_type, c.address, c.consent, c.opt_out, c.verified_at) is distinct from ${target}
       returning s.key, s.row_key)
     insert into import_outcome select 'C', key, row_key, 'updated' from changed`,
    [tenantId, now],
  );
  await client.query(
    `with added as (
       insert into contact_points (tenant_id, debtor_id, kind, value, phone_type, address, source,
         verified_at, consent, opt_out)
       select $1, s.debtor_id, s.kind, s.value, s.phone_type, s.address, coalesce(s.source, 'import'),
         case when s.verified then $2::timestamptz end, coalesce(s.consent, '{}'), s.opt_out_json
       from staged_contacts s
       where not exists (
         select 1 from contact_points c
         where c.tenant_id = $1 and c.debtor_id = s.debtor_id and c.kind = s.kind and c.value = s.value)
       returning debtor_id, kind, value)
     insert into import_outcome
     select 'C', s.key, s.row_key, 'created' from added a
     join staged_contacts s on s.debtor_id = a.debtor_id and s.kind = a.kind and s.value = a.value`,
    [tenantId, now],
  );
}
