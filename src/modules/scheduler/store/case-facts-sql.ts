/**
 * The facts the engine and the policy need about a case, as one SELECT over
 * `cases c`: debtor, tenant, balance and oldest due date of its open invoices,
 * the channels its contact points offer (opted out or not; a bounced one offers none),
 * its pending promise to pay and whether a repayment plan is being followed.
 */
export const CASE_FACTS_COLUMNS = `
  c.id as case_id, c.tenant_id, c.debtor_id, d.identity_id, c.stage, c.status, c.hold_reasons,
  c.opened_at, c.strategy_version_id, c.variant, d.kind as debtor_kind, d.language, d.segment,
  d.risk_class, coalesce(d.time_zone, t.time_zone) as time_zone, t.country,
  coalesce(b.balance, 0)::text as balance_minor, b.oldest_due::text as oldest_due_date,
  coalesce(cp.channels, '{}') as channels, coalesce(cp.opted_out, '{}') as opted_out,
  c.contacts_paused_until, c.contacts_paused_reason,
  pr.due_date::text as promise_due_date, pr.grace_days as promise_grace_days,
  coalesce(pl.live, false) as plan_active,
  to_char(dp.window_from, 'HH24:MI') as preferred_from, to_char(dp.window_to, 'HH24:MI') as preferred_to`;

export const CASE_FACTS_JOINS = `
  join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
  join tenants t on t.id = c.tenant_id
  left join lateral (
    select sum(i.open_amount_minor) as balance,
      min(i.due_date) filter (where i.open_amount_minor > 0) as oldest_due
    from invoices i where i.tenant_id = c.tenant_id and i.case_id = c.id and i.status = 'open') b on true
  left join lateral (
    select array_agg(distinct ch) filter (where not (p.opt_out ? ch)) as channels,
      array_agg(distinct ch) filter (where p.opt_out ? ch) as opted_out
    from contact_points p,
      unnest(case p.kind
        when 'email' then array['email']
        when 'pec' then array['pec']
        when 'postal' then array['letter', 'registered_letter']
        when 'phone' then case when p.phone_type = 'mobile' then array['sms', 'call', 'voice']
                               else array['call', 'voice'] end
      end) ch
    where p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id
      and p.undeliverable_at is null) cp on true
  left join lateral (
    select due_date, grace_days from promises
    where case_id = c.id and status = 'pending' limit 1) pr on true
  left join lateral (
    select true as live from plans
    where case_id = c.id and status in ('active', 'at_risk') limit 1) pl on true
  left join debtor_preferences dp on dp.debtor_id = c.debtor_id`;
