import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { groupBy } from "../../../platform/group-by";
import { loadTenantPolicies } from "../../policy/store/tenant-policies";
import {
  installDefaultStrategies,
  loadStrategyVersions,
} from "../../strategies/store/strategy-versions";
import { assignStrategy } from "../domain/assign-strategy";
import { personKey, toCaseState, toContactEvents, toPersonContext } from "../domain/case-inputs";
import { planCase } from "../domain/plan-case";
import { claimDueCases, type DueCaseRow } from "../store/claim-due-cases";
import { loadCaseActions, loadContactHistory, lockPeople } from "../store/load-histories";
import {
  type ActionInsert,
  type CaseUpdate,
  type ContactInsert,
  insertActions,
  insertContactAttempts,
  insertTimeline,
  updateCases,
} from "../store/record-plans";

export interface SweepSummary {
  cases: number;
  scheduled: number;
  deferred: number;
  blocked: number;
  stageChanges: number;
}

/** Caps and cool-downs look back at most this far (US: 7 days). */
const HISTORY_DAYS = 14;
/** A case just evaluated is not taken again in the same minute. */
const MIN_GAP_MS = 60_000;

/**
 * One sweep: claims open cases due for evaluation in batches (SKIP LOCKED, so
 * several workers share the work), evaluates strategy and contact policy, and
 * writes actions, contact attempts, timeline and next evaluation time in the
 * batch's transaction. A worker that dies mid-batch rolls back: its cases stay
 * due and the next sweep takes them; idempotency keys stop any duplicate.
 */
export async function runSweep(
  deps: { database: Database; clock: Clock },
  options: { batchSize?: number; maxBatches?: number; shouldStop?: () => boolean } = {},
): Promise<SweepSummary> {
  const summary: SweepSummary = {
    cases: 0,
    scheduled: 0,
    deferred: 0,
    blocked: 0,
    stageChanges: 0,
  };
  const batchSize = options.batchSize ?? 500;
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch++) {
    // A stopping worker finishes its batch and leaves the rest due for the others.
    if (options.shouldStop?.()) break;
    const client = await deps.database.pool.connect();
    try {
      await client.query("begin");
      const now = deps.clock.now();
      const rows = await claimDueCases(client, now, batchSize);
      if (rows.length === 0) {
        await client.query("commit");
        break;
      }
      const scheduledBefore = summary.scheduled;
      await evaluateBatch(client, rows, now, summary);
      await client.query("commit");
      // The dispatcher sends what is due; tell it now rather than at its next tick.
      if (summary.scheduled > scheduledBefore) {
        await client.query("select pg_notify('saldo_dispatch', '')");
      }
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  return summary;
}

async function evaluateBatch(
  client: import("pg").PoolClient,
  rows: DueCaseRow[],
  now: Date,
  summary: SweepSummary,
): Promise<void> {
  await lockPeople(client, rows.map(personKey));
  const tenants = [
    ...new Map(rows.map((r) => [r.tenant_id, { id: r.tenant_id, country: r.country }])).values(),
  ];
  let versions = await loadStrategyVersions(
    client,
    tenants.map((t) => t.id),
  );
  const bare = tenants.filter((t) => !versions.has(t.id));
  if (bare.length) {
    for (const t of bare) await installDefaultStrategies(client, t.id);
    versions = await loadStrategyVersions(
      client,
      tenants.map((t) => t.id),
    );
  }
  const policies = await loadTenantPolicies(client, tenants);
  const actionsByCase = groupBy(
    await loadCaseActions(
      client,
      rows.map((r) => r.case_id),
    ),
    (a) => a.case_id,
  );
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const history = await loadContactHistory(
    client,
    {
      identityIds: rows.flatMap((r) => (r.identity_id ? [r.identity_id] : [])),
      debtorIds: rows.flatMap((r) => (r.identity_id ? [] : [r.debtor_id])),
    },
    since,
  );
  const contactsByPerson = groupBy(history, (h) => h.identity_key);

  const actions: ActionInsert[] = [];
  const planned: Array<{ key: string; contact: ContactInsert }> = [];
  const timeline: Parameters<typeof insertTimeline>[1] = [];
  const updates: CaseUpdate[] = [];
  for (const row of rows) {
    summary.cases++;
    const tenantVersions = versions.get(row.tenant_id) ?? [];
    const assigned = assignStrategy(row, tenantVersions);
    const policy = policies.get(row.tenant_id);
    if (!assigned || !policy) {
      updates.push({
        caseId: row.case_id,
        nextEvaluationAt: null,
        stage: null,
        strategyVersionId: null,
        variant: null,
      });
      timeline.push({
        tenantId: row.tenant_id,
        caseId: row.case_id,
        type: "strategy.none",
        data: {},
      });
      continue;
    }
    if (assigned.isNew) {
      timeline.push({
        tenantId: row.tenant_id,
        caseId: row.case_id,
        type: "strategy.assigned",
        data: {
          strategy: assigned.version.strategyId,
          version: assigned.version.version,
          variant: assigned.variant,
          why: assigned.why,
        },
      });
    }
    const person = personKey(row);
    const contacts = toContactEvents(contactsByPerson.get(person) ?? []);
    const plan = planCase({
      state: toCaseState(row, actionsByCase.get(row.case_id) ?? [], assigned.variant),
      version: assigned.version,
      policy,
      person: toPersonContext(row),
      contacts,
      now,
    });
    for (const p of plan.actions) {
      const decided = p.decision.kind === "allow" ? null : p.decision;
      actions.push({
        tenantId: row.tenant_id,
        caseId: row.case_id,
        key: p.action.idempotencyKey,
        stepId: p.action.stepId,
        attempt: p.action.attempt,
        channel: p.action.channel,
        template: p.action.template,
        status: p.status,
        dueAt: p.dueAt,
        rule: decided?.rule ?? null,
        reason: decided?.reason ?? null,
      });
      summary[p.status]++;
      if (p.status === "scheduled") {
        const contact = {
          actionKey: p.action.idempotencyKey,
          tenantId: row.tenant_id,
          caseId: row.case_id,
          identityId: row.identity_id,
          debtorId: row.debtor_id,
          channel: p.action.channel,
          at: p.dueAt,
        };
        planned.push({ key: p.action.idempotencyKey, contact });
        // Later cases of the same person in this batch see this contact too.
        const list = contactsByPerson.get(person) ?? [];
        list.push({
          identity_key: person,
          tenant_id: row.tenant_id,
          case_id: row.case_id,
          channel: p.action.channel,
          kind: "attempt",
          at: p.dueAt,
        });
        contactsByPerson.set(person, list);
      }
    }
    for (const entry of plan.timeline)
      timeline.push({ ...entry, tenantId: row.tenant_id, caseId: row.case_id });
    if (plan.stageChange) summary.stageChanges++;
    const next =
      plan.nextEvaluationAt && plan.nextEvaluationAt.getTime() < now.getTime() + MIN_GAP_MS
        ? new Date(now.getTime() + MIN_GAP_MS)
        : plan.nextEvaluationAt;
    updates.push({
      caseId: row.case_id,
      nextEvaluationAt: next,
      stage: plan.stageChange ?? null,
      strategyVersionId: assigned.version.rowId,
      variant: assigned.variant,
    });
  }
  const inserted = await insertActions(client, actions);
  await insertContactAttempts(
    client,
    planned.filter((p) => inserted.has(p.key)).map((p) => p.contact),
  );
  await insertTimeline(client, timeline);
  await updateCases(client, updates, now);
}
