import type { Db } from "../../../platform/db/database";
import type { ImportCounts } from "./summarise";

export type ImportKind = "csv" | "json" | "fatturapa" | "demo";

export async function insertImportRun(
  db: Db,
  run: {
    tenantId: string;
    kind: ImportKind;
    sourceName: string;
    mapping?: unknown;
    createdBy?: string;
  },
): Promise<string> {
  const row = await db
    .insertInto("imports")
    .values({
      tenant_id: run.tenantId,
      kind: run.kind,
      source_name: run.sourceName,
      mapping: run.mapping === undefined ? null : JSON.stringify(run.mapping),
      created_by: run.createdBy ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordProgress(
  db: Db,
  importId: string,
  rowsRead: number,
  bytesRead: number,
) {
  await db
    .updateTable("imports")
    .set({ rows_read: rowsRead, bytes_read: bytesRead })
    .where("id", "=", importId)
    .where("status", "=", "running")
    .execute();
}

export async function completeImportRun(
  db: Db,
  importId: string,
  counts: ImportCounts,
  bytesRead: number,
) {
  await db
    .updateTable("imports")
    .set({
      status: "completed",
      rows_read: counts.rows.read,
      bytes_read: bytesRead,
      created: counts.rows.created,
      updated: counts.rows.updated,
      unchanged: counts.rows.unchanged,
      rejected: counts.rows.rejected,
      counts: JSON.stringify(counts),
      finished_at: new Date(),
    })
    .where("id", "=", importId)
    .execute();
}

export async function failImportRun(db: Db, importId: string, reason: string) {
  await db
    .updateTable("imports")
    .set({ status: "failed", failure: reason.slice(0, 2000), finished_at: new Date() })
    .where("id", "=", importId)
    .execute();
}

/** Runs left "running" by a process that died are marked failed at start-up. */
export async function failAbandonedRuns(db: Db, startedBefore: Date) {
  await db
    .updateTable("imports")
    .set({
      status: "failed",
      failure: "interrupted: the Saldo process stopped during the import",
      finished_at: new Date(),
    })
    .where("status", "=", "running")
    .where("started_at", "<", startedBefore)
    .execute();
}
