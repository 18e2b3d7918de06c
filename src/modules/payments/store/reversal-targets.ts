import type pg from "pg";

export interface ReversalTarget {
  key: string;
  line: number;
  return_reason: string | null;
  payment_id: string | null;
  collection_id: string | null;
}

/**
 * Reversals and returns in the staged statement (RvslInd, a return reason, or an
 * original end-to-end id), each with the payment it takes back: by end-to-end id,
 * else the latest standing payment with the same amount, payer account and structured
 * references. Ones already applied (by their key) are left out.
 */
export async function reversalTargets(
  client: pg.PoolClient,
  tenantId: string,
): Promise<ReversalTarget[]> {
  const { rows } = await client.query<ReversalTarget>(
    `select s.key, s.line, s.return_reason, p.id as payment_id, sc.id as collection_id
     from staged_tx s
     left join lateral (
       select p.id from payments p
       where p.tenant_id = $1 and p.status = 'allocated' and (
         (coalesce(s.original_e2e, s.e2e) is not null and p.end_to_end_id = coalesce(s.original_e2e, s.e2e)
          -- Only Saldo's own collection ids are unique; a payer's bank may reuse its own.
          and (p.amount_minor = s.amount or p.end_to_end_id like 'SALDO-%'))
         or (p.amount_minor = s.amount and s.payer_iban is not null and p.payer_iban = s.payer_iban
             and jsonb_array_length(s.refs->'structured') > 0 and p.refs->'structured' = s.refs->'structured'))
       order by p.booked_on desc, p.created_at desc limit 1) p on true
     left join sdd_collections sc on sc.tenant_id = $1 and sc.end_to_end_id = coalesce(s.original_e2e, s.e2e)
     where (s.reversal or s.return_reason is not null or s.original_e2e is not null)
       and not exists (select 1 from payments r where r.tenant_id = $1 and r.reversal_key = 'bank:' || s.key)
     order by s.line`,
    [tenantId],
  );
  return rows;
}
