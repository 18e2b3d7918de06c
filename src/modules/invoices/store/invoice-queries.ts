import type { Db } from "../../../platform/db/database";
import type { Page } from "../../../platform/http/paging";

export interface InvoiceFilter {
  status?: string;
  debtorId?: string;
  caseId?: string;
  dueBefore?: string;
  dueAfter?: string;
}

export async function listInvoices(db: Db, tenantId: string, filter: InvoiceFilter, page: Page) {
  let query = db.selectFrom("invoices").where("tenant_id", "=", tenantId);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.debtorId) query = query.where("debtor_id", "=", filter.debtorId);
  if (filter.caseId) query = query.where("case_id", "=", filter.caseId);
  if (filter.dueBefore) query = query.where("due_date", "<", filter.dueBefore);
  if (filter.dueAfter) query = query.where("due_date", ">=", filter.dueAfter);
  const [items, total] = await Promise.all([
    query
      .selectAll()
      .orderBy("due_date")
      .orderBy("id")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findInvoice(db: Db, tenantId: string, invoiceId: string) {
  const invoice = await db
    .selectFrom("invoices")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", invoiceId)
    .executeTakeFirst();
  if (!invoice) return undefined;
  const installments = await db
    .selectFrom("invoice_installments")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("invoice_id", "=", invoiceId)
    .orderBy("seq")
    .execute();
  return { invoice, installments };
}
