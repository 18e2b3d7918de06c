import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import { CHANNELS, type Channel } from "../../policy/domain";
import {
  type AttemptOutcome,
  type CaseMigration,
  migrateCaseToVersion,
  type StepAttempt,
} from "../domain";
import { loadStrategyVersions } from "../store/strategy-versions";

const DONE: Record<string, AttemptOutcome> = {
  scheduled: "sent",
  sent: "sent",
  delivered: "delivered",
};

/**
 * Running cases keep the strategy version they started with; this moves them
 * explicitly to another version of the same strategy (the latest by default).
 * Progress carries over by step id; each case's timeline records what moved,
 * what no longer exists and where it resumes, and the case is re-evaluated now.
 */
export async function migrateCases(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; strategyKey: string; toVersion?: number; actor: string },
): Promise<{
  migrated: number;
  toVersion: number;
  reports: Array<CaseMigration & { caseId: string }>;
}> {
  const client = await deps.database.pool.connect();
  try {
    await client.query("begin");
    const versions =
      (await loadStrategyVersions(client, [input.tenantId])).get(input.tenantId) ?? [];
    const ofStrategy = versions.filter((v) => v.strategyId === input.strategyKey);
    const target =
      input.toVersion === undefined
        ? ofStrategy.reduce<(typeof ofStrategy)[number] | undefined>(
            (a, v) => (a && a.version > v.version ? a : v),
            undefined,
          )
        : ofStrategy.find((v) => v.version === input.toVersion);
    if (!target)
      throw new AppError("not_found", `strategy ${input.strategyKey} has no such version`);
    const older = ofStrategy.filter((v) => v.rowId !== target.rowId).map((v) => v.rowId);
    const { rows: cases } = await client.query<{
      id: string;
      variant: string | null;
      from_version: number;
    }>(
      `select c.id, c.variant, v.version as from_version from cases c
       join strategy_versions v on v.id = c.strategy_version_id
       where c.tenant_id = $1 and c.status <> 'closed' and c.strategy_version_id = any($2::uuid[])
       for update of c`,
      [input.tenantId, older],
    );
    const { rows: actions } = await client.query<{
      case_id: string;
      step_id: string;
      channel: string;
      status: string;
      due_at: Date;
    }>(
      "select case_id, step_id, channel, status, due_at from case_actions where tenant_id = $1 and case_id = any($2::uuid[])",
      [input.tenantId, cases.map((c) => c.id)],
    );
    const reports: Array<CaseMigration & { caseId: string }> = [];
    const now = deps.clock.now();
    for (const c of cases) {
      const history: StepAttempt[] = actions
        .filter(
          (a) =>
            a.case_id === c.id &&
            DONE[a.status] &&
            (CHANNELS as readonly string[]).includes(a.channel),
        )
        .map((a) => ({
          stepId: a.step_id,
          channel: a.channel as Channel,
          at: a.due_at,
          outcome: DONE[a.status] as AttemptOutcome,
        }));
      const report = migrateCaseToVersion({ variant: c.variant ?? "champion", history }, target);
      reports.push({ ...report, caseId: c.id });
      await client.query(
        `update cases set strategy_version_id = $2, variant = $3, next_evaluation_at = $4, updated_at = $4
         where tenant_id = $1 and id = $5`,
        [input.tenantId, target.rowId, report.variant, now, c.id],
      );
      await client.query(
        `insert into case_events (tenant_id, case_id, type, actor, data) values ($1, $2, 'strategy.migrated', $3, $4)`,
        [input.tenantId, c.id, input.actor, JSON.stringify({ from: c.from_version, ...report })],
      );
    }
    await client.query("commit");
    await client.query("select pg_notify('saldo_evaluate', $1)", [input.tenantId]).catch(() => {});
    return { migrated: cases.length, toVersion: target.version, reports };
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
