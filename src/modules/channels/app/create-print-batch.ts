/**
 * Hands the letters waiting for print to the print-and-mail service: one PDF
 * (each letter on an odd page, for duplex) and a CSV manifest. A letter whose
 * case was paid, closed or put on hold since it was written is withdrawn, not
 * printed. Printed letters count as sent for the strategy.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { type LetterInput, renderPrintBatch } from "../letters/index.js";
import {
  insertChannelTimeline,
  reevaluateCases,
  type TimelineInsert,
  withdrawContactEvent,
} from "../store/dispatch-queue";

export interface PrintBatchResult {
  id: string | null;
  letters: number;
  pages: number;
  withdrawn: number;
}

/** Letters in one batch at most: a print run the service can take in one file. */
export const MAX_LETTERS_PER_BATCH = 2_000;

export async function createPrintBatch(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; by: string | null },
): Promise<PrintBatchResult> {
  const client = await deps.database.pool.connect();
  const withdrawnCases: string[] = [];
  try {
    await client.query("begin");
    const now = deps.clock.now();
    const { rows } = await client.query<{
      id: string;
      case_id: string;
      action_id: string | null;
      action_key: string | null;
      channel: string;
      letter: LetterInput;
      case_status: string;
      hold_reasons: string[];
      balance: string;
    }>(
      `select m.id, m.case_id, m.action_id, a.idempotency_key as action_key, m.channel, m.letter, c.status as case_status, c.hold_reasons,
         coalesce((select sum(open_amount_minor) from invoices i
                   where i.case_id = c.id and i.status = 'open'), 0)::text as balance
       from messages m join cases c on c.id = m.case_id
       left join case_actions a on a.id = m.action_id
       where m.tenant_id = $1 and m.status = 'queued' and m.transport = 'print'
       order by m.created_at limit $2
       for update of m skip locked`,
      [input.tenantId, MAX_LETTERS_PER_BATCH],
    );
    const timeline: TimelineInsert[] = [];
    const printable = rows.filter((r) => {
      const stale =
        r.case_status !== "open" || r.hold_reasons.length > 0 || BigInt(r.balance) <= 0n;
      if (stale) withdrawnCases.push(r.case_id);
      return !stale;
    });
    const withdrawn = rows.filter((r) => !printable.includes(r));
    if (withdrawn.length) {
      await client.query(
        "update messages set status = 'suppressed', last_error = 'case paid, closed or on hold before printing', updated_at = $2 where id = any($1::uuid[])",
        [withdrawn.map((r) => r.id), now],
      );
      await client.query(
        "update case_actions set status = 'cancelled', updated_at = $2 where id = any($1::uuid[])",
        [withdrawn.flatMap((r) => (r.action_id ? [r.action_id] : [])), now],
      );
      // A letter that never goes out stops counting towards the caps.
      for (const r of withdrawn) if (r.action_key) await withdrawContactEvent(client, r.action_key);
      for (const r of withdrawn)
        timeline.push({
          tenantId: input.tenantId,
          caseId: r.case_id,
          type: "letter.withdrawn",
          data: { message: r.id, reason: "case paid, closed or on hold before printing" },
        });
    }
    if (printable.length === 0) {
      await insertChannelTimeline(client, timeline);
      await client.query("commit");
      await reevaluateCases(deps.database.pool, withdrawnCases, now);
      return { id: null, letters: 0, pages: 0, withdrawn: withdrawn.length };
    }
    const batch = await renderPrintBatch(
      printable.map((r) => ({
        id: r.id,
        input: { ...r.letter, ...(r.channel === "registered_letter" ? { registered: {} } : {}) },
      })),
    );
    const pages = batch.pages.reduce((max, p) => Math.max(max, p.firstPage + p.pageCount - 1), 0);
    const { rows: created } = await client.query<{ id: string }>(
      `insert into print_batches (tenant_id, letters, pages, pdf, manifest_csv, created_by)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [input.tenantId, printable.length, pages, batch.pdf, batch.manifestCsv, input.by],
    );
    const batchId = created[0]?.id as string;
    const ids = printable.map((r) => r.id);
    await client.query(
      `update messages set status = 'sent', print_batch_id = $2, sent_at = $3, updated_at = $3
       where id = any($1::uuid[])`,
      [ids, batchId, now],
    );
    await client.query(
      "update case_actions set status = 'sent', updated_at = $2 where id = any($1::uuid[])",
      [printable.flatMap((r) => (r.action_id ? [r.action_id] : [])), now],
    );
    for (const r of printable)
      timeline.push({
        tenantId: input.tenantId,
        caseId: r.case_id,
        type: "letter.printed",
        data: { message: r.id, batch: batchId, channel: r.channel },
      });
    await insertChannelTimeline(client, timeline);
    await client.query("commit");
    await reevaluateCases(deps.database.pool, withdrawnCases, now);
    return { id: batchId, letters: printable.length, pages, withdrawn: withdrawn.length };
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
