import type pg from "pg";

export type RecordCounts = {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
};
export interface ImportCounts {
  rows: RecordCounts & { read: number };
  debtors: RecordCounts;
  contacts: RecordCounts;
  invoices: RecordCounts;
}

/**
 * Counts that add up by construction: per record type, every distinct record
 * staged is created, updated, unchanged or rejected; per row, a row with any
 * error is rejected, else created if it created anything, else updated, else unchanged.
 * `domainRejected` are records the parser refused before staging.
 */
export async function summarise(
  client: pg.PoolClient,
  rowsRead: number,
  domainRejected: { debtor: number; contact: number; invoice: number },
): Promise<ImportCounts> {
  // One outcome row per record key (the last line that carried it), so plain counts suffice.
  const { rows } = await client.query<{
    rtype: string;
    staged: number;
    created: number;
    updated: number;
    rejected: number;
  }>(
    `select t.rtype, t.staged,
       count(*) filter (where o.outcome = 'created')::int as created,
       count(*) filter (where o.outcome = 'updated')::int as updated,
       count(*) filter (where o.outcome = 'rejected')::int as rejected
     from (select 'D'::"char" as rtype, (select count(*) from staged_debtors)::int as staged
           union all select 'C', (select count(*) from staged_contacts)::int
                       + (select count(*) from import_outcome where rtype = 'C' and outcome = 'rejected')::int
           union all select 'I', (select count(*) from staged_invoices)::int
                       + (select count(*) from import_outcome where rtype = 'I' and outcome = 'rejected')::int) t
     left join import_outcome o on o.rtype = t.rtype
     group by t.rtype, t.staged`,
  );
  const byType = (rtype: string, parsedRejected: number): RecordCounts => {
    const r = rows.find((x) => x.rtype === rtype);
    const staged = r?.staged ?? 0;
    const created = r?.created ?? 0;
    const updated = r?.updated ?? 0;
    const rejected = r?.rejected ?? 0;
    return {
      created,
      updated,
      unchanged: staged - created - updated - rejected,
      rejected: rejected + parsedRejected,
    };
  };
  const lineCounts = await client.query<{ rejected: number; created: number; updated: number }>(
    `with bad as (select distinct row_key from import_stage where rtype = 'E'),
     good as (select row_key, bool_or(outcome = 'created') as created from import_outcome
              where outcome in ('created', 'updated') and row_key not in (select row_key from bad)
              group by row_key)
     select (select count(*) from bad)::int as rejected,
       count(*) filter (where created)::int as created,
       count(*) filter (where not created)::int as updated
     from good`,
  );
  const lc = lineCounts.rows[0] ?? { rejected: 0, created: 0, updated: 0 };
  // A row the reader could not even split (a broken tail) is rejected without having been counted.
  const read = Math.max(rowsRead, lc.created + lc.updated + lc.rejected);
  return {
    rows: {
      read,
      created: lc.created,
      updated: lc.updated,
      rejected: lc.rejected,
      unchanged: read - lc.created - lc.updated - lc.rejected,
    },
    debtors: byType("D", domainRejected.debtor),
    contacts: byType("C", domainRejected.contact),
    invoices: byType("I", domainRejected.invoice),
  };
}

export async function saveErrors(
  client: pg.PoolClient,
  tenantId: string,
  importId: string,
): Promise<void> {
  await client.query(
    `insert into import_errors (tenant_id, import_id, source, line, field, value, reason)
     select $1, $2, file_name, line, field, value, reason
     from import_stage where rtype = 'E' order by row_key`,
    [tenantId, importId],
  );
}
