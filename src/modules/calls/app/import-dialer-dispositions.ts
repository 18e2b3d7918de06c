/**
 * Dispositions a dialer sends back (a CSV file, or its signed webhook): each good
 * row is recorded exactly as an agent's call is (recordDisposition: the call, the
 * case's promise or hold, the policy's history, the strategy, the queue), each in
 * its own transaction; a bad row is reported with its line, field and reason and
 * the others are kept. The dialer's call id makes a re-import record nothing twice.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import type { RawInput } from "../domain/dialer-disposition-input";
import {
  type DialerDisposition,
  type DispositionColumn,
  JSON_NAMES,
  type RowProblem,
  readDisposition,
} from "../domain/dialer-dispositions";
import {
  type DialerTaskState,
  findDialerCall,
  findTaskState,
  loadTenantCountry,
} from "../store/dialer-queue";
import { recordDisposition } from "./record-disposition";

export interface DispositionImport {
  recorded: number;
  /** Rows whose call id was recorded before (a re-import, a webhook retried). */
  duplicates: number;
  rejected: RowProblem[];
}

export async function importDialerDispositions(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; raw: RawInput; naming: "csv" | "json" },
): Promise<DispositionImport> {
  const pool = deps.database.pool;
  const country = await loadTenantCountry(pool, input.tenantId);
  if (!country) throw new AppError("tenant_not_found", "tenant not found");
  const name = (c: DispositionColumn) => (input.naming === "csv" ? c : JSON_NAMES[c]);
  const result: DispositionImport = {
    recorded: 0,
    duplicates: 0,
    rejected: [...input.raw.problems],
  };

  // In order, one row at a time: two rows about one task are decided as the file tells them.
  for (const raw of input.raw.rows) {
    const read = readDisposition(raw, { now: deps.clock.now(), country, naming: input.naming });
    if (!read.ok) {
      result.rejected.push(...read.problems);
      continue;
    }
    const row = read.value;
    if (await findDialerCall(pool, input.tenantId, row.callId)) {
      result.duplicates++;
      continue;
    }
    const task = await findTaskState(pool, input.tenantId, row.taskId);
    const refusal = notTheDialers(task);
    if (refusal) {
      result.rejected.push({ line: row.line, field: name("task_id"), reason: refusal });
      continue;
    }
    try {
      const recorded = await record(deps, input.tenantId, row);
      if (recorded.duplicate) result.duplicates++;
      else result.recorded++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The same call id sent twice at once: the other request recorded it.
      if (await findDialerCall(pool, input.tenantId, row.callId)) result.duplicates++;
      else result.rejected.push(...problemsOf(error, row.line, name));
    }
  }
  return result;
}

function record(
  deps: { database: Database; clock: Clock },
  tenantId: string,
  row: DialerDisposition,
) {
  return recordDisposition(deps, {
    tenantId,
    taskId: row.taskId,
    userId: null,
    source: "dialer",
    externalId: row.callId,
    outcome: row.outcome,
    notes: row.notes,
    phone: row.phone,
    promise: row.promise,
    paymentAmountMinor: row.paymentAmountMinor,
    callbackAt: row.callbackAt,
    durationSeconds: row.durationSeconds,
  });
}

/** Why the dialer may not report on this task, if it may not. */
function notTheDialers(task: DialerTaskState | null): string | null {
  if (!task) return "no call task with this id";
  if (task.status === "claimed" && task.claimed_via === "dialer") return null;
  if (task.status === "claimed") return "an agent has this task now";
  if (task.status === "queued") {
    return "the task is not on the dialer's list: never exported, or its call window closed and it went back to the queue";
  }
  return `the task is ${task.status}: its call was reported already or it was closed`;
}

/** A refusal from recording, on the fields it names (a promise's amount or date), else on the task. */
function problemsOf(
  error: AppError,
  line: number,
  name: (c: DispositionColumn) => string,
): RowProblem[] {
  const columns: Record<string, DispositionColumn> = {
    amountMinor: "promise_amount_minor",
    dueDate: "promise_due_date",
    callbackAt: "callback_at",
    paymentAmountMinor: "payment_amount_minor",
  };
  const listed = (error.details as { problems?: { field: string; reason: string }[] } | undefined)
    ?.problems;
  if (listed && listed.length > 0) {
    return listed.map((p) => ({
      line,
      field: name(columns[p.field] ?? "task_id"),
      reason: p.reason,
    }));
  }
  return [{ line, field: name("task_id"), reason: error.message }];
}
