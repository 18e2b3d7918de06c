/**
 * One inbound email, whatever it is: a debtor's reply (also inside a PEC
 * envelope), a bounce, a complaint, an auto-reply or a PEC receipt. `kind`
 * says which, so only replies reach the intent classifier.
 */
import { createHash } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { autoReplyReason } from "./detect-auto-reply.js";
import {
  addressesOf,
  headerTexts,
  normalizeMessageId,
  readMail,
  withoutUndefined,
} from "./mail-fields.js";
import { type Bounce, readDeliveryReport } from "./parse-dsn.js";
import type { Complaint } from "./parse-feedback-report.js";
import { type PecReceipt, readPecEnvelope, readPecReceipt } from "./parse-pec-receipt.js";
import { stripQuotedText } from "./strip-quoted-text.js";
import { bounceTokenFromAddress } from "./verp.js";

/** "bounce" is any delivery status notification: read bounce.action (failed, delayed, ...). */
export type InboundKind = "reply" | "bounce" | "complaint" | "auto_reply" | "pec_receipt";

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
  /** An image the HTML shows inline (a signature logo), not a document the debtor sent. */
  inline: boolean;
}

export interface InboundEmail {
  kind: InboundKind;
  /** With angle brackets; derived from the content when the sender gave none. */
  messageId: string;
  inReplyTo?: string;
  references: string[];
  from: string;
  fromName?: string;
  to: string[];
  cc: string[];
  subject: string;
  /** The sender's own words: quoted original and reply headers removed. */
  text: string;
  html?: string;
  attachments: InboundAttachment[];
  /** When our server received it (the newest Received header); absent when none is readable. */
  receivedAt?: Date;
  /** The Date header: when the sender's client says it was written. */
  sentAt?: Date;
  /** The VERP token of the address it was sent to, naming the message it answers. */
  bounceToken?: string;
  autoReplyReason?: string;
  bounce?: Bounce;
  complaint?: Complaint;
  pecReceipt?: PecReceipt;
  /** Set when the message reached us inside a PEC envelope, which certifies it. */
  certified?: {
    transport: "posta-certificata" | "errore";
    envelopeMessageId: string;
    certifiedSender?: string;
    providerMessageId?: string;
  };
}

/** A PEC envelope inside a PEC envelope is unwrapped too; deeper nesting is not followed. */
const MAX_ENVELOPES = 2;

export async function parseInboundEmail(raw: Buffer): Promise<InboundEmail> {
  return parseWithin(raw, 0);
}

async function parseWithin(raw: Buffer, envelopes: number): Promise<InboundEmail> {
  const mail = await readMail(raw);
  const envelope = envelopes < MAX_ENVELOPES ? readPecEnvelope(mail) : null;
  if (envelope) {
    const inner = await parseWithin(envelope.innerMessage, envelopes + 1);
    const certified = {
      transport: envelope.transport,
      envelopeMessageId: messageIdOf(mail, raw),
      ...withoutUndefined({
        certifiedSender: envelope.certifiedSender,
        providerMessageId: envelope.providerMessageId,
      }),
    };
    return { ...inner, ...withoutUndefined({ receivedAt: receivedAt(mail) }), certified };
  }
  const described = describe(mail, raw);
  const classified = classify(mail);
  // A complaint reaches us from the provider, not at our VERP address: ARF names it.
  const complainedFrom = classified.complaint?.originalMailFrom;
  const bounceToken =
    described.bounceToken ?? (complainedFrom ? bounceTokenFromAddress(complainedFrom) : undefined);
  return { ...described, ...classified, ...withoutUndefined({ bounceToken }) };
}

function classify(
  mail: ParsedMail,
): Pick<InboundEmail, "kind" | "bounce" | "complaint" | "pecReceipt" | "autoReplyReason"> {
  const pecReceipt = readPecReceipt(mail);
  if (pecReceipt) return { kind: "pec_receipt", pecReceipt };
  const report = readDeliveryReport(mail);
  if (report?.kind === "complaint") return { kind: "complaint", complaint: report };
  if (report?.kind === "bounce") return { kind: "bounce", bounce: report };
  const reason = autoReplyReason(mail);
  if (reason) return { kind: "auto_reply", autoReplyReason: reason };
  return { kind: "reply" };
}

function describe(mail: ParsedMail, raw: Buffer): Omit<InboundEmail, "kind"> {
  const from = mail.from?.value[0];
  const references = Array.isArray(mail.references)
    ? mail.references
    : (mail.references?.split(/\s+/) ?? []);
  const to = addressesOf(mail.to);
  return {
    messageId: messageIdOf(mail, raw),
    references: references.map(normalizeMessageId).filter((id): id is string => id !== undefined),
    from: from?.address ?? "",
    to,
    cc: addressesOf(mail.cc),
    subject: mail.subject ?? "",
    text: stripQuotedText(mail.text ?? ""),
    attachments: mail.attachments.map((part) => ({
      filename: part.filename ?? `attachment-${part.partId ?? "1"}`,
      contentType: part.contentType,
      size: part.size,
      content: part.content,
      inline: part.related === true,
    })),
    ...withoutUndefined({
      inReplyTo: normalizeMessageId(mail.inReplyTo),
      fromName: from?.name || undefined,
      html: typeof mail.html === "string" ? mail.html : undefined,
      receivedAt: receivedAt(mail),
      sentAt: mail.date,
      bounceToken: bounceToken(mail, to),
    }),
  };
}

/** A missing Message-ID is replaced by a hash of the message, so a redelivery dedupes. */
function messageIdOf(mail: ParsedMail, raw: Buffer): string {
  const given = normalizeMessageId(mail.messageId);
  if (given) return given;
  return `<sha256-${createHash("sha256").update(raw).digest("hex").slice(0, 32)}@saldo.invalid>`;
}

/** The newest Received header ends in "; <date>": when our own server took the message. */
function receivedAt(mail: ParsedMail): Date | undefined {
  const newest = headerTexts(mail, "received")[0];
  const stamp = newest
    ?.slice(newest.lastIndexOf(";") + 1)
    .replace(/\([^)]*\)/g, "")
    .trim();
  const instant = stamp ? new Date(stamp) : undefined;
  return instant && !Number.isNaN(instant.getTime()) ? instant : undefined;
}

/** The envelope recipient first: Delivered-To survives when To names someone else. */
function bounceToken(mail: ParsedMail, to: string[]): string | undefined {
  const envelope = ["delivered-to", "x-original-to", "envelope-to"].flatMap((name) =>
    headerTexts(mail, name),
  );
  for (const address of [...envelope, ...to]) {
    const token = bounceTokenFromAddress(address);
    if (token) return token;
  }
  return undefined;
}
