import type pg from "pg";
import type { CaseFactsRow } from "../domain/case-inputs";
import { CASE_FACTS_COLUMNS, CASE_FACTS_JOINS } from "./case-facts-sql";

/**
 * Read-only twin of claimDueCases for the dry run: every open case of a
 * tenant with the facts the engine and the policy need, locking nothing.
 */
export async function loadPortfolioFacts(
  client: pg.PoolClient,
  tenantId: string,
): Promise<Array<CaseFactsRow & { strategy_version_id: string | null }>> {
  const { rows } = await client.query(
    `select ${CASE_FACTS_COLUMNS} from cases c ${CASE_FACTS_JOINS}
     where c.tenant_id = $1 and c.status <> 'closed'`,
    [tenantId],
  );
  return rows;
}
