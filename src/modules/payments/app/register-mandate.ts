/**
 * A SEPA Direct Debit mandate for a plan: the debtor authorises the creditor to
 * collect the installments from their account. From then on the plan's
 * installments go into the pain.008 files (see create-direct-debit-batch.ts).
 */
import type { Clock } from "../../../platform/clock.js";
import { localDate } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import { mandateProblems, mandateReferenceFor } from "../direct-debit/index.js";
import { throwIfAny } from "../domain/field-problems.js";
import { normalizeIban } from "../domain/iban.js";
import { loadTenantMoney } from "../store/payment-settings.js";
import { insertEvents } from "../store/settle-cases.js";

export interface MandateInput {
  tenantId: string;
  planId: string;
  debtorName: string;
  iban: string;
  bic?: string;
  signedOn: string;
  by: string;
}

export async function registerMandate(
  deps: { database: Database; clock: Clock },
  input: MandateInput,
): Promise<{ mandateId: string; reference: string }> {
  const tenant = await loadTenantMoney(deps.database.pool, input.tenantId);
  if (!tenant) throw new AppError("tenant_not_found", "tenant not found");
  const creditorId = tenant.settings.directDebit.creditorId;
  if (!creditorId) {
    throw new AppError(
      "conflict",
      "set the tenant's SEPA creditor identifier (payment settings) first",
    );
  }
  const now = deps.clock.now();
  return inTransaction(deps.database, async (client) => {
    const { rows } = await client.query<{
      case_id: string;
      debtor_id: string;
      reference: string;
      status: string;
      seq: number;
    }>(
      `select pl.case_id, c.debtor_id, c.reference, pl.status,
         (select count(*) from plans p2 where p2.case_id = pl.case_id and p2.created_at <= pl.created_at)::int as seq
       from plans pl join cases c on c.id = pl.case_id
       where pl.tenant_id = $1 and pl.id = $2 for update of pl`,
      [input.tenantId, input.planId],
    );
    const plan = rows[0];
    if (!plan) throw new AppError("not_found", "plan not found");
    if (!["pending_approval", "awaiting_signature", "active", "at_risk"].includes(plan.status)) {
      throw new AppError("conflict", `the plan is ${plan.status}`);
    }
    const reference = mandateReferenceFor(plan.reference, plan.seq);
    const mandate = {
      reference,
      signedOn: input.signedOn,
      debtorName: input.debtorName,
      debtorIban: normalizeIban(input.iban),
      ...(input.bic ? { debtorBic: input.bic } : {}),
      creditorId,
    };
    throwIfAny(mandateProblems(mandate, localDate(now, tenant.timeZone)));
    const { rows: created } = await client.query<{ id: string }>(
      `insert into sdd_mandates (tenant_id, debtor_id, reference, creditor_id, signed_on, debtor_name, debtor_iban,
         debtor_bic, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (tenant_id, reference) do update set debtor_name = excluded.debtor_name,
         debtor_iban = excluded.debtor_iban, debtor_bic = excluded.debtor_bic, signed_on = excluded.signed_on,
         status = 'active'
       returning id`,
      [
        input.tenantId,
        plan.debtor_id,
        reference,
        creditorId,
        input.signedOn,
        input.debtorName,
        mandate.debtorIban,
        input.bic ?? null,
        now,
      ],
    );
    const mandateId = created[0]!.id;
    await client.query(
      "update plans set method = 'direct_debit', mandate_id = $2, updated_at = $3 where id = $1",
      [input.planId, mandateId, now],
    );
    await insertEvents(
      client,
      [
        {
          tenant_id: input.tenantId,
          case_id: plan.case_id,
          type: "mandate.registered",
          data: { planId: input.planId, mandateId, reference },
        },
      ],
      now,
      input.by,
    );
    return { mandateId, reference };
  });
}
