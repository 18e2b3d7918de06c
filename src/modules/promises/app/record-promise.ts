/**
 * Records a promise to pay (from an agent, a reply, the portal or the API). It
 * replaces a pending one, puts reminders on pause until its date plus grace (the
 * engine and the send-time check read it), and is on the timeline.
 */
import type pg from "pg";
import type { Clock } from "../../../platform/clock.js";
import { localDate } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import { throwIfAny } from "../../payments/domain/field-problems.js";
import { loadTenantMoney, type TenantMoney } from "../../payments/store/payment-settings.js";
import { insertEvents } from "../../payments/store/settle-cases.js";
import { promiseProblems } from "../domain/promise-terms.js";

export type PromiseSource = "agent" | "sms_reply" | "email_reply" | "portal" | "api";

export interface RecordPromiseInput {
  tenantId: string;
  caseId: string;
  dueDate: string;
  amountMinor?: bigint;
  source: PromiseSource;
  createdBy: string;
  note?: string;
}

export interface RecordedPromise {
  id: string;
  caseId: string;
  amountMinor: bigint;
  currency: string;
  dueDate: string;
  graceDays: number;
  status: "pending";
}

export async function recordPromise(
  deps: { database: Database; clock: Clock },
  input: RecordPromiseInput,
): Promise<RecordedPromise> {
  const tenant = await loadTenantMoney(deps.database.pool, input.tenantId);
  if (!tenant) throw new AppError("tenant_not_found", "tenant not found");
  const now = deps.clock.now();
  const promise = await inTransaction(deps.database, (client) =>
    writePromise(client, tenant, now, input),
  );
  await wakeScheduler(deps.database, input.caseId);
  return promise;
}

/** The promise written inside the caller's transaction (an agent's disposition records it with the call). */
export async function writePromise(
  client: pg.PoolClient,
  tenant: TenantMoney,
  now: Date,
  input: RecordPromiseInput,
): Promise<RecordedPromise> {
  const { rows } = await client.query<{ status: string; time_zone: string; balance: bigint }>(
    `select c.status, coalesce(d.time_zone, $3) as time_zone,
       coalesce((select sum(open_amount_minor) from invoices i where i.case_id = c.id and i.status = 'open'), 0)::bigint as balance
     from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     where c.tenant_id = $1 and c.id = $2 for update of c`,
    [input.tenantId, input.caseId, tenant.timeZone],
  );
  const found = rows[0];
  if (!found) throw new AppError("case_not_found", "case not found");
  if (found.status === "closed") throw new AppError("case_closed", "the case is closed");
  const limits = {
    today: localDate(now, found.time_zone),
    maxDaysAhead: tenant.settings.promises.maxDaysAhead,
    balanceMinor: found.balance,
  };
  throwIfAny(promiseProblems(input, limits));
  const amountMinor = input.amountMinor ?? found.balance;
  const { rows: replaced } = await client.query<{ id: string }>(
    `update promises set status = 'cancelled', resolved_at = $2 where case_id = $1 and status = 'pending' returning id`,
    [input.caseId, now],
  );
  const graceDays = tenant.settings.promises.graceDays;
  const { rows: inserted } = await client.query<{ id: string }>(
    `insert into promises (tenant_id, case_id, amount_minor, currency, due_date, grace_days, source, note, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      input.tenantId,
      input.caseId,
      amountMinor,
      tenant.currency,
      input.dueDate,
      graceDays,
      input.source,
      input.note ?? null,
      input.createdBy,
      now,
    ],
  );
  const id = inserted[0]!.id;
  await client.query("update cases set next_evaluation_at = $2, updated_at = $2 where id = $1", [
    input.caseId,
    now,
  ]);
  await insertEvents(
    client,
    [
      {
        tenant_id: input.tenantId,
        case_id: input.caseId,
        type: "promise.recorded",
        data: {
          promiseId: id,
          amountMinor: amountMinor.toString(),
          dueDate: input.dueDate,
          graceDays,
          source: input.source,
          replaces: replaced[0]?.id ?? null,
        },
      },
    ],
    now,
    input.createdBy,
  );
  return {
    id,
    caseId: input.caseId,
    amountMinor,
    currency: tenant.currency,
    dueDate: input.dueDate,
    graceDays,
    status: "pending" as const,
  };
}
