/** The calls table and what a disposition writes beside it. */
import type pg from "pg";
import type { Outcome } from "../domain/outcomes";

export interface TaskForDisposition {
  id: string;
  tenant_id: string;
  case_id: string;
  status: string;
  claimed_by: string | null;
  claimed_at: Date | null;
  dialed_at: Date | null;
  attempts: number;
  action_id: string | null;
  /** The strategy action's key: its planned attempt stands for the first try. */
  action_key: string | null;
  is_response: boolean;
  claimed_via: string | null;
  team: string | null;
}

/** The contact_events key of the attempt this claim counts under. */
export function ownAttemptKey(
  task: Pick<TaskForDisposition, "id" | "attempts" | "action_key">,
): string {
  return task.attempts === 0 && task.action_key
    ? task.action_key
    : `call:${task.id}:${task.attempts + 1}`;
}

export async function lockTask(
  client: pg.PoolClient,
  tenantId: string,
  taskId: string,
): Promise<TaskForDisposition | null> {
  const { rows } = await client.query<TaskForDisposition>(
    `select t.id, t.tenant_id, t.case_id, t.status, t.claimed_by, t.claimed_at, t.dialed_at, t.attempts,
       t.action_id, a.idempotency_key as action_key, t.is_response, t.claimed_via, t.team
     from call_tasks t left join case_actions a on a.id = t.action_id
     where t.tenant_id = $1 and t.id = $2 for update of t`,
    [tenantId, taskId],
  );
  return rows[0] ?? null;
}

export interface CallInsert {
  tenantId: string;
  caseId: string;
  taskId: string | null;
  agentUserId: string | null;
  source: "agent" | "dialer";
  externalId: string | null;
  phone: string | null;
  startedAt: Date;
  endedAt: Date;
  durationSeconds: number | null;
  outcome: Outcome;
  conversation: boolean;
  notes: string | null;
  promiseId: string | null;
  promiseAmountMinor: bigint | null;
  paymentAmountMinor: bigint | null;
  callbackAt: Date | null;
}

/** Null when this call was recorded already (same claim, or same dialer id). */
export async function insertCall(client: pg.PoolClient, call: CallInsert): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `insert into calls (tenant_id, case_id, task_id, agent_user_id, source, external_id, phone, started_at,
       ended_at, duration_seconds, outcome, conversation, notes, promise_id, promise_amount_minor,
       payment_amount_minor, callback_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     on conflict do nothing returning id`,
    [
      call.tenantId,
      call.caseId,
      call.taskId,
      call.agentUserId,
      call.source,
      call.externalId,
      call.phone,
      call.startedAt,
      call.endedAt,
      call.durationSeconds,
      call.outcome,
      call.conversation,
      call.notes,
      call.promiseId,
      call.promiseAmountMinor,
      call.paymentAmountMinor,
      call.callbackAt,
    ],
  );
  return rows[0]?.id ?? null;
}

export async function lockCaseOfTask(
  client: pg.PoolClient,
  tenantId: string,
  taskId: string,
): Promise<void> {
  await client.query(
    `select c.id from cases c join call_tasks t on t.tenant_id = c.tenant_id and t.case_id = c.id
     where t.tenant_id = $1 and t.id = $2 for update of c`,
    [tenantId, taskId],
  );
}

/**
 * A disposition sent twice (a double click, a retried request, a re-imported
 * dialer row) finds the call it recorded: the dialer's own id, or this agent's
 * call on this task in the last two minutes.
 */
export async function findRecordedCall(
  client: pg.PoolClient,
  taskId: string,
  input: { tenantId: string; userId: string | null; externalId?: string | undefined },
  now: Date,
): Promise<string | null> {
  const { rows } = input.externalId
    ? await client.query<{ id: string }>(
        "select id from calls where tenant_id = $1 and external_id = $2",
        [input.tenantId, input.externalId],
      )
    : input.userId
      ? await client.query<{ id: string }>(
          `select id from calls where task_id = $1 and agent_user_id = $2 and ended_at > $3
           order by ended_at desc limit 1`,
          [taskId, input.userId, new Date(now.getTime() - 120_000)],
        )
      : { rows: [] };
  return rows[0]?.id ?? null;
}

