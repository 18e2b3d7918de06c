/**
 * SQL for the outbound dialer: the tenant's queue locked for an export (SKIP
 * LOCKED, as for agents), the dialer's claim, the number to dial and what a
 * returned disposition is checked against.
 */
import type pg from "pg";
import type { CandidateRow } from "./call-tasks";

type Client = pg.PoolClient | pg.Pool;

/**
 * The best queued tasks of one tenant, read without a lock: every team and skill,
 * but never a task given to an agent by name. They are locked (lockDialerTasks)
 * only once the people they concern are.
 */
export async function pickDialerCandidates(
  client: pg.PoolClient,
  input: { tenantId: string; now: Date; limit: number },
): Promise<DialerCandidate[]> {
  const { rows } = await client.query<DialerCandidate>(
    `select t.id, t.tenant_id, t.case_id, t.attempts, t.is_response, t.action_id, t.priority,
       a.idempotency_key as action_key
     from call_tasks t left join case_actions a on a.id = t.action_id
     where t.tenant_id = $1 and t.status = 'queued' and t.not_before <= $2 and t.assigned_user_id is null
     order by t.priority desc, t.not_before
     limit $3`,
    [input.tenantId, input.now, input.limit],
  );
  return rows;
}

export type DialerCandidate = CandidateRow & { priority: number };

/** Those of the tasks still queued, locked; rows an agent or another export holds are skipped. */
export async function lockDialerTasks(
  client: pg.PoolClient,
  taskIds: readonly string[],
  now: Date,
): Promise<Set<string>> {
  const { rows } = await client.query<{ id: string }>(
    `select id from call_tasks
     where id = any($1::uuid[]) and status = 'queued' and not_before <= $2 and assigned_user_id is null
     for update skip locked`,
    [taskIds, now],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The dialer holds the task until its call window closes. It counts as dialled at
 * once: the dialer may call at any moment, so a claim that runs out is an attempt made.
 */
export async function claimForDialer(
  client: pg.PoolClient,
  input: { taskId: string; now: Date; until: Date },
): Promise<void> {
  await client.query(
    `update call_tasks set status = 'claimed', claimed_by = null, claimed_via = 'dialer', claimed_at = $2,
       claim_expires_at = $3, dialed_at = $2
     where id = $1`,
    [input.taskId, input.now, input.until],
  );
}

export interface DialerCaseRow {
  case_id: string;
  reference: string;
  debtor_name: string;
  currency: string;
  /** The best number to call: a mobile first, then the newest; never a bounced or opted-out one. */
  phone: string | null;
}

export async function loadDialerCases(
  client: Client,
  tenantId: string,
  caseIds: readonly string[],
): Promise<Map<string, DialerCaseRow>> {
  if (caseIds.length === 0) return new Map();
  const { rows } = await client.query<DialerCaseRow>(
    `select c.id as case_id, c.reference, d.name as debtor_name, tn.currency,
       (select p.value from contact_points p
        where p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id and p.kind = 'phone'
          and p.undeliverable_at is null and not (p.opt_out ? 'call')
        order by p.phone_type = 'mobile' desc, p.created_at desc limit 1) as phone
     from cases c
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     join tenants tn on tn.id = c.tenant_id
     where c.tenant_id = $1 and c.id = any($2::uuid[])`,
    [tenantId, caseIds],
  );
  return new Map(rows.map((r) => [r.case_id, r]));
}

export interface DialerTaskState {
  status: string;
  claimed_via: string | null;
}

export async function findTaskState(
  client: Client,
  tenantId: string,
  taskId: string,
): Promise<DialerTaskState | null> {
  const { rows } = await client.query<DialerTaskState>(
    "select status, claimed_via from call_tasks where tenant_id = $1 and id = $2",
    [tenantId, taskId],
  );
  return rows[0] ?? null;
}

/** The call a dialer already reported under its own id, if any. */
export async function findDialerCall(
  client: Client,
  tenantId: string,
  externalId: string,
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    "select id from calls where tenant_id = $1 and external_id = $2",
    [tenantId, externalId],
  );
  return rows[0]?.id ?? null;
}

/** The tenant's country: how a number written without its prefix is read. */
export async function loadTenantCountry(client: Client, tenantId: string): Promise<string | null> {
  const { rows } = await client.query<{ country: string }>(
    "select country from tenants where id = $1",
    [tenantId],
  );
  return rows[0]?.country ?? null;
}

/** The HMAC key the tenant's dialer signs its webhook calls with (channel settings), if set. */
export async function loadDialerWebhookSecret(
  client: Client,
  tenantId: string,
): Promise<string | null> {
  const { rows } = await client.query<{ secret: string | null }>(
    "select settings #>> '{dialer,webhookSecret}' as secret from tenant_channel_settings where tenant_id = $1",
    [tenantId],
  );
  return rows[0]?.secret || null;
}
