import type pg from "pg";
import { AppError } from "../../../platform/errors.js";
import { renderAcknowledgmentOfDebt, sha256Hex } from "../documents/index.js";
import { loadPlanContext } from "../store/plan-context.js";

/**
 * Renders the plan's acknowledgment of debt and keeps the exact bytes: the debtor
 * signs these (by their SHA-256), so they are never rendered again for signing.
 */
export async function storeAcknowledgment(
  client: pg.PoolClient,
  tenantId: string,
  planId: string,
): Promise<string> {
  const context = await loadPlanContext(client, tenantId, planId);
  if (!context) throw new AppError("not_found", "plan not found");
  const pdf = await renderAcknowledgmentOfDebt(context.acknowledgment);
  const sha256 = sha256Hex(pdf);
  await client.query(
    `insert into plan_documents (tenant_id, plan_id, kind, language, sha256, pdf)
     values ($1, $2, 'acknowledgment', $3, $4, $5)
     on conflict (plan_id, kind) do update set sha256 = excluded.sha256, pdf = excluded.pdf`,
    [tenantId, planId, context.language, sha256, pdf],
  );
  return sha256;
}
