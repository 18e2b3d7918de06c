import type pg from "pg";
import { MESSAGE_CHANNELS } from "../domain/choose-recipient";

export interface DueActionRow {
  id: string;
  tenant_id: string;
  case_id: string;
  idempotency_key: string;
  step_id: string;
  channel: string;
  template: string;
  due_at: Date;
}

/**
 * Scheduled written contacts whose time has come and that have no message yet.
 * SKIP LOCKED: dispatchers side by side share the work, none waits for another.
 */
export async function claimDueActions(
  client: pg.PoolClient,
  now: Date,
  limit: number,
): Promise<DueActionRow[]> {
  const { rows } = await client.query<DueActionRow>(
    `select a.id, a.tenant_id, a.case_id, a.idempotency_key, a.step_id, a.channel, a.template, a.due_at
     from case_actions a
     where a.status = 'scheduled' and a.channel = any($3::text[]) and a.due_at <= $1
       and not exists (select 1 from messages m where m.action_id = a.id)
     order by a.due_at
     limit $2
     for update of a skip locked`,
    [now, limit, MESSAGE_CHANNELS],
  );
  return rows;
}

export interface RetryRow {
  id: string;
  tenant_id: string;
  case_id: string;
  action_id: string | null;
  action_key: string | null;
  channel: string;
  tries: number;
}

/** Messages that failed for a passing reason and whose next try is due. */
export async function claimRetries(
  client: pg.PoolClient,
  now: Date,
  limit: number,
): Promise<RetryRow[]> {
  const { rows } = await client.query<RetryRow>(
    `select m.id, m.tenant_id, m.case_id, m.action_id, a.idempotency_key as action_key, m.channel, m.tries
     from messages m left join case_actions a on a.id = m.action_id
     where m.status = 'failed_temporary' and m.next_try_at <= $1
     order by m.next_try_at
     limit $2
     for update of m skip locked`,
    [now, limit],
  );
  return rows;
}

/** A scheduled contact that will not happen (yet) stops counting towards caps. */
export async function withdrawContactEvent(
  client: pg.PoolClient,
  actionKey: string,
): Promise<void> {
  await client.query("delete from contact_events where action_key = $1 and kind = 'attempt'", [
    actionKey,
  ]);
}

export async function moveContactEvent(
  client: pg.PoolClient,
  actionKey: string,
  at: Date,
): Promise<void> {
  await client.query(
    "update contact_events set at = $2 where action_key = $1 and kind = 'attempt'",
    [actionKey, at],
  );
}

export async function setActionStatus(
  client: pg.PoolClient | pg.Pool,
  actionId: string,
  status: string,
  now: Date,
  detail: { rule?: string | null; reason?: string | null; dueAt?: Date } = {},
): Promise<void> {
  await client.query(
    `update case_actions set status = $2, updated_at = $3, rule = coalesce($4, rule),
       reason = coalesce($5, reason), due_at = coalesce($6, due_at)
     where id = $1`,
    [actionId, status, now, detail.rule ?? null, detail.reason ?? null, detail.dueAt ?? null],
  );
}

export interface TimelineInsert {
  tenantId: string;
  caseId: string;
  type: string;
  data: Record<string, unknown>;
}

export async function insertChannelTimeline(
  client: pg.PoolClient | pg.Pool,
  entries: TimelineInsert[],
  actor = "channels",
): Promise<void> {
  if (entries.length === 0) return;
  await client.query(
    `insert into case_events (tenant_id, case_id, type, actor, data)
     select t, c, ty, $5, d::jsonb from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) as x(t, c, ty, d)`,
    [
      entries.map((e) => e.tenantId),
      entries.map((e) => e.caseId),
      entries.map((e) => e.type),
      entries.map((e) => JSON.stringify(e.data)),
      actor,
    ],
  );
}

/** The strategy must look again at these cases: a fallback, a retry or a new pause. */
export async function reevaluateCases(
  client: pg.PoolClient | pg.Pool,
  caseIds: string[],
  now: Date,
): Promise<void> {
  if (caseIds.length === 0) return;
  await client.query(
    "update cases set next_evaluation_at = $2 where id = any($1::uuid[]) and status <> 'closed'",
    [caseIds, now],
  );
  await client.query("select pg_notify('saldo_evaluate', '')");
}
