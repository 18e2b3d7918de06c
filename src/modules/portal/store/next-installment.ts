import type pg from "pg";

/** The first unpaid installment of the case's plan in force, if it has one. */
export async function nextOpenInstallment(
  pool: pg.Pool | pg.PoolClient,
  target: { tenantId: string; caseId: string },
): Promise<string | null> {
  const { rows } = await pool.query<{ id: string }>(
    `select pi.id from plan_installments pi join plans pl on pl.id = pi.plan_id
     where pl.tenant_id = $1 and pl.case_id = $2 and pl.status in ('active', 'at_risk')
       and pi.paid_minor < pi.amount_minor
     order by pi.seq limit 1`,
    [target.tenantId, target.caseId],
  );
  return rows[0]?.id ?? null;
}
