import type { Db } from "../../../platform/db/database";
import type { Page } from "../../../platform/http/paging";

export async function listImportRuns(db: Db, tenantId: string, page: Page) {
  return db
    .selectFrom("imports")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .orderBy("started_at", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function findImportRun(db: Db, tenantId: string, importId: string) {
  return db
    .selectFrom("imports")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", importId)
    .executeTakeFirst();
}

/** Rejected rows in file order, streamed in pages so a huge report never sits in memory. */
export async function* importErrors(db: Db, tenantId: string, importId: string, pageSize = 5000) {
  let after = 0n;
  for (;;) {
    const rows = await db
      .selectFrom("import_errors")
      .select(["id", "source", "line", "field", "value", "reason"])
      .where("tenant_id", "=", tenantId)
      .where("import_id", "=", importId)
      .where("id", ">", after)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? after;
  }
}
