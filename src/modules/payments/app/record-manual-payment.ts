/**
 * A payment a person books by hand (cash at the counter, a cheque, a transfer seen
 * in online banking before the statement arrives). Its key makes a repeat of the
 * same booking book nothing twice. A transfer booked here and later shown by a
 * statement is booked again as unmatched or credit: book transfers from statements.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import { loadTenantMoney } from "../store/payment-settings.js";
import { settleAllocatedPayments } from "./settle-allocated-payments.js";

export interface ManualPaymentInput {
  tenantId: string;
  caseId: string;
  amountMinor: bigint;
  bookedOn: string;
  /** The caller's idempotency key, e.g. the receipt number. */
  key: string;
  payerName?: string;
  note?: string;
  userId: string;
}

export async function recordManualPayment(
  deps: { database: Database; clock: Clock },
  input: ManualPaymentInput,
): Promise<{ paymentId: string; created: boolean; closedCases: number }> {
  const tenant = await loadTenantMoney(deps.database.pool, input.tenantId);
  if (!tenant) throw new AppError("tenant_not_found", "tenant not found");
  if (input.amountMinor <= 0n)
    throw new AppError("validation_failed", "amountMinor: must be more than zero");
  const now = deps.clock.now();
  const result = await inTransaction(deps.database, async (client) => {
    const { rows: cases } = await client.query<{ status: string }>(
      "select status from cases where tenant_id = $1 and id = $2",
      [input.tenantId, input.caseId],
    );
    if (!cases[0]) throw new AppError("case_not_found", "case not found");
    const { rows } = await client.query<{ id: string }>(
      `insert into payments (tenant_id, external_key, source, amount_minor, currency, booked_on, payer_name, refs,
         case_id, match_method, match_confidence, status, matched_by, created_at, updated_at)
       values ($1, $2, 'manual', $3, $4, $5, $6, $7, $8, 'manual', 100, 'allocated', $9, $10, $10)
       on conflict (tenant_id, external_key) do nothing returning id`,
      [
        input.tenantId,
        `manual:${input.key}`,
        input.amountMinor,
        tenant.currency,
        input.bookedOn,
        input.payerName ?? null,
        JSON.stringify({ note: input.note ?? null }),
        input.caseId,
        input.userId,
        now,
      ],
    );
    const created = rows[0];
    if (!created) {
      const { rows: existing } = await client.query<{ id: string }>(
        "select id from payments where tenant_id = $1 and external_key = $2",
        [input.tenantId, `manual:${input.key}`],
      );
      return { paymentId: existing[0]!.id, created: false, closedCases: 0 };
    }
    const closedCases = await settleAllocatedPayments(
      client,
      [created.id],
      now,
      `user:${input.userId}`,
    );
    return { paymentId: created.id, created: true, closedCases };
  });
  await wakeScheduler(deps.database, input.caseId);
  return result;
}
