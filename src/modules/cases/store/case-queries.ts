import { sql } from "kysely";
import type { Db } from "../../../platform/db/database";
import type { Page } from "../../../platform/http/paging";

/** Balance is what the open invoices of the case still owe; never stored, always summed. */
const balance = sql<bigint>`coalesce((select sum(i.open_amount_minor) from invoices i
  where i.tenant_id = c.tenant_id and i.case_id = c.id and i.status = 'open'), 0)::bigint`;
const oldestDue = sql<string | null>`(select min(i.due_date) from invoices i
  where i.tenant_id = c.tenant_id and i.case_id = c.id and i.status = 'open' and i.open_amount_minor > 0)`;

export async function listCases(
  db: Db,
  tenantId: string,
  filter: { stage?: string; status?: string; debtorId?: string },
  page: Page,
) {
  let query = db
    .selectFrom("cases as c")
    .innerJoin("debtors as d", (join) =>
      join.onRef("d.id", "=", "c.debtor_id").onRef("d.tenant_id", "=", "c.tenant_id"),
    )
    .where("c.tenant_id", "=", tenantId);
  if (filter.stage) query = query.where("c.stage", "=", filter.stage);
  if (filter.status) query = query.where("c.status", "=", filter.status);
  if (filter.debtorId) query = query.where("c.debtor_id", "=", filter.debtorId);
  const [items, total] = await Promise.all([
    query
      .selectAll("c")
      .select([
        "d.name as debtor_name",
        balance.as("balance_minor"),
        oldestDue.as("oldest_due_date"),
      ])
      .orderBy("c.opened_at", "desc")
      .orderBy("c.id")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findCase(db: Db, tenantId: string, caseId: string) {
  return db
    .selectFrom("cases as c")
    .innerJoin("debtors as d", (join) =>
      join.onRef("d.id", "=", "c.debtor_id").onRef("d.tenant_id", "=", "c.tenant_id"),
    )
    .selectAll("c")
    .select(["d.name as debtor_name", balance.as("balance_minor"), oldestDue.as("oldest_due_date")])
    .where("c.tenant_id", "=", tenantId)
    .where("c.id", "=", caseId)
    .executeTakeFirst();
}

export async function caseTimeline(db: Db, tenantId: string, caseId: string, page: Page) {
  return db
    .selectFrom("case_events")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("case_id", "=", caseId)
    .orderBy("at")
    .orderBy("id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