export async function findCallOfClaim(
  client: pg.PoolClient,
  taskId: string,
  startedAt: Date,
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    "select id from calls where task_id = $1 and started_at = $2",
    [taskId, startedAt],
  );
  return rows[0]?.id ?? null;
}

/** After the call: back in the queue for a retry, or closed. */
export async function settleTask(
  client: pg.PoolClient,
  task: { id: string; attempts: number },
  next: { kind: "retry"; at: Date } | { kind: "closed"; reason: string },
  now: Date,
): Promise<void> {
  if (next.kind === "retry") {
    await client.query(
      `update call_tasks set status = 'queued', claimed_by = null, claimed_via = null, claimed_at = null,
         claim_expires_at = null, dialed_at = null, attempts = $2, not_before = $3, scored_at = null
       where id = $1`,
      [task.id, task.attempts, next.at],
    );
    return;
  }
  await client.query(
    `update call_tasks set status = 'done', claimed_via = coalesce(claimed_via, 'agent'), claim_expires_at = null,
       attempts = $2, closed_at = $3, close_reason = $4
     where id = $1`,
    [task.id, task.attempts, now, next.reason],
  );
}

/** The strategy's call steps due by now are carried out by this call. */
export async function closeDueCallActions(
  client: pg.PoolClient,
  caseId: string,
  status: string,
  now: Date,
): Promise<void> {
  await client.query(
    `update case_actions set status = $2, updated_at = $3
     where case_id = $1 and channel = 'call' and status = 'scheduled' and due_at <= $3`,
    [caseId, status, now],
  );
}

export async function insertCallback(
  client: pg.PoolClient,
  input: {
    tenantId: string;
    caseId: string;
    at: Date;
    userId: string | null;
    team: string | null;
    now: Date;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `insert into call_tasks (tenant_id, case_id, source, reasons, is_response, assigned_user_id, team,
       not_before, created_at)
     values ($1, $2, 'callback', array['callback agreed on the phone'], true, $3, $4, $5, $6)
     on conflict (case_id) where status in ('queued', 'claimed') do update set
       not_before = least(call_tasks.not_before, excluded.not_before), is_response = true,
       reasons = call_tasks.reasons || excluded.reasons
     returning id`,
    [input.tenantId, input.caseId, input.userId, input.team, input.at, input.now],
  );
  return rows[0]!.id;
}

export async function insertCaseReason(
  client: pg.PoolClient,
  input: { tenantId: string; caseId: string; reason: string; text: string | null; now: Date },
): Promise<void> {
  await client.query(
    `insert into case_reasons (tenant_id, case_id, reason, text, source, created_at)
     values ($1, $2, $3, $4, 'agent', $5)`,
    [input.tenantId, input.caseId, input.reason, input.text, input.now],
  );
}

export async function insertReviewTask(
  client: pg.PoolClient,
  input: {
    tenantId: string;
    caseId: string;
    kind: "payment_review" | "review";
    reason: string;
    now: Date;
  },
): Promise<void> {
  await client.query(
    `insert into case_tasks (tenant_id, case_id, kind, reason, due_at, created_at)
     values ($1, $2, $3, $4, $5, $5)`,
    [input.tenantId, input.caseId, input.kind, input.reason, input.now],
  );
}

export async function markWrongNumber(
  client: pg.PoolClient,
  input: { tenantId: string; caseId: string; phone: string; now: Date },
): Promise<void> {
  await client.query(
    `update contact_points p set undeliverable_at = $4, undeliverable_reason = 'wrong number (call)',
       updated_at = $4
     from cases c
     where c.tenant_id = $1 and c.id = $2 and p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id
       and p.kind = 'phone' and p.value = $3 and p.undeliverable_at is null`,
    [input.tenantId, input.caseId, input.phone, input.now],
  );
}

export async function insertCallEvent(
  client: pg.PoolClient,
  input: {
    tenantId: string;
    caseId: string;
    actor: string;
    data: Record<string, unknown>;
    now: Date;
  },
): Promise<void> {
  await client.query(
    `insert into case_events (tenant_id, case_id, type, actor, data, at) values ($1, $2, 'call.recorded', $3, $4, $5)`,
    [input.tenantId, input.caseId, input.actor, JSON.stringify(input.data), input.now],
  );
  await client.query(
    "update cases set next_evaluation_at = $3, updated_at = $3 where tenant_id = $1 and id = $2",
    [input.tenantId, input.caseId, input.now],
  );
}
