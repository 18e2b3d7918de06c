/**
 * A repayment plan proposed by the debtor (portal), an agent or the API: the case
 * balance split into installments, decided against the tenant's policy. Within
 * policy it waits only for the debtor's signature; outside it, a supervisor gets a
 * task; impossible terms are refused with every reason. The acknowledgment of debt
 * the debtor will sign is rendered and kept with its SHA-256.
 */
import type { Clock } from "../../../platform/clock.js";
import { localDate } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import { loadTenantMoney } from "../../payments/store/payment-settings.js";
import { insertEvents } from "../../payments/store/settle-cases.js";
import { decidePlan, type PlanFrequency, splitInstallments } from "../domain/index.js";
import { storeAcknowledgment } from "./store-acknowledgment.js";

export interface ProposePlanInput {
  tenantId: string;
  caseId: string;
  count: number;
  frequency: PlanFrequency;
  firstDueDate: string;
  downPaymentMinor?: bigint;
  source: "portal" | "agent" | "api";
  proposedBy: string;
}

export interface ProposedPlan {
  planId: string;
  status: "awaiting_signature" | "pending_approval";
  reasons: Array<{ code: string; detail: string }>;
  installments: Array<{ seq: number; dueDate: string; amountMinor: bigint }>;
  documentSha256: string;
}

export async function proposePlan(
  deps: { database: Database; clock: Clock },
  input: ProposePlanInput,
): Promise<ProposedPlan> {
  const tenant = await loadTenantMoney(deps.database.pool, input.tenantId);
  if (!tenant) throw new AppError("tenant_not_found", "tenant not found");
  const now = deps.clock.now();
  return inTransaction(deps.database, async (client) => {
    const { rows } = await client.query<{
      status: string;
      kind: string;
      language: string;
      time_zone: string;
    }>(
      `select c.status, d.kind, d.language, coalesce(d.time_zone, $3) as time_zone
       from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
       where c.tenant_id = $1 and c.id = $2 for update of c`,
      [input.tenantId, input.caseId, tenant.timeZone],
    );
    const found = rows[0];
    if (!found) throw new AppError("case_not_found", "case not found");
    if (found.status === "closed") throw new AppError("case_closed", "the case is closed");
    const { rows: invoices } = await client.query<{
      number: string;
      issue_date: string;
      due_date: string;
      open_amount_minor: bigint;
    }>(
      `select number, issue_date, due_date, open_amount_minor from invoices
       where case_id = $1 and status = 'open' and open_amount_minor > 0 order by due_date, issue_date, id`,
      [input.caseId],
    );
    const balance = invoices.reduce((sum, i) => sum + i.open_amount_minor, 0n);
    const proposal = {
      balanceMinor: balance,
      downPaymentMinor: input.downPaymentMinor ?? 0n,
      count: input.count,
      frequency: input.frequency,
      firstDueDate: input.firstDueDate,
      debtorKind: found.kind === "company" ? ("business" as const) : ("consumer" as const),
    };
    const decision = decidePlan(
      proposal,
      tenant.settings.plans.policy,
      localDate(now, found.time_zone),
    );
    if (decision.decision === "refuse") {
      throw new AppError("validation_failed", decision.reasons.map((r) => r.detail).join("; "), {
        reasons: decision.reasons,
      });
    }
    const installments = splitInstallments({
      totalMinor: balance,
      downPaymentMinor: proposal.downPaymentMinor,
      count: input.count,
      frequency: input.frequency,
      firstDueDate: input.firstDueDate,
    });
    const status = decision.decision === "approve" ? "awaiting_signature" : "pending_approval";
    // A new proposal replaces one not yet in force.
    await client.query(
      `update plans set status = 'cancelled', ended_at = $2, updated_at = $2
       where case_id = $1 and status in ('pending_approval', 'awaiting_signature')`,
      [input.caseId, now],
    );
    const live = await client.query(
      "select 1 from plans where case_id = $1 and status in ('active', 'at_risk')",
      [input.caseId],
    );
    if (live.rowCount) throw new AppError("conflict", "the case already has a plan in force");
    const snapshot = invoices.map((i) => ({
      number: i.number,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      openMinor: i.open_amount_minor.toString(),
    }));
    const { rows: plan } = await client.query<{ id: string }>(
      `insert into plans (tenant_id, case_id, status, total_minor, down_payment_minor, installments, frequency,
         first_due_date, currency, source, decision, debt_snapshot, language, proposed_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) returning id`,
      [
        input.tenantId,
        input.caseId,
        status,
        balance,
        proposal.downPaymentMinor,
        input.count,
        input.frequency,
        input.firstDueDate,
        tenant.currency,
        input.source,
        JSON.stringify(decision),
        JSON.stringify(snapshot),
        found.language.toLowerCase().startsWith("it") ? "it" : "en",
        input.proposedBy,
        now,
      ],
    );
    const planId = plan[0]!.id;
    await client.query(
      `insert into plan_installments (tenant_id, plan_id, seq, kind, due_date, amount_minor)
       select $1, $2, s, k, d, a from unnest($3::int[], $4::text[], $5::date[], $6::bigint[]) as x(s, k, d, a)`,
      [
        input.tenantId,
        planId,
        installments.map((i) => i.seq),
        installments.map((i) => i.kind),
        installments.map((i) => i.dueDate),
        installments.map((i) => i.amountMinor.toString()),
      ],
    );
    const documentSha256 = await storeAcknowledgment(client, input.tenantId, planId);
    if (status === "pending_approval") {
      await client.query(
        `insert into case_tasks (tenant_id, case_id, kind, reason, due_at, created_at)
         values ($1, $2, 'plan_approval', $3, $4, $4)`,
        [
          input.tenantId,
          input.caseId,
          `plan ${planId}: ${decision.reasons.map((r) => r.detail).join("; ")}`,
          now,
        ],
      );
    }
    await insertEvents(
      client,
      [
        {
          tenant_id: input.tenantId,
          case_id: input.caseId,
          type: "plan.proposed",
          data: {
            planId,
            status,
            count: input.count,
            frequency: input.frequency,
            totalMinor: balance.toString(),
            source: input.source,
            reasons: decision.reasons,
          },
        },
      ],
      now,
      input.proposedBy,
    );
    return { planId, status, reasons: decision.reasons, installments, documentSha256 };
  });
}
