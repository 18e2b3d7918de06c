import type pg from "pg";
import type { CaseFactsRow } from "../domain/case-inputs";
import { CASE_FACTS_COLUMNS, CASE_FACTS_JOINS } from "./case-facts-sql";

export type DueCaseRow = CaseFactsRow & { strategy_version_id: string | null };

/**
 * Claims up to `limit` open cases due for evaluation, skipping rows another
 * worker holds, and loads what the engine and the policy need, set-based.
 * Runs inside the caller's transaction: the row locks last until it commits.
 */
export async function claimDueCases(
  client: pg.PoolClient,
  now: Date,
  limit: number,
): Promise<DueCaseRow[]> {
  const { rows } = await client.query<DueCaseRow>(
    `with due as (
       select id from cases
       where status <> 'closed' and next_evaluation_at <= $1
       order by next_evaluation_at
       limit $2
       for update skip locked)
     select ${CASE_FACTS_COLUMNS}
     from due join cases c on c.id = due.id
     ${CASE_FACTS_JOINS}`,
    [now, limit],
  );
  return rows;
}
