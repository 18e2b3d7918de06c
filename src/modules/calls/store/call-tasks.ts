/**
 * SQL over the call queue. Rows are claimed with FOR UPDATE SKIP LOCKED: two
 * agents asking at once never see the same row, and neither waits for the other.
 */
import type pg from "pg";
import type { SendCheck } from "../../channels/domain/send-check";

export interface CandidateRow {
  id: string;
  tenant_id: string;
  case_id: string;
  attempts: number;
  is_response: boolean;
  action_id: string | null;
  action_key: string | null;
}

export interface AgentQueueScope {
  userId: string;
  team: string;
  skills: readonly string[];
  /** null: every tenant (agency staff). */
  tenantIds: readonly string[] | null;
}

const CANDIDATE_COLUMNS = `t.id, t.tenant_id, t.case_id, t.attempts, t.is_response, t.action_id,
  a.idempotency_key as action_key`;

/** Tasks a supervisor gave this agent by name, oldest first: they come before the rest. */
export async function lockAssignedCandidates(
  client: pg.PoolClient,
  scope: AgentQueueScope,
  now: Date,
  limit: number,
): Promise<CandidateRow[]> {
  const { rows } = await client.query<CandidateRow>(
    `select ${CANDIDATE_COLUMNS}
     from call_tasks t left join case_actions a on a.id = t.action_id
     where t.assigned_user_id = $1 and t.status = 'queued' and t.not_before <= $2
       and ($3::uuid[] is null or t.tenant_id = any($3::uuid[]))
     order by t.priority desc
     limit $4
     for update of t skip locked`,
    [scope.userId, now, scope.tenantIds, limit],
  );
  return rows;
}

/** The best queued tasks this agent may take, locked; rows other agents hold are skipped. */
export async function lockQueueCandidates(
  client: pg.PoolClient,
  scope: AgentQueueScope,
  now: Date,
  limit: number,
): Promise<CandidateRow[]> {
  const { rows } = await client.query<CandidateRow>(
    `select ${CANDIDATE_COLUMNS}
     from call_tasks t left join case_actions a on a.id = t.action_id
     where t.status = 'queued' and t.not_before <= $1 and t.assigned_user_id is null
       and ($2::uuid[] is null or t.tenant_id = any($2::uuid[]))
       and (t.team is null or t.team = $3)
       and (t.skill is null or t.skill = any($4::text[]))
     order by t.priority desc
     limit $5
     for update of t skip locked`,
    [now, scope.tenantIds, scope.team, scope.skills, limit],
  );
  return rows;
}

export interface ClaimedRow {
  id: string;
  tenant_id: string;
  case_id: string;
  claimed_at: Date;
  claim_expires_at: Date;
  reference: string;
  debtor_name: string;
}

/** The claim this user holds now, if any (an agent works one case at a time). */
export async function findOpenClaim(
  client: pg.PoolClient | pg.Pool,
  userId: string,
  now: Date,
): Promise<ClaimedRow | null> {
  const { rows } = await client.query<ClaimedRow>(
    `select t.id, t.tenant_id, t.case_id, t.claimed_at, t.claim_expires_at, c.reference, d.name as debtor_name
     from call_tasks t
     join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     where t.claimed_by = $1 and t.status = 'claimed' and t.claimed_via = 'agent' and t.claim_expires_at > $2
     order by t.claimed_at desc limit 1`,
    [userId, now],
  );
  return rows[0] ?? null;
}

/** Claims past their time go back to the queue; a reservation never dialled is taken back. */
export async function releaseExpiredClaims(
  client: pg.PoolClient | pg.Pool,
  now: Date,
): Promise<number> {
  const { rows } = await client.query<{ id: string }>(
    `with expired as (
       select id from call_tasks where status = 'claimed' and claim_expires_at < $1
       for update skip locked),
     released as (
       update call_tasks t set status = 'queued', claimed_by = null, claimed_via = null, claimed_at = null,
         claim_expires_at = null, attempts = t.attempts + case when t.dialed_at is null then 0 else 1 end
       from expired e where t.id = e.id
       returning t.id, t.attempts, t.dialed_at)
     delete from contact_events ce using released r
     where r.dialed_at is null and ce.kind = 'attempt' and ce.action_key = 'call:' || r.id || ':' || (r.attempts + 1)
     returning r.id`,
    [now],
  );
  return rows.length;
}

export function reservationKey(taskId: string, attempts: number): string {
  return `call:${taskId}:${attempts + 1}`;
}

export async function markClaimed(
  client: pg.PoolClient,
  input: { taskId: string; userId: string | null; via: "agent" | "dialer"; now: Date; until: Date },
): Promise<void> {
  await client.query(
    `update call_tasks set status = 'claimed', claimed_by = $2, claimed_via = $3, claimed_at = $4,
       claim_expires_at = $5, dialed_at = null
     where id = $1`,
    [input.taskId, input.userId, input.via, input.now, input.until],
  );
}

export interface StoppedTask {
  taskId: string;
  tenantId: string;
  caseId: string;
  actionId: string | null;
  kind: "defer" | "block" | "cancel";
  rule: string | null;
  reason: string;
  until: Date | null;
}

/** The policy allows a call, but the debtor has no number to call (missing, undeliverable, opted out). */
export const NO_PHONE = {
  kind: "block",
  rule: "no_phone",
  reason: "no number to call: every phone is missing, undeliverable or opted out of calls",
} as const satisfies SendCheck;

/** The send check's refusal of a candidate, as a stopped task. */
export function stoppedTask(
  task: Pick<CandidateRow, "id" | "tenant_id" | "case_id" | "action_id">,
  check: Exclude<SendCheck, { kind: "send" }>,
): StoppedTask {
  return {
    taskId: task.id,
    tenantId: task.tenant_id,
    caseId: task.case_id,
    actionId: task.action_id,
    kind: check.kind,
    rule: check.kind === "cancel" ? null : check.rule,
    reason: check.reason,
    until: check.kind === "defer" ? check.until : null,
  };
}

/**
 * What the policy refused at claim time: a deferral moves the task to the next
 * allowed moment; a block or a cancellation closes it, and the strategy's action
 * with it. Each one is logged for the supervisor.
 */
export async function recordStopped(
  client: pg.PoolClient,
  stopped: StoppedTask[],
  now: Date,
): Promise<void> {
  for (const s of stopped) {
    if (s.kind === "defer") {
      await client.query("update call_tasks set not_before = $2 where id = $1", [
        s.taskId,
        s.until,
      ]);
    } else {
      await client.query(
        `update call_tasks set status = $2, closed_at = $3, close_reason = $4 where id = $1`,
        [s.taskId, s.kind === "block" ? "blocked" : "cancelled", now, s.reason],
      );
      if (s.actionId) {
        await client.query(
          `update case_actions set status = $2, rule = $3, reason = $4, updated_at = $5
           where id = $1 and status = 'scheduled'`,
          [s.actionId, s.kind === "block" ? "blocked" : "cancelled", s.rule, s.reason, now],
        );
      }
    }
    await client.query(
      `insert into call_blocks (tenant_id, case_id, task_id, at, kind, rule, reason, until)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.tenantId, s.caseId, s.taskId, now, s.kind, s.rule, s.reason, s.until],
    );
  }
}
