import type pg from "pg";

/** Direct-debit collections whose credit arrived (matched by end-to-end id) are collected. */
export async function markCollectionsCollected(
  client: pg.PoolClient,
  paymentIds: readonly string[],
  now: Date,
): Promise<void> {
  await client.query(
    `with collected as (
       update sdd_collections sc set status = 'collected'
       from payments p
       where p.id = any($1::uuid[]) and p.match_method = 'end_to_end' and sc.tenant_id = p.tenant_id
         and sc.end_to_end_id = p.end_to_end_id and sc.status = 'submitted'
       returning sc.mandate_id, p.id as payment_id),
     sourced as (
       update payments set source = 'direct_debit' where id in (select payment_id from collected))
     update sdd_mandates m set first_collected_at = coalesce(m.first_collected_at, $2), last_collected_at = $2
     where m.id in (select mandate_id from collected)`,
    [paymentIds, now],
  );
}
