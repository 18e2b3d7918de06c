/**
 * What the priority score and the routing read about queued tasks, in one
 * statement per batch, and the update that stores both.
 */
import type pg from "pg";
import type { PriorityFactsRow } from "../domain/score-task";

export async function loadPriorityFacts(
  client: pg.PoolClient | pg.Pool,
  taskIds: string[],
  now: Date,
): Promise<PriorityFactsRow[]> {
  if (taskIds.length === 0) return [];
  const { rows } = await client.query<PriorityFactsRow>(
    `select t.id, t.source, t.not_before, c.stage, d.language, d.kind as debtor_kind, d.risk_score,
       coalesce(d.time_zone, tn.time_zone) as time_zone,
       coalesce(b.balance, 0)::text as balance_minor, b.oldest_due::text as oldest_due_date,
       (select max(p.resolved_at) from promises p
         where p.case_id = c.id and p.status = 'broken' and p.resolved_at > $2::timestamptz - interval '30 days') as broken_at,
       ('hardship' = any(c.hold_reasons) or 'vulnerability' = any(c.hold_reasons)
         or exists (select 1 from case_reasons r where r.tenant_id = c.tenant_id and r.case_id = c.id
                    and r.reason in ('temporary_difficulty', 'job_loss_illness'))) as hardship,
       (select max(cp.created_at) from contact_points cp
         where cp.tenant_id = c.tenant_id and cp.debtor_id = c.debtor_id and cp.kind = 'phone'
           and cp.undeliverable_at is null) as newest_phone_at,
       (select array_agg(k.ended_at) from calls k
         where k.case_id = c.id and not k.conversation and k.outcome <> 'wrong_number'
           and k.ended_at > $2::timestamptz - interval '30 days') as unanswered_at,
       (select array_agg(distinct extract(hour from k.ended_at at time zone coalesce(d.time_zone, tn.time_zone))::int)
         from calls k where k.tenant_id = c.tenant_id and k.case_id in
           (select id from cases where tenant_id = c.tenant_id and debtor_id = c.debtor_id)
           and k.conversation) as answered_hours
     from call_tasks t
     join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     join tenants tn on tn.id = c.tenant_id
     left join lateral (
       select sum(i.open_amount_minor) as balance,
         min(i.due_date) filter (where i.open_amount_minor > 0) as oldest_due
       from invoices i where i.tenant_id = c.tenant_id and i.case_id = c.id and i.status = 'open') b on true
     where t.id = any($1::uuid[])`,
    [taskIds, now],
  );
  return rows;
}

export async function storeScores(
  client: pg.PoolClient | pg.Pool,
  scores: { id: string; priority: number; skill: string | null }[],
  now: Date,
): Promise<void> {
  if (scores.length === 0) return;
  await client.query(
    `update call_tasks t set priority = s.priority, skill = s.skill, scored_at = $4
     from unnest($1::uuid[], $2::int[], $3::text[]) as s(id, priority, skill)
     where t.id = s.id`,
    [scores.map((s) => s.id), scores.map((s) => s.priority), scores.map((s) => s.skill), now],
  );
}
