import type pg from "pg";

export async function findPlan(pool: pg.Pool, tenantId: string, planId: string) {
  const { rows } = await pool.query(
    `select pl.id, pl.case_id, pl.status, pl.total_minor, pl.down_payment_minor, pl.installments, pl.frequency,
       pl.first_due_date, pl.currency, pl.method, pl.mandate_id, pl.source, pl.decision, pl.language,
       pl.created_at, pl.signed_at, pl.ended_at,
       (select sha256 from plan_documents d where d.plan_id = pl.id and d.kind = 'acknowledgment') as document_sha256
     from plans pl where pl.tenant_id = $1 and pl.id = $2`,
    [tenantId, planId],
  );
  const plan = rows[0];
  if (!plan) return null;
  const { rows: installments } = await pool.query(
    `select id, seq, kind, due_date, amount_minor, paid_minor, status from plan_installments
     where plan_id = $1 order by seq`,
    [planId],
  );
  return { ...plan, installments };
}

export async function planDocument(
  pool: pg.Pool,
  tenantId: string,
  planId: string,
  kind: "acknowledgment" | "signed_acknowledgment",
): Promise<Buffer | null> {
  const { rows } = await pool.query<{ pdf: Buffer }>(
    "select pdf from plan_documents where tenant_id = $1 and plan_id = $2 and kind = $3",
    [tenantId, planId, kind],
  );
  return rows[0]?.pdf ?? null;
}
