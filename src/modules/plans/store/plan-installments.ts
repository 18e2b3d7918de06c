import type pg from "pg";

export interface InstallmentRow {
  id: string;
  seq: number;
  due_date: string;
  amount_minor: bigint;
  paid_minor: bigint;
}

/** A plan's installments in order; `lock` when their paid amounts are about to change. */
export async function loadInstallments(
  client: pg.PoolClient,
  planId: string,
  options: { lock?: boolean } = {},
): Promise<InstallmentRow[]> {
  const { rows } = await client.query<InstallmentRow>(
    `select id, seq, due_date, amount_minor, paid_minor from plan_installments where plan_id = $1 order by seq
     ${options.lock ? "for update" : ""}`,
    [planId],
  );
  return rows;
}

export const toInstallmentState = (i: InstallmentRow) => ({
  seq: i.seq,
  dueDate: i.due_date,
  amountMinor: i.amount_minor,
  paidMinor: i.paid_minor,
});
