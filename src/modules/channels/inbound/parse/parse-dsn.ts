/**
 * Delivery status notifications (RFC 3464: multipart/report;
 * report-type=delivery-status) and, through the same door, complaints (ARF).
 * Servers that still send plain-text bounces are read on a best-effort basis.
 */
import type { ParsedMail } from "mailparser";
import {
  addressesOf,
  attachmentOfType,
  embeddedMessageId,
  normalizeMessageId,
  parseFieldGroups,
  readMail,
  withoutUndefined,
} from "./mail-fields.js";
import { type Complaint, readFeedbackReport } from "./parse-feedback-report.js";

export type DsnAction = "failed" | "delayed" | "delivered" | "relayed" | "expanded";

export interface RecipientStatus {
  action: DsnAction;
  /** The enhanced status code (RFC 3463), e.g. "5.1.1". */
  status: string;
  /** 5.x.x: the address will not work, stop using it; 4.x.x: transient, the server retries. */
  permanent: boolean;
  diagnostic?: string;
  finalRecipient?: string;
  originalRecipient?: string;
  remoteMta?: string;
}

export interface Bounce extends RecipientStatus {
  kind: "bounce";
  /** The Message-ID of our message, read from the copy or headers the report returns. */
  originalMessageId?: string;
  /** ENVID we set when sending, when the reporting server kept it. */
  originalEnvelopeId?: string;
  reportingMta?: string;
  /** Every recipient the report speaks of; the top-level fields are the gravest one's. */
  recipients: RecipientStatus[];
}

export type DeliveryReport = Bounce | Complaint;

const DELIVERY_STATUS_TYPES = ["message/delivery-status", "message/global-delivery-status"];
const ACTIONS: readonly DsnAction[] = ["failed", "delayed", "delivered", "relayed", "expanded"];

/** A bounce or complaint from raw mail, or null when the message is neither. */
export async function parseDsn(raw: Buffer): Promise<DeliveryReport | null> {
  return readDeliveryReport(await readMail(raw));
}

export function readDeliveryReport(mail: ParsedMail): DeliveryReport | null {
  const complaint = readFeedbackReport(mail);
  if (complaint) return complaint;
  const part = attachmentOfType(mail, ...DELIVERY_STATUS_TYPES);
  if (part) return readStructuredBounce(mail, part.content.toString("utf8"));
  return looksLikePlainBounce(mail) ? readPlainBounce(mail) : null;
}

function readStructuredBounce(mail: ParsedMail, report: string): Bounce | null {
  const [perMessage = new Map<string, string>(), ...perRecipient] = parseFieldGroups(report);
  const recipients = perRecipient
    .filter((fields) => fields.has("action") || fields.has("status"))
    .map(recipientStatus);
  const gravest = [...recipients].sort((a, b) => gravity(b) - gravity(a))[0];
  if (!gravest) return null;
  return {
    kind: "bounce",
    ...gravest,
    ...withoutUndefined({
      originalMessageId: embeddedMessageId(mail),
      originalEnvelopeId: perMessage.get("original-envelope-id"),
      reportingMta: withoutType(perMessage.get("reporting-mta")),
    }),
    recipients,
  };
}

function recipientStatus(fields: Map<string, string>): RecipientStatus {
  const diagnostic = withoutType(fields.get("diagnostic-code"));
  const status =
    statusCode(fields.get("status")) ??
    statusCode(diagnostic) ??
    defaultStatus(fields.get("action"));
  const action = actionOf(fields.get("action"), status);
  return {
    action,
    status,
    permanent: status.startsWith("5"),
    ...withoutUndefined({
      diagnostic,
      finalRecipient: withoutType(fields.get("final-recipient")),
      originalRecipient: withoutType(fields.get("original-recipient")),
      remoteMta: withoutType(fields.get("remote-mta")),
    }),
  };
}

/** "rfc822; mario@example.it" → "mario@example.it"; "smtp; 550 ..." → "550 ...". */
function withoutType(value: string | undefined): string | undefined {
  const text = value
    ?.replace(/^[\w-]+\s*;\s*/, "")
    .replace(/\s+/g, " ")
    .trim();
  return text || undefined;
}

function statusCode(text: string | undefined): string | undefined {
  return text?.match(/\b([245]\.\d{1,3}\.\d{1,3})\b/)?.[1];
}

function defaultStatus(action: string | undefined): string {
  const normalized = action?.toLowerCase().trim();
  if (normalized === "failed") return "5.0.0";
  if (normalized === "delayed") return "4.0.0";
  return "2.0.0";
}

function actionOf(action: string | undefined, status: string): DsnAction {
  const normalized = action?.toLowerCase().trim() as DsnAction | undefined;
  if (normalized && ACTIONS.includes(normalized)) return normalized;
  if (status.startsWith("5")) return "failed";
  return status.startsWith("4") ? "delayed" : "delivered";
}

function gravity(status: RecipientStatus): number {
  return status.action === "failed" ? 2 : status.action === "delayed" ? 1 : 0;
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon)@/i;
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (status|failure|has failed)|returned mail|failure notice|mail delivery failed|non recapitabil|mancata consegna|impossibile recapitare/i;
const DELAY_SUBJECT = /delay|warning|ritard/i;

function looksLikePlainBounce(mail: ParsedMail): boolean {
  const fromDaemon = addressesOf(mail.from).some((address) => BOUNCE_SENDER.test(address));
  return fromDaemon && BOUNCE_SUBJECT.test(mail.subject ?? "");
}

/** A plain-text bounce: the status code in its prose, if any, tells permanent from transient. */
function readPlainBounce(mail: ParsedMail): Bounce {
  const text = mail.text ?? "";
  const smtpCode = text.match(/\b([45])\d\d\b/)?.[1];
  const delayed = DELAY_SUBJECT.test(mail.subject ?? "");
  const status = statusCode(text) ?? (smtpCode ? `${smtpCode}.0.0` : delayed ? "4.0.0" : "5.0.0");
  const finalRecipient = text.match(/<([^<>\s@]+@[^<>\s]+)>/)?.[1];
  const recipient: RecipientStatus = {
    action: status.startsWith("5") ? "failed" : "delayed",
    status,
    permanent: status.startsWith("5"),
    ...withoutUndefined({ finalRecipient }),
  };
  const quotedId = normalizeMessageId(text.match(/^\s*Message-ID:\s*(<[^>]+>)/im)?.[1]);
  const originalMessageId = embeddedMessageId(mail) ?? quotedId;
  return {
    kind: "bounce",
    ...recipient,
    ...withoutUndefined({ originalMessageId }),
    recipients: [recipient],
  };
}
