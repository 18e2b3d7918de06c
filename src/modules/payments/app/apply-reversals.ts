/**
 * The reversals and returns (R-transactions) in a staged statement: each takes back
 * the payment it names, once; a returned direct-debit collection is marked so.
 */
import type pg from "pg";
import { reversalTargets } from "../store/reversal-targets.js";
import { reversePayment } from "../store/reverse-payment.js";

export async function applyReversals(
  client: pg.PoolClient,
  tenantId: string,
  now: Date,
): Promise<{ applied: number; unknown: number; closedCases: number }> {
  const targets = await reversalTargets(client, tenantId);
  let applied = 0;
  for (const target of targets) {
    if (target.collection_id) {
      await client.query(
        "update sdd_collections set status = 'returned', return_reason = $2 where id = $1",
        [target.collection_id, target.return_reason],
      );
    }
    if (!target.payment_id) continue;
    const reason = target.return_reason
      ? `returned (${target.return_reason})`
      : "reversed by the bank";
    if (
      await reversePayment(
        client,
        { paymentId: target.payment_id, reason, key: `bank:${target.key}` },
        now,
      )
    ) {
      applied++;
    }
  }
  const unknown = targets.filter((t) => !t.payment_id && !t.collection_id).length;
  return { applied, unknown, closedCases: 0 };
}
