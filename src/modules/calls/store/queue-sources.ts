/**
 * Where call tasks come from. Each source is read set-based and merged into the
 * case's one open task (its reasons grow, its time moves earlier), so a case is
 * in the queue once however many reasons there are to call it.
 */
import type pg from "pg";

/** A task an agent holds is left alone: its disposition would overwrite what was merged. */
const MERGE = `on conflict (case_id) where status in ('queued', 'claimed') do update set
  reasons = call_tasks.reasons || excluded.reasons,
  is_response = call_tasks.is_response or excluded.is_response,
  source = case when excluded.source = 'callback' then 'callback' else call_tasks.source end,
  not_before = least(call_tasks.not_before, excluded.not_before),
  scored_at = null
where call_tasks.status = 'queued'
returning id`;

/** Call steps the strategies scheduled: the queue carries them out. */
export async function importStrategyCalls(client: pg.PoolClient, now: Date): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `insert into call_tasks (tenant_id, case_id, source, reasons, action_id, not_before, created_at)
     select distinct on (a.case_id) a.tenant_id, a.case_id, 'strategy',
       array['strategy step ' || a.step_id], a.id, a.due_at, $1
     from case_actions a
     join cases c on c.tenant_id = a.tenant_id and c.id = a.case_id and c.status <> 'closed'
     where a.channel = 'call' and a.status = 'scheduled'
       and not exists (select 1 from call_tasks t where t.action_id = a.id)
       and not exists (select 1 from call_tasks t where t.case_id = a.case_id and t.status in ('queued', 'claimed'))
     order by a.case_id, a.due_at
     ${MERGE}`,
    [now],
  );
  return rows.map((r) => r.id);
}

/** "Call me" from a reply, or a callback a person put on the case: the debtor asked for it. */
export async function importCallbackTasks(client: pg.PoolClient, now: Date): Promise<string[]> {
  const { rows: taken } = await client.query<{
    id: string;
    tenant_id: string;
    case_id: string;
    due_at: Date;
    reason: string;
  }>(
    `update case_tasks k set status = 'done', closed_at = $1
     from cases c
     where k.kind = 'callback' and k.status = 'open' and c.tenant_id = k.tenant_id and c.id = k.case_id
       and c.status <> 'closed'
       -- Waits while an agent holds the case: taken in after the call, it becomes the next task.
       and not exists (select 1 from call_tasks t where t.case_id = k.case_id and t.status = 'claimed')
     returning k.id, k.tenant_id, k.case_id, k.due_at, k.reason`,
    [now],
  );
  const ids: string[] = [];
  for (const task of taken) {
    const { rows } = await client.query<{ id: string }>(
      `insert into call_tasks (tenant_id, case_id, source, reasons, is_response, not_before, created_at)
       values ($1, $2, 'callback', array[$3], true, $4, $5)
       ${MERGE}`,
      [task.tenant_id, task.case_id, `callback asked: ${task.reason}`, task.due_at, now],
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** A promise broken in the last week, not called about since: a call is the kindest next step. */
export async function importBrokenPromises(client: pg.PoolClient, now: Date): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `insert into call_tasks (tenant_id, case_id, source, reasons, not_before, created_at)
     select distinct on (p.case_id) p.tenant_id, p.case_id, 'broken_promise',
       array['promise to pay of ' || p.due_date || ' broken'], $1, $1
     from promises p
     join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id and c.status = 'open'
     where p.status = 'broken' and p.resolved_at > $1::timestamptz - interval '7 days'
       and not exists (select 1 from call_tasks t where t.case_id = p.case_id and t.created_at >= p.resolved_at)
     order by p.case_id, p.resolved_at desc
     ${MERGE}`,
    [now],
  );
  return rows.map((r) => r.id);
}

/** Queued tasks whose score is oldest (never scored first): the score moves with time. */
export async function lockStaleScores(
  client: pg.PoolClient,
  olderThan: Date,
  limit: number,
  now: Date,
): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `select id from call_tasks
     where status = 'queued' and (scored_at is null or scored_at < $1
       -- A callback that fell due since its last score gets its points now, not an hour later.
       or (source = 'callback' and not_before <= $3 and scored_at < not_before))
     order by scored_at nulls first limit $2
     for update skip locked`,
    [olderThan, limit, now],
  );
  return rows.map((r) => r.id);
}
