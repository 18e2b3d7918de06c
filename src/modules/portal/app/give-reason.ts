/**
 * The debtor tells why they have not paid. The reason (and any proof) is kept,
 * the case goes on hold so no reminder crosses a person's check, a task reaches
 * a person, and the case is re-evaluated at once.
 */
import { createHash } from "node:crypto";
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import {
  attachmentMatchesType,
  MAX_ATTACHMENT_BYTES,
  type PortalReason,
  reasonHandling,
} from "../domain/reasons.js";

export interface GiveReasonInput {
  tenantId: string;
  caseId: string;
  reason: PortalReason;
  text?: string | undefined;
  attachment?: { fileName: string; contentType: string; bytes: Buffer } | undefined;
}

export async function giveReason(
  deps: { database: Database; clock: Clock },
  input: GiveReasonInput,
): Promise<{ id: string; hold: boolean }> {
  const attachment = input.attachment;
  if (attachment) {
    if (attachment.bytes.length === 0 || attachment.bytes.length > MAX_ATTACHMENT_BYTES)
      throw new AppError("payload_too_large", "attachment: from 1 byte to 5 MB");
    if (!attachmentMatchesType(attachment.bytes, attachment.contentType))
      throw new AppError(
        "unsupported_media_type",
        `attachment: the file is not a ${attachment.contentType} (PDF, JPEG or PNG only)`,
      );
  }
  const handling = reasonHandling(input.reason, Boolean(attachment));
  const now = deps.clock.now();
  const result = await inTransaction(deps.database, async (client) => {
    const { rows } = await client.query<{ status: string; hold_reasons: string[] }>(
      "select status, hold_reasons from cases where tenant_id = $1 and id = $2 for no key update",
      [input.tenantId, input.caseId],
    );
    const found = rows[0];
    if (!found) throw new AppError("case_not_found", "case not found");
    const { rows: inserted } = await client.query<{ id: string }>(
      `insert into case_reasons (tenant_id, case_id, reason, text, source, created_at)
       values ($1, $2, $3, $4, 'portal', $5) returning id`,
      [input.tenantId, input.caseId, input.reason, input.text ?? null, now],
    );
    const reasonId = (inserted[0] as { id: string }).id;
    if (attachment) {
      await client.query(
        `insert into case_attachments (tenant_id, case_id, reason_id, file_name, content_type, size_bytes, sha256, bytes, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          input.tenantId,
          input.caseId,
          reasonId,
          attachment.fileName.slice(0, 200),
          attachment.contentType,
          attachment.bytes.length,
          createHash("sha256").update(attachment.bytes).digest("hex"),
          attachment.bytes,
          now,
        ],
      );
    }
    const events: Array<[string, Record<string, unknown>]> = [
      ["reason.given", { reason: input.reason, reasonId, proof: Boolean(attachment) }],
    ];
    const hold = found.status !== "closed";
    if (hold && !found.hold_reasons.includes(handling.hold)) {
      await client.query(
        `update cases set hold_reasons = array_append(hold_reasons, $3), status = 'on_hold',
           next_evaluation_at = $4, updated_at = $4
         where tenant_id = $1 and id = $2`,
        [input.tenantId, input.caseId, handling.hold, now],
      );
      events.push(["hold.added", { reason: handling.hold, source: "portal", reasonId }]);
    }
    await client.query(
      `insert into case_tasks (tenant_id, case_id, kind, reason, due_at, created_at)
         values ($1, $2, $3, $4, $5, $5)`,
      [input.tenantId, input.caseId, handling.task, `portal: ${input.reason}`, now],
    );
    for (const [type, data] of events) {
      await client.query(
        "insert into case_events (tenant_id, case_id, at, type, actor, data) values ($1, $2, $3, $4, 'debtor', $5)",
        [input.tenantId, input.caseId, now, type, JSON.stringify(data)],
      );
    }
    return { id: reasonId, hold };
  });
  await wakeScheduler(deps.database, input.caseId);
  return result;
}
