/**
 * Registered letters (raccomandata) get their tracking number from the postal
 * service after printing; the print house sends them back as a file. Each
 * number lands on its letter and on the case timeline; a row that names no
 * letter of this tenant, or a letter that is not registered, is reported.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { isId } from "../domain/saldo-ids";
import { insertChannelTimeline } from "../store/dispatch-queue";

export interface TrackingRow {
  line: number;
  messageId: string;
  trackingNumber: string;
}

export interface TrackingResult {
  recorded: number;
  unchanged: number;
  rejected: Array<{ line: number; messageId: string; reason: string }>;
}

export async function recordTrackingNumbers(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; rows: TrackingRow[] },
): Promise<TrackingResult> {
  const result: TrackingResult = { recorded: 0, unchanged: 0, rejected: [] };
  const valid = input.rows.filter((row) => {
    const reason = !isId(row.messageId)
      ? "not a letter id"
      : !/^[A-Za-z0-9-]{6,40}$/.test(row.trackingNumber)
        ? "tracking number must be 6-40 letters, digits or dashes"
        : null;
    if (reason) result.rejected.push({ line: row.line, messageId: row.messageId, reason });
    return !reason;
  });
  const client = await deps.database.pool.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query<{
      id: string;
      case_id: string;
      channel: string;
      tracking_number: string | null;
    }>(
      "select id, case_id, channel, tracking_number from messages where tenant_id = $1 and id = any($2::uuid[]) for update",
      [input.tenantId, valid.map((r) => r.messageId)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const row of valid) {
      const message = byId.get(row.messageId);
      if (!message || message.channel !== "registered_letter") {
        result.rejected.push({
          line: row.line,
          messageId: row.messageId,
          reason: message ? "not a registered letter" : "no such letter for this tenant",
        });
        continue;
      }
      if (message.tracking_number === row.trackingNumber) {
        result.unchanged++;
        continue;
      }
      await client.query(
        "update messages set tracking_number = $2, updated_at = $3 where id = $1",
        [message.id, row.trackingNumber, deps.clock.now()],
      );
      message.tracking_number = row.trackingNumber;
      await insertChannelTimeline(client, [
        {
          tenantId: input.tenantId,
          caseId: message.case_id,
          type: "letter.tracking",
          data: { message: message.id, trackingNumber: row.trackingNumber },
        },
      ]);
      result.recorded++;
    }
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
