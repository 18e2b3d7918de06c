/**
 * A person decides where an unmatched payment goes: one case, or shares over
 * several (one transfer paying two debtors' invoices). The shares must add up to
 * the payment; each is allocated oldest invoice first like any other payment.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import { throwIfAny } from "../domain/field-problems.js";
import { settleAllocatedPayments } from "./settle-allocated-payments.js";

export interface ManualShare {
  caseId: string;
  amountMinor: bigint;
}

export async function allocateManually(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; paymentId: string; shares: readonly ManualShare[]; userId: string },
): Promise<{ closedCases: number }> {
  const now = deps.clock.now();
  const result = await inTransaction(deps.database, async (client) => {
    const { rows } = await client.query<{ status: string; amount_minor: bigint }>(
      "select status, amount_minor from payments where tenant_id = $1 and id = $2 for update",
      [input.tenantId, input.paymentId],
    );
    const payment = rows[0];
    if (!payment) throw new AppError("not_found", "payment not found");
    if (payment.status !== "unmatched") {
      throw new AppError("conflict", `the payment is ${payment.status}, not unmatched`);
    }
    const total = input.shares.reduce((sum, s) => sum + s.amountMinor, 0n);
    const caseIds = [...new Set(input.shares.map((s) => s.caseId))];
    throwIfAny([
      ...(input.shares.length === 0 ? [{ field: "shares", reason: "name at least one case" }] : []),
      ...(caseIds.length !== input.shares.length
        ? [{ field: "shares", reason: "name each case once" }]
        : []),
      ...input.shares.flatMap((s, i) =>
        s.amountMinor <= 0n
          ? [{ field: `shares[${i}].amountMinor`, reason: "must be more than zero" }]
          : [],
      ),
      ...(total !== payment.amount_minor
        ? [
            {
              field: "shares",
              reason: `add up to ${total}, the payment is ${payment.amount_minor}`,
            },
          ]
        : []),
    ]);
    const { rows: found } = await client.query<{ id: string }>(
      "select id from cases where tenant_id = $1 and id = any($2::uuid[]) and status <> 'closed'",
      [input.tenantId, caseIds],
    );
    const missing = caseIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) {
      throw new AppError("case_not_found", `no open case ${missing.join(", ")} in this tenant`);
    }
    await client.query(
      `update payments set status = 'allocated', case_id = $3, match_method = 'manual', match_confidence = 100,
         suggestions = '[]', matched_by = $4, updated_at = $5
       where tenant_id = $1 and id = $2`,
      [
        input.tenantId,
        input.paymentId,
        caseIds.length === 1 ? caseIds[0] : null,
        input.userId,
        now,
      ],
    );
    const portions = input.shares.map((s) => ({ paymentId: input.paymentId, ...s }));
    const closedCases = await settleAllocatedPayments(
      client,
      [input.paymentId],
      now,
      `user:${input.userId}`,
      portions,
    );
    return { closedCases };
  });
  await wakeScheduler(deps.database, input.tenantId);
  return result;
}
