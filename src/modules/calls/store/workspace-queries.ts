/** Everything the agent's screen shows about one case, each list in one query. */
import type pg from "pg";

type Client = pg.PoolClient | pg.Pool;

export interface WorkspaceCaseRow {
  task_id: string;
  tenant_id: string;
  case_id: string;
  source: string;
  reasons: string[];
  status: string;
  claimed_by: string | null;
  claim_expires_at: Date | null;
  attempts: number;
  action_key: string | null;
  template: string | null;
  reference: string;
  stage: string;
  case_status: string;
  hold_reasons: string[];
  currency: string;
  creditor_name: string;
  debtor_id: string;
  debtor_name: string;
  debtor_kind: "person" | "company";
  language: string;
  time_zone: string;
  preferred_from: string | null;
  preferred_to: string | null;
  preferred_channel: string | null;
  sip_domain: string | null;
}

export async function loadWorkspaceCase(
  client: Client,
  tenantId: string,
  taskId: string,
): Promise<WorkspaceCaseRow | null> {
  const { rows } = await client.query<WorkspaceCaseRow>(
    `select t.id as task_id, t.tenant_id, t.case_id, t.source, t.reasons, t.status, t.claimed_by,
       t.claim_expires_at, t.attempts, a.idempotency_key as action_key, a.template,
       c.reference, c.stage, c.status as case_status, c.hold_reasons, tn.currency, tn.name as creditor_name,
       d.id as debtor_id, d.name as debtor_name, d.kind as debtor_kind, d.language,
       coalesce(d.time_zone, tn.time_zone) as time_zone,
       to_char(dp.window_from, 'HH24:MI') as preferred_from, to_char(dp.window_to, 'HH24:MI') as preferred_to,
       dp.channel as preferred_channel, s.settings #>> '{dialer,sipDomain}' as sip_domain
     from call_tasks t
     join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
     join tenants tn on tn.id = c.tenant_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     left join case_actions a on a.id = t.action_id
     left join debtor_preferences dp on dp.debtor_id = d.id
     left join tenant_channel_settings s on s.tenant_id = c.tenant_id
     where t.tenant_id = $1 and t.id = $2`,
    [tenantId, taskId],
  );
  return rows[0] ?? null;
}

export async function loadPhones(client: Client, tenantId: string, caseId: string) {
  const { rows } = await client.query<{
    value: string;
    phone_type: string | null;
    opted_out: boolean;
    unanswered: number;
  }>(
    `select p.value, p.phone_type, p.opt_out ? 'call' as opted_out,
       (select count(*)::int from calls k where k.case_id = c.id and k.phone = p.value and not k.conversation) as unanswered
     from cases c join contact_points p on p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id
     where c.tenant_id = $1 and c.id = $2 and p.kind = 'phone' and p.undeliverable_at is null
     order by p.phone_type = 'mobile' desc, p.created_at desc`,
    [tenantId, caseId],
  );
  return rows;
}

export async function loadOpenInvoices(client: Client, tenantId: string, caseId: string) {
  const { rows } = await client.query<{
    number: string;
    issue_date: string | null;
    due_date: string;
    amount_minor: string;
    open_amount_minor: string;
  }>(
    `select number, issue_date::text, due_date::text, amount_minor::text, open_amount_minor::text
     from invoices where tenant_id = $1 and case_id = $2 and status = 'open' order by due_date, number`,
    [tenantId, caseId],
  );
  return rows;
}

export interface ContactRow {
  at: Date;
  channel: string;
  direction: "out" | "in";
  what: string;
  notes: string | null;
  by: string | null;
}

/** Messages sent, replies received and calls made on this case, newest first. */
export async function loadContacts(client: Client, tenantId: string, caseId: string, limit = 100) {
  const { rows } = await client.query<ContactRow>(
    `(select coalesce(m.sent_at, m.created_at) as at, m.channel, 'out' as direction, m.status as what,
        m.subject as notes, null as by
      from messages m where m.tenant_id = $1 and m.case_id = $2)
     union all
     (select i.received_at, i.channel, 'in', coalesce(i.intent, i.kind), left(i.body, 300), i.sender
      from inbound_messages i where i.tenant_id = $1 and i.case_id = $2)
     union all
     (select k.ended_at, 'call', 'out', k.outcome, k.notes, coalesce(u.name, k.source)
      from calls k left join users u on u.id = k.agent_user_id where k.tenant_id = $1 and k.case_id = $2)
     order by at desc limit $3`,
    [tenantId, caseId, limit],
  );
  return rows;
}

export async function loadAgreements(client: Client, tenantId: string, caseId: string) {
  const promises = await client.query<{
    amount_minor: string;
    due_date: string;
    status: string;
    source: string;
    created_at: Date;
  }>(
    `select amount_minor::text, due_date::text, status, source, created_at from promises
     where tenant_id = $1 and case_id = $2 order by created_at desc limit 20`,
    [tenantId, caseId],
  );
  const plans = await client.query<{
    status: string;
    installments: number;
    total_minor: string;
    created_at: Date;
  }>(
    `select status, installments, total_minor::text, created_at from plans
     where tenant_id = $1 and case_id = $2 order by created_at desc limit 20`,
    [tenantId, caseId],
  );
  const reasons = await client.query<{ reason: string; text: string | null; created_at: Date }>(
    `select reason, text, created_at from case_reasons
     where tenant_id = $1 and case_id = $2 order by created_at desc limit 20`,
    [tenantId, caseId],
  );
  return { promises: promises.rows, plans: plans.rows, reasons: reasons.rows };
}
