import { sql } from "kysely";
import type { Db } from "../../../platform/db/database";
import type { Page } from "../../../platform/http/paging";

export async function listDebtors(
  db: Db,
  tenantId: string,
  filter: { q?: string; segment?: string },
  page: Page,
) {
  let query = db.selectFrom("debtors").where("tenant_id", "=", tenantId);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, "like", like),
        eb("external_id", "=", filter.q as string),
        eb("tax_code", "=", (filter.q as string).toUpperCase()),
        eb("vat_number", "=", filter.q as string),
      ]),
    );
  }
  if (filter.segment) query = query.where("segment", "=", filter.segment);
  const [items, total] = await Promise.all([
    query
      .selectAll()
      .orderBy(sql`lower(name)`)
      .orderBy("id")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findDebtor(db: Db, tenantId: string, debtorId: string) {
  const debtor = await db
    .selectFrom("debtors")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", debtorId)
    .executeTakeFirst();
  if (!debtor) return undefined;
  const contacts = await db
    .selectFrom("contact_points")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("debtor_id", "=", debtorId)
    .orderBy("kind")
    .orderBy("created_at")
    .execute();
  return { debtor, contacts };
}
