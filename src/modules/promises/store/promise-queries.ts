import type pg from "pg";

export interface PromiseRow {
  id: string;
  case_id: string;
  amount_minor: bigint;
  currency: string;
  due_date: string;
  grace_days: number;
  source: string;
  status: string;
  paid_minor: bigint;
  note: string | null;
  created_by: string;
  created_at: Date;
  resolved_at: Date | null;
}

export async function listCasePromises(
  pool: pg.Pool,
  tenantId: string,
  caseId: string,
): Promise<PromiseRow[]> {
  const { rows } = await pool.query<PromiseRow>(
    `select id, case_id, amount_minor, currency, due_date, grace_days, source, status, paid_minor, note,
       created_by, created_at, resolved_at
     from promises where tenant_id = $1 and case_id = $2 order by created_at desc, id`,
    [tenantId, caseId],
  );
  return rows;
}
