import { sql } from "kysely";
import type pg from "pg";
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

/** Written in the import's own transaction: committed data and "completed" go together. */
export async function completeImportRun(
  client: pg.PoolClient,
  importId: string,
  counts: ImportCounts,
  bytesRead: number,
) {
  const r = counts.rows;
  await client.query(
    `update imports set status = 'completed', rows_read = $2, bytes_read = $3, created = $4,
       updated = $5, unchanged = $6, rejected = $7, counts = $8, finished_at = now()
     where id = $1`,
    [
      importId,
      r.read,
      bytesRead,
      r.created,
      r.updated,
      r.unchanged,
      r.rejected,
      JSON.stringify(counts),
    ],
  );
}

export async function failImportRun(db: Db, importId: string, reason: string) {
  await db
    .updateTable("imports")
    .set({ status: "failed", failure: reason.slice(0, 2000), finished_at: new Date() })
    .where("id", "=", importId)
    .execute();
}

/**
 * Runs left "running" by a process that died are marked failed. A live run
 * holds its advisory lock (taken in runImport): only runs whose lock is free
 * are abandoned, so another process's imports in flight are left alone.
 */
export async function failAbandonedRuns(db: Db) {
  await sql`
    update imports set status = 'failed', finished_at = now(),
      failure = 'interrupted: the Saldo process stopped during the import'
    where status = 'running'
      and pg_try_advisory_xact_lock(hashtextextended('saldo.import-run:' || id::text, 0))`.execute(
    db,
  );
}
