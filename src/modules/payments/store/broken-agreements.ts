import type pg from "pg";

/**
 * A broken promise or plan: the case's priority goes up by the tenant's boost, its
 * hold for that agreement is lifted (the case opens when no other hold is left),
 * and it is evaluated again now, so the strategy resumes.
 */
export async function resumeAfterBrokenAgreement(
  client: pg.PoolClient,
  hold: "promise" | "plan",
  cases: ReadonlyArray<{ caseId: string; boost: number }>,
  now: Date,
): Promise<void> {
  if (cases.length === 0) return;
  await client.query(
    `update cases c set priority = c.priority + x.boost,
       hold_reasons = array_remove(c.hold_reasons, $3),
       status = case when c.status = 'on_hold' and array_remove(c.hold_reasons, $3) = '{}' then 'open'
                     else c.status end,
       next_evaluation_at = $4, updated_at = $4
     from unnest($1::uuid[], $2::int[]) as x(id, boost) where c.id = x.id and c.status <> 'closed'`,
    [cases.map((c) => c.caseId), cases.map((c) => c.boost), hold, now],
  );
}
