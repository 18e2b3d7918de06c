/**
 * The cases each new payment could belong to: by the keys found in its remittance
 * (staged_tx_keys), by the end-to-end id of a direct-debit collection, and — for
 * payments that name nothing — by open invoices or installments of exactly its amount.
 */
import type pg from "pg";

/** Beyond this many same-amount invoices, an amount says little: the payment waits for a person. */
const SAME_AMOUNT_CANDIDATES = 50;

export interface CandidateRow {
  payment_id: string;
  case_id: string;
  reference: string;
  case_status: string;
  debtor_name: string;
  method: string;
  confidence: number;
  notice_seq: number | null;
  installment_id: string | null;
}

export interface PaymentForMatching {
  id: string;
  payer_name: string | null;
}

export async function keyedCandidates(
  client: pg.PoolClient,
  tenantId: string,
  paymentIds: readonly string[],
): Promise<CandidateRow[]> {
  const { rows } = await client.query<CandidateRow>(
    `select p.id as payment_id, c.id as case_id, c.reference, c.status as case_status, d.name as debtor_name,
       k.method, k.confidence, k.notice_seq, null::uuid as installment_id
     from payments p
     join staged_tx_keys k on 'bank:' || k.key = p.external_key
     join cases c on regexp_replace(upper(c.reference), '[^A-Z0-9]', '', 'g') = k.compact_ref
       and c.tenant_id = p.tenant_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     where p.tenant_id = $1 and p.id = any($2::uuid[])
     union all
     select p.id, c.id, c.reference, c.status, d.name, 'end_to_end', 100, null, sc.installment_id
     from payments p
     join sdd_collections sc on sc.tenant_id = p.tenant_id and sc.end_to_end_id = p.end_to_end_id
     join plan_installments pi on pi.id = sc.installment_id
     join plans pl on pl.id = pi.plan_id
     join cases c on c.id = pl.case_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     where p.tenant_id = $1 and p.id = any($2::uuid[]) and p.end_to_end_id is not null`,
    [tenantId, paymentIds],
  );
  return rows;
}

/** Open invoices, and installments of live plans, whose open amount is exactly the payment's. */
export async function sameAmountCandidates(
  client: pg.PoolClient,
  tenantId: string,
  paymentIds: readonly string[],
): Promise<CandidateRow[]> {
  if (paymentIds.length === 0) return [];
  const { rows } = await client.query<CandidateRow>(
    `select p.id as payment_id, c.id as case_id, c.reference, c.status as case_status, d.name as debtor_name,
       'amount_name' as method, 0 as confidence, null::int as notice_seq, null::uuid as installment_id
     from payments p
     cross join lateral (
       -- A common amount can match thousands of invoices: names are compared for a bounded few.
       select i.case_id from invoices i
       where i.tenant_id = p.tenant_id and i.status = 'open' and i.open_amount_minor = p.amount_minor
       limit $3) i
     join cases c on c.id = i.case_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     where p.tenant_id = $1 and p.id = any($2::uuid[]) and p.payer_name is not null
     union all
     select p.id, c.id, c.reference, c.status, d.name, 'amount_name', 0, null, pi.id
     from payments p
     join plan_installments pi on pi.tenant_id = p.tenant_id and pi.amount_minor - pi.paid_minor = p.amount_minor
     join plans pl on pl.id = pi.plan_id and pl.status in ('active', 'at_risk')
     join cases c on c.id = pl.case_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     where p.tenant_id = $1 and p.id = any($2::uuid[]) and p.payer_name is not null`,
    [tenantId, paymentIds, SAME_AMOUNT_CANDIDATES],
  );
  return rows;
}

export async function paymentsForMatching(
  client: pg.PoolClient,
  paymentIds: readonly string[],
): Promise<PaymentForMatching[]> {
  const { rows } = await client.query<PaymentForMatching>(
    "select id, payer_name from payments where id = any($1::uuid[])",
    [paymentIds],
  );
  return rows;
}

/** Installment ids of a case's live plan by their sequence number, for pagoPA notices per installment. */
export async function liveInstallmentIds(
  client: pg.PoolClient,
  caseIds: readonly string[],
): Promise<Map<string, Map<number, string>>> {
  const { rows } = await client.query<{ case_id: string; seq: number; id: string }>(
    `select pl.case_id, pi.seq, pi.id from plans pl join plan_installments pi on pi.plan_id = pl.id
     where pl.case_id = any($1::uuid[]) and pl.status in ('active', 'at_risk')`,
    [caseIds],
  );
  const byCase = new Map<string, Map<number, string>>();
  for (const r of rows) {
    const seqs = byCase.get(r.case_id) ?? new Map<number, string>();
    seqs.set(r.seq, r.id);
    byCase.set(r.case_id, seqs);
  }
  return byCase;
}
