import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import { type BulkList, bulkItemsToRecords } from "../domain/json/bulk-records";
import { type BulkBody, bulkBody } from "../domain/json/bulk-schema";
import { type ImportSource, type ImportSummary, runImport } from "./run-import";

/** The JSON bulk API: debtors, contacts and invoices in one body, validated item by item. */
export async function importBulk(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; body: BulkBody; createdBy?: string },
): Promise<ImportSummary> {
  const body = bulkBody.parse(input.body);
  const tenant = await deps.database.db
    .selectFrom("tenants")
    .select("currency")
    .where("id", "=", input.tenantId)
    .executeTakeFirst();
  if (!tenant) throw new AppError("tenant_not_found", "tenant not found");
  const lists: BulkList[] = ["debtors", "contacts", "invoices"];
  const sources: ImportSource[] = lists.map((list) => {
    const items = body[list];
    return {
      name: `api:${list}`,
      chunks: (async function* () {
        const { records, errors } = bulkItemsToRecords(list, items, tenant.currency);
        yield { records, errors, rowsRead: items.length, bytesRead: 0 };
      })(),
    };
  });
  return runImport(deps, {
    tenantId: input.tenantId,
    kind: "json",
    sourceName: "api",
    sources,
    createdBy: input.createdBy,
  });
}
