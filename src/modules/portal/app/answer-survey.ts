/** The short satisfaction survey after paying or agreeing a plan: once per case and occasion. */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { AppError } from "../../../platform/errors.js";

export interface SurveyAnswer {
  trigger: "payment" | "plan";
  csat: number;
  ces: number;
  nps: number;
  comment?: string | undefined;
}

export async function answerSurvey(
  deps: { database: Database; clock: Clock },
  session: { tenantId: string; caseId: string },
  answer: SurveyAnswer,
): Promise<void> {
  const now = deps.clock.now();
  // Only after the occasion happened: a payment booked, or a plan signed.
  const { rows: occasion } = await deps.database.pool.query(
    answer.trigger === "payment"
      ? "select 1 from payments where tenant_id = $1 and case_id = $2 and status = 'allocated' limit 1"
      : "select 1 from plans where tenant_id = $1 and case_id = $2 and signed_at is not null limit 1",
    [session.tenantId, session.caseId],
  );
  if (occasion.length === 0)
    throw new AppError("conflict", `there is no ${answer.trigger} on this case to ask about yet`);
  const { rowCount } = await deps.database.pool.query(
    `insert into survey_responses (tenant_id, case_id, trigger, csat, ces, nps, comment, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (case_id, trigger) do nothing`,
    [
      session.tenantId,
      session.caseId,
      answer.trigger,
      answer.csat,
      answer.ces,
      answer.nps,
      answer.comment?.trim() || null,
      now,
    ],
  );
  if (!rowCount) throw new AppError("already_answered", "this survey was already answered");
  await deps.database.pool.query(
    `insert into case_events (tenant_id, case_id, at, type, actor, data) values ($1, $2, $3, 'survey.answered', 'debtor', $4)`,
    [session.tenantId, session.caseId, now, JSON.stringify({ trigger: answer.trigger })],
  );
}

/** Averages for analytics: CSAT (share of 4–5), CES mean, NPS (promoters − detractors). */
export async function surveySummary(
  database: Database,
  input: { tenantId: string; from?: string | undefined; to?: string | undefined },
) {
  const { rows } = await database.pool.query<{
    responses: number;
    csat_avg: number | null;
    csat_satisfied: number | null;
    ces_avg: number | null;
    nps: number | null;
  }>(
    `select count(*)::int as responses, avg(csat)::float8 as csat_avg,
       (100.0 * count(*) filter (where csat >= 4) / nullif(count(*), 0))::float8 as csat_satisfied,
       avg(ces)::float8 as ces_avg,
       (100.0 * (count(*) filter (where nps >= 9) - count(*) filter (where nps <= 6)) / nullif(count(*), 0))::float8 as nps
     from survey_responses
     where tenant_id = $1 and ($2::date is null or created_at >= $2::date) and ($3::date is null or created_at < $3::date + 1)`,
    [input.tenantId, input.from ?? null, input.to ?? null],
  );
  const row = rows[0];
  return {
    responses: row?.responses ?? 0,
    csatAverage: row?.csat_avg ?? null,
    csatSatisfiedPercent: row?.csat_satisfied ?? null,
    cesAverage: row?.ces_avg ?? null,
    nps: row?.nps ?? null,
  };
}
