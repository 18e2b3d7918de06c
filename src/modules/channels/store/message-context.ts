import type pg from "pg";
import { groupBy } from "../../../platform/group-by";

/** Everything a message about a case is written from, loaded for many cases at once. */
export interface CaseMessageRow {
  case_id: string;
  tenant_id: string;
  debtor_id: string;
  reference: string;
  tenant_name: string;
  legal_name: string | null;
  tenant_vat: string | null;
  slug: string;
  time_zone: string;
  currency: string;
  debtor_name: string;
  first_name: string | null;
  last_name: string | null;
  debtor_kind: "person" | "company";
  language: string;
  settings: unknown;
}

export interface InvoiceRow {
  case_id: string;
  number: string;
  issue_date: string;
  due_date: string;
  amount_minor: string;
  open_amount_minor: string;
}

export interface ContactPointRow {
  id: string;
  debtor_id: string;
  kind: "phone" | "email" | "pec" | "postal";
  value: string;
  phone_type: string | null;
  address: Record<string, string> | null;
  opt_out: Record<string, unknown>;
  undeliverable_at: Date | null;
  verified_at: Date | null;
  updated_at: Date;
}

export interface MessageContextRows {
  cases: Map<string, CaseMessageRow>;
  invoices: Map<string, InvoiceRow[]>;
  contactPoints: Map<string, ContactPointRow[]>;
}

export async function loadMessageContexts(
  client: pg.PoolClient | pg.Pool,
  caseIds: string[],
): Promise<MessageContextRows> {
  const cases = await client.query<CaseMessageRow>(
    `select c.id as case_id, c.tenant_id, c.debtor_id, c.reference, t.name as tenant_name, t.legal_name,
       t.vat_number as tenant_vat, t.slug, coalesce(d.time_zone, t.time_zone) as time_zone, t.currency,
       d.name as debtor_name, d.first_name, d.last_name, d.kind as debtor_kind, d.language,
       coalesce(s.settings, '{}') as settings
     from cases c
     join tenants t on t.id = c.tenant_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     left join tenant_channel_settings s on s.tenant_id = c.tenant_id
     where c.id = any($1::uuid[])`,
    [caseIds],
  );
  const invoices = await client.query<InvoiceRow>(
    `select case_id, number, issue_date::text, due_date::text, amount_minor::text, open_amount_minor::text
     from invoices where case_id = any($1::uuid[]) and status = 'open' and open_amount_minor <> 0
     order by due_date, number`,
    [caseIds],
  );
  const debtorIds = [...new Set(cases.rows.map((r) => r.debtor_id))];
  const points = await client.query<ContactPointRow>(
    `select id, debtor_id, kind, value, phone_type, address, opt_out, undeliverable_at, verified_at, updated_at
     from contact_points where debtor_id = any($1::uuid[])`,
    [debtorIds],
  );
  return {
    cases: new Map(cases.rows.map((r) => [r.case_id, r])),
    invoices: groupBy(invoices.rows, (r) => r.case_id),
    contactPoints: groupBy(points.rows, (r) => r.debtor_id),
  };
}
