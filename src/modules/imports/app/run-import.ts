import type pg from "pg";
import type { Clock } from "../../../platform/clock";
import { localDate } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import type { DocumentRecord, IntakeRecord, RowError } from "../domain/records";
import { recordTypeOfField, stageLineForError, stageLineForRecord } from "../domain/stage-row";
import {
  completeImportRun,
  failImportRun,
  type ImportKind,
  insertImportRun,
  recordProgress,
} from "../store/import-runs";
import { mergeContacts } from "../store/merge-contacts";
import { mergeDebtors } from "../store/merge-debtors";
import { mergeDocuments } from "../store/merge-documents";
import { mergeInvoices, stageInvoices } from "../store/merge-invoices";
import { analyzeStaging, createStaging, openStageCopy } from "../store/staging";
import { type ImportCounts, saveErrors, summarise } from "../store/summarise";
import { finishCases, openCases } from "../store/sync-cases";

export interface IntakeChunk {
  records: IntakeRecord[];
  errors: RowError[];
  /** Files to keep behind the chunk's invoices (FatturaPA only; CSV carries none). */
  documents?: DocumentRecord[];
  /** Data rows (or items) read since the previous chunk. */
  rowsRead: number;
  /** Bytes read since the previous chunk. */
  bytesRead: number;
}

export interface ImportSource {
  /** File name, or "api" for the JSON bulk API. */
  name: string;
  chunks: AsyncIterable<IntakeChunk>;
}

export interface RunImportInput {
  tenantId: string;
  kind: ImportKind;
  sourceName: string;
  sources: Iterable<ImportSource> | AsyncIterable<ImportSource>;
  mapping?: unknown;
  createdBy?: string;
  /** Called after each chunk with the running totals, e.g. for a progress bar. */
  onProgress?: (progress: { rowsRead: number; bytesRead: number }) => void;
}

export interface ImportSummary {
  importId: string;
  status: "completed";
  counts: ImportCounts;
  casesOpened: number;
  casesClosed: number;
  /** Milliseconds per phase, for benchmarks and slow-import diagnosis. */
  timings: Record<string, number>;
}

const PROGRESS_EVERY_MS = 1000;

/** At most this many imports run at once per process (each holds a connection). */
const importSlots = semaphore(3);

function semaphore(size: number) {
  let free = size;
  const waiting: Array<() => void> = [];
  return {
    async acquire(): Promise<() => void> {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = waiting.shift();
        if (next) next();
        else free++;
      };
    },
  };
}

/**
 * Streams every record of every source into staging through one COPY, then
 * merges set-based in one transaction: the portfolio never sees half an import.
 * Imports of the same tenant run one at a time.
 */
export async function runImport(
  deps: { database: Database; clock: Clock },
  input: RunImportInput,
): Promise<ImportSummary> {
  const { db, pool } = deps.database;
  const tenant = await db
    .selectFrom("tenants")
    .select(["id", "time_zone"])
    .where("id", "=", input.tenantId)
    .executeTakeFirst();
  if (!tenant) throw new AppError("tenant_not_found", "tenant not found");
  const importId = await insertImportRun(db, input);
  // Each import holds a connection for its whole run and needs a second one for
  // progress: a bounded number run at once, so the pool never starves.
  const release = await importSlots.acquire();
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    release();
    await failImportRun(db, importId, (error as Error).message).catch(() => {});
    throw error;
  }
  let rowsRead = 0;
  let bytesRead = 0;
  let broken = false;
  const startedAt = Date.now();
  try {
    await client.query("begin");
    // This run's own lock tells other processes it is alive (see failAbandonedRuns).
    await client.query(
      "select pg_advisory_xact_lock(hashtextextended('saldo.import-run:' || $1, 0))",
      [importId],
    );
    await client.query("select pg_advisory_xact_lock(hashtextextended('saldo.import:' || $1, 0))", [
      input.tenantId,
    ]);
    await createStaging(client);
    const copy = openStageCopy(client);
    const rejectedRecords = new Set<string>();
    // Held until the invoices exist: the COPY owns the connection meanwhile. FatturaPA
    // files are small (SdI caps them at 5 MB) and each is held once, however many bodies.
    const documents: DocumentRecord[] = [];
    let rowOffset = 0;
    let lastProgressAt = 0;
    try {
      for await (const source of input.sources) {
        let maxLine = 0;
        for await (const chunk of source.chunks) {
          let text = "";
          for (const item of chunk.records) {
            text += stageLineForRecord(item, rowOffset + item.line, source.name);
            if (item.line > maxLine) maxLine = item.line;
          }
          for (const error of chunk.errors) {
            text += stageLineForError(error, rowOffset + error.line);
            rejectedRecords.add(
              `${rowOffset + error.line}:${recordTypeOfField(error.field, error.source)}`,
            );
            if (error.line > maxLine) maxLine = error.line;
          }
          if (text) await copy.write(text);
          if (chunk.documents) documents.push(...chunk.documents);
          rowsRead += chunk.rowsRead;
          bytesRead += chunk.bytesRead;
          input.onProgress?.({ rowsRead, bytesRead });
          const now = Date.now();
          if (now - lastProgressAt > PROGRESS_EVERY_MS) {
            lastProgressAt = now;
            await recordProgress(db, importId, rowsRead, bytesRead);
          }
        }
        rowOffset += maxLine + 1;
      }
      await copy.end();
    } catch (error) {
      await copy.abort(error as Error);
      throw error;
    }
    const timings: Record<string, number> = {};
    let mark = startedAt;
    const lap = (phase: string) => {
      const t = Date.now();
      timings[phase] = t - mark;
      mark = t;
    };
    lap("stage");
    await analyzeStaging(client);
    const now = deps.clock.now();
    await mergeDebtors(client, input.tenantId);
    lap("debtors");
    await mergeContacts(client, input.tenantId, now);
    lap("contacts");
    await stageInvoices(client, input.tenantId);
    const today = localDate(now, tenant.time_zone);
    const opened = await openCases(client, input.tenantId, today, importId, now);
    lap("cases");
    await mergeInvoices(client, input.tenantId, input.kind);
    lap("invoices");
    if (documents.length > 0) {
      await mergeDocuments(client, input.tenantId, documents);
      lap("documents");
    }
    const closed = await finishCases(client, input.tenantId, importId, now);
    lap("timeline");
    const counts = await summarise(client, rowsRead, countByType(rejectedRecords));
    await saveErrors(client, input.tenantId, importId);
    await completeImportRun(client, importId, counts, bytesRead);
    await client.query("commit");
    lap("commit");
    // Cases the import opened or changed are due now: wake the scheduler.
    await pool.query("select pg_notify('saldo_evaluate', $1)", [importId]).catch(() => {});
    return {
      importId,
      status: "completed",
      counts,
      casesOpened: opened,
      casesClosed: closed,
      timings,
    };
  } catch (error) {
    await client.query("rollback").catch(() => {
      broken = true;
    });
    await failImportRun(db, importId, (error as Error).message).catch(() => {});
    throw error;
  } finally {
    client.release(broken);
    release();
  }
}

function countByType(keys: Set<string>) {
  const counts = { debtor: 0, contact: 0, invoice: 0 };
  for (const key of keys) {
    const type = key.slice(key.indexOf(":") + 1);
    if (type in counts) counts[type as keyof typeof counts]++;
  }
  return counts;
}
