/**
 * The plans the portal offers a debtor: every schedule the tenant's policy
 * approves at once for this balance, and the range of start dates. The debtor
 * may still propose something else; that goes to a supervisor.
 */
import type { Clock } from "../../../platform/clock.js";
import { localDate } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { AppError } from "../../../platform/errors.js";
import { loadTenantMoney } from "../../payments/store/payment-settings.js";
import { addDays, PLAN_FREQUENCIES, planOptions } from "../../plans/domain/index.js";

export async function planChoices(
  deps: { database: Database; clock: Clock },
  session: { tenantId: string; caseId: string },
) {
  const tenant = await loadTenantMoney(deps.database.pool, session.tenantId);
  const { rows } = await deps.database.pool.query<{
    kind: string;
    time_zone: string | null;
    balance: string;
    ready: boolean;
  }>(
    // The acknowledgment of debt a plan is signed on needs the creditor's IBAN and an
    // address for privacy requests; without them no plan can be agreed online.
    `select d.kind, d.time_zone,
       coalesce(s.settings->'payment'->>'iban', '') <> '' and coalesce(s.settings->'letter'->>'email', '') <> '' as ready,
       coalesce((select sum(open_amount_minor) from invoices i where i.case_id = c.id and i.status = 'open'), 0)::bigint as balance
     from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     left join tenant_channel_settings s on s.tenant_id = c.tenant_id
     where c.tenant_id = $1 and c.id = $2`,
    [session.tenantId, session.caseId],
  );
  const row = rows[0];
  if (!row || !tenant) throw new AppError("case_not_found", "case not found");
  const policy = tenant.settings.plans.policy;
  const today = localDate(deps.clock.now(), row.time_zone ?? tenant.timeZone);
  const balanceMinor = BigInt(row.balance);
  const debtorKind = row.kind === "company" ? "business" : "consumer";
  const options = balanceMinor > 0n ? planOptions(balanceMinor, policy, today, { debtorKind }) : [];
  const maxInstallments = Math.max(...policy.bands.map((band) => band.maxInstallments));
  return {
    balanceMinor,
    options: options.map((option) => ({
      installments: option.count,
      frequency: option.frequency,
      installmentMinor: option.installmentMinor,
      downPaymentMinor: option.downPaymentMinor,
    })),
    frequencies: PLAN_FREQUENCIES.filter((f) => policy.frequencies.includes(f)),
    maxInstallments,
    earliestStart: today,
    latestStart: addDays(today, policy.maxStartDelayDays),
  };
}
