import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { AppError } from "../../../platform/errors.js";

/** An unmatched credit that is not a debtor's payment (a refund from a supplier, interest). */
export async function ignorePayment(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; paymentId: string; reason: string; userId: string },
): Promise<void> {
  const { rowCount } = await deps.database.pool.query(
    `update payments set status = 'ignored', suggestions = jsonb_build_array(jsonb_build_object('ignored', $3::text)),
       matched_by = $4, updated_at = $5
     where tenant_id = $1 and id = $2 and status = 'unmatched'`,
    [input.tenantId, input.paymentId, input.reason, input.userId, deps.clock.now()],
  );
  if (rowCount === 0) {
    const { rows } = await deps.database.pool.query(
      "select status from payments where tenant_id = $1 and id = $2",
      [input.tenantId, input.paymentId],
    );
    if (!rows[0]) throw new AppError("not_found", "payment not found");
    throw new AppError("conflict", `the payment is ${rows[0].status}, not unmatched`);
  }
}
