/**
 * Sends a one-time code the debtor asked for (to sign a plan, to enter the portal)
 * straight through the transport: it answers a request of theirs, so it is not a
 * collection contact and the strategy's caps do not apply. The send log keeps the
 * message with the code masked.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import type { ChannelRuntime } from "./channel-runtime.js";

export type CodeChannel = "sms" | "email";

/** A code goes to an email address or a mobile phone (a landline cannot read an SMS). */
export function codeChannelOf(kind: string, phoneType: string | null): CodeChannel | null {
  if (kind === "email") return "email";
  if (kind === "phone" && phoneType !== "fixed") return "sms";
  return null;
}

export interface CodeMessage {
  tenantId: string;
  caseId: string;
  contactPointId: string;
  channel: CodeChannel;
  to: string;
  sender: { name: string; slug: string };
  template: string;
  language: "it" | "en";
  subject: string;
  text: string;
  code: string;
}

export async function sendCodeMessage(
  deps: { database: Database; clock: Clock; channels: ChannelRuntime },
  message: CodeMessage,
): Promise<void> {
  const messageId = randomUUID();
  const transport = deps.channels.transports[message.channel];
  const sent = await transport.send({
    id: messageId,
    channel: message.channel,
    from: {
      name: message.sender.name,
      address: `${message.sender.slug}@${deps.channels.mailDomain}`,
    },
    to: message.to,
    ...(message.channel === "email" ? { subject: message.subject } : {}),
    text: message.text,
  });
  const now = deps.clock.now();
  await deps.database.pool.query(
    `insert into messages (id, tenant_id, case_id, channel, template, language, transport, recipient, subject,
       body_text, status, provider_ids, segments, contact_point_id, tries, created_at, sent_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'sent', $11, $12, $13, 1, $14, $14, $14)`,
    [
      messageId,
      message.tenantId,
      message.caseId,
      message.channel,
      message.template,
      message.language,
      transport.name,
      message.to,
      message.channel === "email" ? message.subject : null,
      message.text.split(message.code).join("••••••"),
      sent.providerIds,
      sent.segments ?? null,
      message.contactPointId,
      now,
    ],
  );
}
