import type pg from "pg";
import type { TimelineEntry } from "../domain/plan-case";

export interface ActionInsert {
  tenantId: string;
  caseId: string;
  key: string;
  stepId: string;
  attempt: number;
  channel: string;
  template: string;
  status: string;
  dueAt: Date;
  rule: string | null;
  reason: string | null;
}

/**
 * The idempotency key makes each decision happen once: a second worker, or a
 * retry after a crash, inserts nothing. Returns the keys actually inserted, so
 * only those leave a contact event behind.
 */
export async function insertActions(
  client: pg.PoolClient,
  actions: ActionInsert[],
): Promise<Set<string>> {
  if (actions.length === 0) return new Set();
  const { rows } = await client.query<{ idempotency_key: string }>(
    `insert into case_actions (tenant_id, case_id, idempotency_key, step_id, attempt, channel, template,
       status, due_at, rule, reason)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[],
       $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::text[])
     on conflict (idempotency_key) do nothing
     returning idempotency_key`,
    [
      actions.map((a) => a.tenantId),
      actions.map((a) => a.caseId),
      actions.map((a) => a.key),
      actions.map((a) => a.stepId),
      actions.map((a) => a.attempt),
      actions.map((a) => a.channel),
      actions.map((a) => a.template),
      actions.map((a) => a.status),
      actions.map((a) => a.dueAt),
      actions.map((a) => a.rule),
      actions.map((a) => a.reason),
    ],
  );
  return new Set(rows.map((r) => r.idempotency_key));
}

export interface ContactInsert {
  /** The action's idempotency key: a contact that never happens can be taken back. */
  actionKey: string;
  tenantId: string;
  caseId: string;
  identityId: string | null;
  debtorId: string;
  channel: string;
  at: Date;
}

/** A scheduled contact counts towards caps from the moment it is decided. */
export async function insertContactAttempts(
  client: pg.PoolClient,
  contacts: ContactInsert[],
): Promise<void> {
  if (contacts.length === 0) return;
  await client.query(
    `insert into contact_events (tenant_id, case_id, identity_id, debtor_id, channel, kind, at, action_key)
     select t, c, i, d, ch, 'attempt', at, k
     from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::text[])
       as x(t, c, i, d, ch, at, k)`,
    [
      contacts.map((c) => c.tenantId),
      contacts.map((c) => c.caseId),
      contacts.map((c) => c.identityId),
      contacts.map((c) => c.debtorId),
      contacts.map((c) => c.channel),
      contacts.map((c) => c.at),
      contacts.map((c) => c.actionKey),
    ],
  );
}

export async function insertTimeline(
  client: pg.PoolClient,
  entries: Array<TimelineEntry & { tenantId: string; caseId: string }>,
): Promise<void> {
  if (entries.length === 0) return;
  await client.query(
    `insert into case_events (tenant_id, case_id, type, actor, data)
     select t, c, ty, 'scheduler', d::jsonb from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) as x(t, c, ty, d)`,
    [
      entries.map((e) => e.tenantId),
      entries.map((e) => e.caseId),
      entries.map((e) => e.type),
      entries.map((e) => JSON.stringify(e.data)),
    ],
  );
}

export interface CaseUpdate {
  caseId: string;
  nextEvaluationAt: Date | null;
  stage: string | null;
  strategyVersionId: string | null;
  variant: string | null;
}

export async function updateCases(
  client: pg.PoolClient,
  updates: CaseUpdate[],
  now: Date,
): Promise<void> {
  if (updates.length === 0) return;
  await client.query(
    `update cases c set next_evaluation_at = u.next, evaluated_at = $6, updated_at = $6,
       stage = coalesce(u.stage, c.stage),
       strategy_version_id = coalesce(u.version, c.strategy_version_id),
       variant = coalesce(u.variant, c.variant)
     from unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::uuid[], $5::text[]) as u(id, next, stage, version, variant)
     where c.id = u.id`,
    [
      updates.map((u) => u.caseId),
      updates.map((u) => u.nextEvaluationAt),
      updates.map((u) => u.stage),
      updates.map((u) => u.strategyVersionId),
      updates.map((u) => u.variant),
      now,
    ],
  );
}
