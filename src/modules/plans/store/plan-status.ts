/**
 * A live plan's status follows its installments: a missed one (past grace) puts it
 * at risk, two missed or one missed too long break it, all paid completes it. A
 * broken plan raises the case's priority and the strategy resumes.
 */
import type pg from "pg";
import { localDate } from "../../../platform/clock.js";
import { paymentSettingsOf } from "../../payments/domain/payment-settings.js";
import { resumeAfterBrokenAgreement } from "../../payments/store/broken-agreements.js";
import { insertEvents } from "../../payments/store/settle-cases.js";
import { planProgress } from "../domain/index.js";
import { loadInstallments, toInstallmentState } from "./plan-installments.js";

export async function refreshPlanStatus(
  client: pg.PoolClient,
  planId: string,
  now: Date,
): Promise<string | null> {
  // Case, then plan, then installments: the order settling a payment takes them in.
  await client.query(
    "select c.id from cases c join plans pl on pl.case_id = c.id where pl.id = $1 for no key update of c",
    [planId],
  );
  const { rows } = await client.query<{
    tenant_id: string;
    case_id: string;
    status: string;
    time_zone: string;
    settings: unknown;
  }>(
    `select pl.tenant_id, pl.case_id, pl.status, coalesce(d.time_zone, t.time_zone) as time_zone, s.settings
     from plans pl join cases c on c.id = pl.case_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     join tenants t on t.id = pl.tenant_id
     left join tenant_payment_settings s on s.tenant_id = pl.tenant_id
     where pl.id = $1 for update of pl`,
    [planId],
  );
  const plan = rows[0];
  if (!plan || (plan.status !== "active" && plan.status !== "at_risk")) return null;
  const settings = paymentSettingsOf(plan.settings).plans;
  const installments = await loadInstallments(client, planId);
  const progress = planProgress(
    installments.map(toInstallmentState),
    localDate(now, plan.time_zone),
    { graceDays: settings.graceDays, brokenAfterDays: settings.brokenAfterDays },
  );
  const bySeq = new Map(installments.map((i) => [i.seq, i.id]));
  await client.query(
    "update plan_installments set status = x.status from unnest($1::uuid[], $2::text[]) as x(id, status) where plan_installments.id = x.id",
    [
      progress.installments.map((i) => bySeq.get(i.seq)),
      progress.installments.map((i) => i.status),
    ],
  );
  if (progress.status === plan.status) return plan.status;
  const ended = progress.status === "broken" || progress.status === "completed";
  await client.query("update plans set status = $2, ended_at = $3, updated_at = $4 where id = $1", [
    planId,
    progress.status,
    ended ? now : null,
    now,
  ]);
  if (progress.status === "broken") {
    const boost = paymentSettingsOf(plan.settings).promises.brokenPriorityBoost;
    await resumeAfterBrokenAgreement(client, "plan", [{ caseId: plan.case_id, boost }], now);
  }
  await insertEvents(
    client,
    [
      {
        tenant_id: plan.tenant_id,
        case_id: plan.case_id,
        type: `plan.${progress.status === "active" ? "back_on_track" : progress.status}`,
        data: {
          planId,
          missed: progress.missedCount,
          lateMinor: progress.lateMinor.toString(),
          outstandingMinor: progress.outstandingMinor.toString(),
        },
      },
    ],
    now,
  );
  return progress.status;
}
