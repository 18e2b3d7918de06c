import type pg from "pg";
import type { Page } from "../../../platform/http/paging.js";

export interface PaymentRow {
  id: string;
  source: string;
  amount_minor: bigint;
  currency: string;
  booked_on: string;
  value_date: string | null;
  payer_name: string | null;
  payer_iban: string | null;
  end_to_end_id: string | null;
  refs: { structured?: string[]; unstructured?: string[]; note?: string | null };
  case_id: string | null;
  case_reference: string | null;
  installment_id: string | null;
  match_method: string | null;
  match_confidence: number | null;
  suggestions: unknown[];
  status: string;
  statement_import_id: string | null;
  statement_line: number | null;
  reversal_reason: string | null;
  created_at: Date;
}

const PAYMENT_COLUMNS = `p.id, p.source, p.amount_minor, p.currency, p.booked_on, p.value_date, p.payer_name,
  p.payer_iban, p.end_to_end_id, p.refs, p.case_id, c.reference as case_reference, p.installment_id,
  p.match_method, p.match_confidence, p.suggestions, p.status, p.statement_import_id, p.statement_line,
  p.reversal_reason, p.created_at`;

export async function listPayments(
  pool: pg.Pool,
  tenantId: string,
  filter: { status?: string; caseId?: string; importId?: string },
  page: Page,
): Promise<{ items: PaymentRow[]; total: number }> {
  const where = ["p.tenant_id = $1"];
  const params: unknown[] = [tenantId];
  if (filter.status) where.push(`p.status = $${params.push(filter.status)}`);
  if (filter.caseId) {
    const n = params.push(filter.caseId);
    where.push(
      `(p.case_id = $${n} or exists (select 1 from payment_allocations a where a.payment_id = p.id and a.case_id = $${n}))`,
    );
  }
  if (filter.importId) where.push(`p.statement_import_id = $${params.push(filter.importId)}`);
  const { rows } = await pool.query<PaymentRow & { total: string }>(
    `select ${PAYMENT_COLUMNS}, count(*) over () as total
     from payments p left join cases c on c.id = p.case_id
     where ${where.join(" and ")}
     order by p.booked_on desc, p.created_at desc, p.id
     limit $${params.push(page.limit)} offset $${params.push(page.offset)}`,
    params,
  );
  return { items: rows, total: Number(rows[0]?.total ?? 0) };
}

export async function findPayment(
  pool: pg.Pool,
  tenantId: string,
  paymentId: string,
): Promise<(PaymentRow & { allocations: AllocationRow[] }) | null> {
  const { rows } = await pool.query<PaymentRow>(
    `select ${PAYMENT_COLUMNS} from payments p left join cases c on c.id = p.case_id
     where p.tenant_id = $1 and p.id = $2`,
    [tenantId, paymentId],
  );
  const payment = rows[0];
  if (!payment) return null;
  const { rows: allocations } = await pool.query<AllocationRow>(
    `select a.id::text, a.case_id, a.invoice_id, i.number as invoice_number, a.kind, a.amount_minor, a.reverses::text, a.at
     from payment_allocations a left join invoices i on i.id = a.invoice_id
     where a.tenant_id = $1 and a.payment_id = $2 order by a.id`,
    [tenantId, paymentId],
  );
  return { ...payment, allocations };
}

export interface AllocationRow {
  id: string;
  case_id: string | null;
  invoice_id: string | null;
  invoice_number: string | null;
  kind: string;
  amount_minor: bigint;
  reverses: string | null;
  at: Date;
}

export async function listStatementImports(pool: pg.Pool, tenantId: string, page: Page) {
  const { rows } = await pool.query(
    `select id, file_name, format, version, message_id, account_iban, transactions, credits, matched, unmatched,
       duplicates, reversals, ignored, problems, created_at, count(*) over () as total
     from statement_imports where tenant_id = $1 order by created_at desc, id limit $2 offset $3`,
    [tenantId, page.limit, page.offset],
  );
  return { items: rows, total: Number(rows[0]?.total ?? 0) };
}

export async function listDomainEvents(
  pool: pg.Pool,
  tenantId: string,
  after: bigint,
  limit: number,
): Promise<
  Array<{ id: bigint; type: string; case_id: string | null; data: unknown; occurred_at: Date }>
> {
  const { rows } = await pool.query(
    `select id, type, case_id, data, occurred_at from domain_events
     where tenant_id = $1 and id > $2 order by id limit $3`,
    [tenantId, after.toString(), limit],
  );
  return rows;
}
