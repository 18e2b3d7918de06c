/** What supervisors read: queues, agents' day, the call report, what the policy stopped. */
import type pg from "pg";
import { BAND_FLOORS } from "../domain/priority";

type Client = pg.PoolClient | pg.Pool;

export async function queueSizes(client: Client, tenantIds: readonly string[] | null, now: Date) {
  const { rows } = await client.query<{
    tenant_id: string;
    tenant_name: string;
    team: string | null;
    skill: string | null;
    size: number;
    due_now: number;
    oldest_due_at: Date | null;
    high: number;
    medium: number;
    low: number;
  }>(
    `select t.tenant_id, tn.name as tenant_name, t.team, t.skill, count(*)::int as size,
       count(*) filter (where t.not_before <= $2)::int as due_now,
       min(t.not_before) filter (where t.not_before <= $2) as oldest_due_at,
       count(*) filter (where t.priority >= $3)::int as high,
       count(*) filter (where t.priority >= $4 and t.priority < $3)::int as medium,
       count(*) filter (where t.priority < $4)::int as low
     from call_tasks t join tenants tn on tn.id = t.tenant_id
     where t.status = 'queued' and ($1::uuid[] is null or t.tenant_id = any($1::uuid[]))
     group by t.tenant_id, tn.name, t.team, t.skill
     order by tn.name, t.team nulls first, t.skill nulls first`,
    [tenantIds, now, BAND_FLOORS.high, BAND_FLOORS.medium],
  );
  return rows;
}

/** Agents who can work these tenants, with their calls since `since` (the start of the day). */
export async function agentDays(
  client: Client,
  input: { tenantIds: readonly string[] | null; since: Date; userId?: string },
) {
  const { rows } = await client.query<{
    user_id: string;
    name: string;
    team: string;
    state: string;
    state_since: Date;
    current_tenant_id: string | null;
    current_reference: string | null;
    current_since: Date | null;
    calls: number;
    rpc: number;
    promises: number;
    promised_minor: string;
  }>(
    `select u.id as user_id, u.name, coalesce(a.team, 'default') as team, coalesce(a.state, 'offline') as state,
       coalesce(a.state_since, u.created_at) as state_since,
       cur.tenant_id as current_tenant_id, cur.reference as current_reference, cur.claimed_at as current_since,
       coalesce(k.calls, 0)::int as calls, coalesce(k.rpc, 0)::int as rpc, coalesce(k.promises, 0)::int as promises,
       coalesce(k.promised, 0)::text as promised_minor
     from users u
     left join agents a on a.user_id = u.id
     left join lateral (
       select t.tenant_id, c.reference, t.claimed_at
       from call_tasks t join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
       where t.claimed_by = u.id and t.status = 'claimed'
         and ($1::uuid[] is null or t.tenant_id = any($1::uuid[]))
       order by t.claimed_at desc limit 1) cur on true
     left join lateral (
       select count(*) as calls, count(*) filter (where k.conversation) as rpc,
         count(*) filter (where k.outcome = 'promise_to_pay') as promises,
         sum(k.promise_amount_minor) filter (where k.outcome = 'promise_to_pay') as promised
       from calls k where k.agent_user_id = u.id and k.ended_at >= $2
         and ($1::uuid[] is null or k.tenant_id = any($1::uuid[]))) k on true
     where u.disabled_at is null and u.role in ('agent', 'supervisor')
       and ($3::uuid is null or u.id = $3)
       and ($1::uuid[] is null or u.all_tenants
            or exists (select 1 from user_tenants ut where ut.user_id = u.id and ut.tenant_id = any($1::uuid[])))
     order by u.name`,
    [input.tenantIds, input.since, input.userId ?? null],
  );
  return rows;
}

export interface CallFilter {
  tenantId: string;
  from?: Date | undefined;
  to?: Date | undefined;
  agentId?: string | undefined;
  outcome?: string | undefined;
  q?: string | undefined;
}

const FILTER = `k.tenant_id = $1 and ($2::timestamptz is null or k.ended_at >= $2)
  and ($3::timestamptz is null or k.ended_at < $3) and ($4::uuid is null or k.agent_user_id = $4)
  and ($5::text is null or k.outcome = $5)
  and ($6::text is null or c.reference ilike $6 or d.name ilike $6 or k.notes ilike $6)`;

const filterParams = (f: CallFilter) => [
  f.tenantId,
  f.from ?? null,
  f.to ?? null,
  f.agentId ?? null,
  f.outcome ?? null,
  f.q ? `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : null,
];

export interface CallReportRow {
  id: string;
  started_at: Date;
  ended_at: Date;
  duration_seconds: number | null;
  agent_user_id: string | null;
  agent_name: string | null;
  case_id: string;
  reference: string;
  debtor_name: string;
  outcome: string;
  notes: string | null;
  phone: string | null;
  promise_amount_minor: string | null;
  callback_at: Date | null;
  source: "agent" | "dialer";
}

export async function listCalls(
  client: Client,
  filter: CallFilter,
  page: { limit: number; offset: number },
) {
  const { rows } = await client.query<CallReportRow & { total: number }>(
    `select k.id, k.started_at, k.ended_at, k.duration_seconds, k.agent_user_id, u.name as agent_name, k.case_id,
       c.reference, d.name as debtor_name, k.outcome, k.notes, k.phone, k.promise_amount_minor::text,
       k.callback_at, k.source, count(*) over ()::int as total
     from calls k
     join cases c on c.tenant_id = k.tenant_id and c.id = k.case_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     left join users u on u.id = k.agent_user_id
     where ${FILTER}
     order by k.ended_at desc, k.id
     limit $7 offset $8`,
    [...filterParams(filter), page.limit, page.offset],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function listCallBlocks(
  client: Client,
  input: {
    tenantId: string;
    from?: Date | undefined;
    to?: Date | undefined;
    limit: number;
    offset: number;
  },
) {
  const { rows } = await client.query<{
    at: Date;
    task_id: string;
    case_id: string;
    reference: string;
    debtor_name: string;
    kind: "defer" | "block" | "cancel";
    rule: string | null;
    reason: string;
    until: Date | null;
    total: number;
  }>(
    `select b.at, b.task_id, b.case_id, c.reference, d.name as debtor_name, b.kind, b.rule, b.reason, b.until,
       count(*) over ()::int as total
     from call_blocks b
     join cases c on c.tenant_id = b.tenant_id and c.id = b.case_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     where b.tenant_id = $1 and ($2::timestamptz is null or b.at >= $2) and ($3::timestamptz is null or b.at < $3)
     order by b.at desc, b.id desc limit $4 offset $5`,
    [input.tenantId, input.from ?? null, input.to ?? null, input.limit, input.offset],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function listAgents(client: Client, tenantId: string) {
  const { rows } = await client.query<{
    user_id: string;
    name: string;
    team: string;
    skills: string[];
  }>(
    `select u.id as user_id, u.name, coalesce(a.team, 'default') as team, coalesce(a.skills, '{}') as skills
     from users u left join agents a on a.user_id = u.id
     where u.disabled_at is null and u.role in ('agent', 'supervisor')
       and (u.all_tenants or exists (select 1 from user_tenants ut where ut.user_id = u.id and ut.tenant_id = $1))
     order by u.name`,
    [tenantId],
  );
  return rows;
}
