import { z } from "zod";
import type { MessageListRow } from "../store/message-queries";

export const messageOut = z.object({
  id: z.string(),
  caseId: z.string(),
  channel: z.string(),
  template: z.string(),
  language: z.string(),
  transport: z.string().describe("outbox (development), smtp, pec, smpp, http, print"),
  recipient: z.string(),
  subject: z.string().nullable(),
  status: z.string(),
  tries: z.number().int(),
  providerIds: z.array(z.string()),
  costMinor: z.string().describe("minor units of the tenant's currency"),
  segments: z.number().int().nullable(),
  lastError: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  printBatchId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});

export function toMessage(row: MessageListRow): z.infer<typeof messageOut> {
  return {
    id: row.id,
    caseId: row.case_id,
    channel: row.channel,
    template: row.template,
    language: row.language,
    transport: row.transport,
    recipient: row.recipient,
    subject: row.subject,
    status: row.status,
    tries: row.tries,
    providerIds: row.provider_ids,
    costMinor: row.cost_minor,
    segments: row.segments,
    lastError: row.last_error,
    trackingNumber: row.tracking_number,
    printBatchId: row.print_batch_id,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}
