/**
 * Every email that comes back, from the SMTP listener or the inbound webhook:
 * bounces and complaints update the message they are about, PEC receipts prove
 * (or deny) delivery, replies reach their case. Saldo's own ids travel in the
 * Message-ID (<id@domain>), the bounce address (bounces+id@) and the reply
 * address (replies+id@), so each is found without guessing.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { idInside } from "../domain/saldo-ids";
import { bounceTokenFromAddress, parseInboundEmail } from "../inbound/index.js";
import { type ReplyOutcome, receiveReply } from "./receive-reply";
import { type DeliveryEvent, type DeliveryOutcome, recordDelivery } from "./record-delivery";

export type EmailOutcome =
  | { kind: "delivery"; outcome: DeliveryOutcome; event: DeliveryEvent["kind"] }
  | { kind: "reply"; outcome: ReplyOutcome }
  | { kind: "ignored"; reason: string };

export async function receiveEmail(
  deps: { database: Database; clock: Clock },
  raw: Buffer,
  envelope: { to: string[] } = { to: [] },
): Promise<EmailOutcome> {
  const mail = await parseInboundEmail(raw);
  const now = deps.clock.now();
  const tokens = [...envelope.to, ...mail.to].flatMap((address) => {
    const token = bounceTokenFromAddress(address) ?? bounceTokenFromAddress(address, "replies");
    const id = idInside(token);
    return id ? [id] : [];
  });
  const deliveryOf = async (id: string | undefined, event: DeliveryEvent): Promise<EmailOutcome> =>
    id
      ? {
          kind: "delivery",
          outcome: await recordDelivery(deps, { messageId: id }, event),
          event: event.kind,
        }
      : { kind: "ignored", reason: "a report about a message Saldo did not send" };

  if (mail.kind === "bounce" && mail.bounce) {
    const bounce = mail.bounce;
    const id = idInside(bounce.originalMessageId) ?? tokens[0];
    const detail = `${bounce.status}${bounce.diagnostic ? ` ${bounce.diagnostic}` : ""}`;
    if (bounce.action === "delivered" || bounce.action === "relayed")
      return deliveryOf(id, { kind: "delivered", at: now });
    if (bounce.action === "delayed" || !bounce.permanent)
      return deliveryOf(id, { kind: "delayed", detail, at: now });
    // 5.1.x: the mailbox or domain does not exist — stop using the address.
    const badRecipient = /^5\.1\./.test(bounce.status);
    return deliveryOf(id, { kind: "failed", permanent: true, badRecipient, detail, at: now });
  }
  if (mail.kind === "complaint" && mail.complaint) {
    const id =
      idInside(mail.complaint.originalMessageId) ??
      idInside(bounceTokenFromAddress(mail.complaint.originalMailFrom ?? "")) ??
      tokens[0];
    return deliveryOf(id, { kind: "complaint", detail: mail.complaint.feedbackType, at: now });
  }
  if (mail.kind === "pec_receipt" && mail.pecReceipt) {
    const receipt = mail.pecReceipt;
    const id = idInside(receipt.originalMessageId);
    const at = receipt.issuedAt ?? now;
    const detail = `PEC ${receipt.receiptType}${receipt.errorDetail ? `: ${receipt.errorDetail}` : ""}`;
    if (receipt.outcome === "delivered") return deliveryOf(id, { kind: "delivered", at });
    if (receipt.outcome === "failed") {
      const badRecipient = receipt.errorCode === "no-dest" || receipt.errorCode === "no-dominio";
      return deliveryOf(id, { kind: "failed", permanent: true, badRecipient, detail, at });
    }
    if (receipt.outcome === "transient") return deliveryOf(id, { kind: "delayed", detail, at });
    return { kind: "ignored", reason: `PEC ${receipt.receiptType}: accepted by the provider` };
  }
  const answers = [
    ...tokens,
    ...[mail.inReplyTo, ...mail.references].flatMap((ref) => {
      const id = idInside(ref);
      return id ? [id] : [];
    }),
  ];
  const outcome = await receiveReply(deps, {
    channel: mail.certified ? "pec" : "email",
    externalRef: `email:${mail.messageId}`,
    sender: mail.certified?.certifiedSender ?? mail.from,
    recipient: mail.to[0] ?? null,
    subject: mail.subject,
    text: mail.text,
    receivedAt: mail.receivedAt ?? now,
    answers,
    automatic: mail.kind === "auto_reply",
  });
  return { kind: "reply", outcome };
}
