/** Everything the debtor's overview shows, read for one case of one tenant. */
import type pg from "pg";
import { listInvoiceDocumentKinds } from "../../invoices/store/invoice-documents.js";
import { type Brand, brandOf } from "./entry-case.js";

export interface CaseViewRows {
  brand: Brand;
  debtor: { id: string; name: string; language: "it" | "en"; timeZone: string };
  case: {
    reference: string;
    status: string;
    stage: string;
    closeReason: string | null;
    holdReasons: string[];
    currency: string;
    balanceMinor: bigint;
    paidMinor: bigint;
    oldestDue: string | null;
  };
  invoices: Array<{
    id: string;
    number: string;
    issueDate: string;
    dueDate: string;
    amountMinor: bigint;
    openMinor: bigint;
    documents: string[];
  }>;
  payments: Array<{ bookedOn: string; amountMinor: bigint; source: string }>;
  letters: Array<{ id: string; date: Date; template: string }>;
  promise: { dueDate: string; amountMinor: bigint; status: string } | null;
  plan: {
    id: string;
    status: string;
    frequency: string;
    documents: string[];
    installments: Array<{
      seq: number;
      dueDate: string;
      amountMinor: bigint;
      paidMinor: bigint;
      status: string;
    }>;
  } | null;
  surveys: string[];
  unreadMessages: number;
}

export async function loadCaseView(
  pool: pg.Pool,
  tenantId: string,
  caseId: string,
): Promise<CaseViewRows | undefined> {
  const { rows } = await pool.query(
    `select c.reference, c.status, c.stage, c.close_reason, c.hold_reasons, c.debtor_id, t.currency,
       t.name as tenant_name, t.legal_name, s.settings, d.name as debtor_name, d.language,
       coalesce(d.time_zone, t.time_zone) as time_zone,
       coalesce((select sum(open_amount_minor) from invoices i where i.case_id = c.id and i.status = 'open'), 0)::bigint as balance,
       coalesce((select sum(amount_minor) from payments p where p.case_id = c.id and p.status = 'allocated'), 0)::bigint as paid,
       (select min(due_date)::text from invoices i where i.case_id = c.id and i.status = 'open' and i.open_amount_minor > 0) as oldest_due,
       (select array_agg(trigger) from survey_responses r where r.case_id = c.id) as surveys,
       (select count(*)::int from case_messages m where m.case_id = c.id and m.author = 'agency' and m.read_at is null) as unread
     from cases c join tenants t on t.id = c.tenant_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     left join tenant_channel_settings s on s.tenant_id = c.tenant_id
     where c.tenant_id = $1 and c.id = $2`,
    [tenantId, caseId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const [invoices, payments, letters, promises, plans] = await Promise.all([
    pool.query(
      `select i.id, i.number, i.issue_date::text, i.due_date::text, i.amount_minor, i.open_amount_minor
       from invoices i where i.tenant_id = $1 and i.case_id = $2 and i.status <> 'cancelled'
       order by i.due_date, i.number`,
      [tenantId, caseId],
    ),
    pool.query(
      `select booked_on::text, amount_minor, source from payments
       where tenant_id = $1 and case_id = $2 and status = 'allocated' order by booked_on, created_at`,
      [tenantId, caseId],
    ),
    pool.query(
      `select id, coalesce(sent_at, created_at) as date, template from messages
       where tenant_id = $1 and case_id = $2 and channel = 'letter' and document is not null
         and status in ('sent', 'delivered')
       order by created_at`,
      [tenantId, caseId],
    ),
    pool.query(
      `select due_date::text, amount_minor, status from promises
       where tenant_id = $1 and case_id = $2 and status <> 'cancelled' order by created_at desc limit 1`,
      [tenantId, caseId],
    ),
    pool.query(
      `select pl.id, pl.status, pl.frequency,
         coalesce((select array_agg(kind) from plan_documents pd where pd.plan_id = pl.id), '{}') as documents
       from plans pl where pl.tenant_id = $1 and pl.case_id = $2 and pl.status not in ('cancelled')
       order by pl.created_at desc limit 1`,
      [tenantId, caseId],
    ),
  ]);
  const documentKinds = await listInvoiceDocumentKinds(
    pool,
    tenantId,
    invoices.rows.map((i) => i.id),
  );
  const planRow = plans.rows[0];
  const installments = planRow
    ? await pool.query(
        `select seq, due_date::text, amount_minor, paid_minor, status from plan_installments
         where plan_id = $1 order by seq`,
        [planRow.id],
      )
    : { rows: [] };
  const promise = promises.rows[0];
  return {
    brand: brandOf(tenantId, row.tenant_name, row.legal_name, row.settings),
    debtor: {
      id: row.debtor_id,
      name: row.debtor_name,
      language: row.language === "en" ? "en" : "it",
      timeZone: row.time_zone,
    },
    case: {
      reference: row.reference,
      status: row.status,
      stage: row.stage,
      closeReason: row.close_reason,
      holdReasons: row.hold_reasons,
      currency: row.currency,
      balanceMinor: BigInt(row.balance),
      paidMinor: BigInt(row.paid),
      oldestDue: row.oldest_due,
    },
    invoices: invoices.rows.map((i) => ({
      id: i.id,
      number: i.number,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      amountMinor: BigInt(i.amount_minor),
      openMinor: BigInt(i.open_amount_minor),
      documents: documentKinds.get(i.id) ?? [],
    })),
    payments: payments.rows.map((p) => ({
      bookedOn: p.booked_on,
      amountMinor: BigInt(p.amount_minor),
      source: p.source,
    })),
    letters: letters.rows.map((l) => ({ id: l.id, date: l.date, template: l.template })),
    promise: promise
      ? {
          dueDate: promise.due_date,
          amountMinor: BigInt(promise.amount_minor),
          status: promise.status,
        }
      : null,
    plan: planRow
      ? {
          id: planRow.id,
          status: planRow.status,
          frequency: planRow.frequency,
          documents: planRow.documents,
          installments: installments.rows.map((i) => ({
            seq: i.seq,
            dueDate: i.due_date,
            amountMinor: BigInt(i.amount_minor),
            paidMinor: BigInt(i.paid_minor),
            status: i.status,
          })),
        }
      : null,
    surveys: row.surveys ?? [],
    unreadMessages: row.unread,
  };
}
