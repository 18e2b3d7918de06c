/**
 * Complaints: a mailbox provider telling us a recipient pressed "this is spam"
 * (ARF, RFC 5965: multipart/report; report-type=feedback-report). For a debt
 * collector a complaint is an objection to contact and is handled like one.
 */
import type { ParsedMail } from "mailparser";
import {
  attachmentOfType,
  embeddedMessageId,
  normalizeMessageId,
  parseFieldGroups,
  withoutUndefined,
} from "./mail-fields.js";

export interface Complaint {
  kind: "complaint";
  /** abuse, fraud, virus, other, not-spam (RFC 5965 section 7.3), lower case. */
  feedbackType: string;
  /** The Message-ID of our message the recipient complained about. */
  originalMessageId?: string;
  /** Original-Rcpt-To: the recipient who complained, when the provider discloses it. */
  originalRecipient?: string;
  /** Original-Mail-From: our envelope sender, which carries the VERP token. */
  originalMailFrom?: string;
  userAgent?: string;
  arrivalDate?: Date;
  sourceIp?: string;
}

const FEEDBACK_REPORT_TYPES = ["message/feedback-report"];

export function isFeedbackReport(mail: ParsedMail): boolean {
  return attachmentOfType(mail, ...FEEDBACK_REPORT_TYPES) !== undefined;
}

/** The complaint in a feedback report, or null when the message carries none. */
export function readFeedbackReport(mail: ParsedMail): Complaint | null {
  const part = attachmentOfType(mail, ...FEEDBACK_REPORT_TYPES);
  if (!part) return null;
  const fields = parseFieldGroups(part.content.toString("utf8"))[0] ?? new Map<string, string>();
  const arrival = fields.get("arrival-date") ?? fields.get("received-date");
  const arrivalDate = arrival ? new Date(arrival.replace(/\([^)]*\)/g, "").trim()) : undefined;
  const optional = {
    originalMessageId:
      embeddedMessageId(mail) ?? normalizeMessageId(fields.get("original-message-id")),
    originalRecipient: bareAddress(fields.get("original-rcpt-to")),
    originalMailFrom: bareAddress(fields.get("original-mail-from")),
    userAgent: fields.get("user-agent"),
    arrivalDate: arrivalDate && !Number.isNaN(arrivalDate.getTime()) ? arrivalDate : undefined,
    sourceIp: fields.get("source-ip"),
  };
  return {
    kind: "complaint",
    feedbackType: (fields.get("feedback-type") ?? "other").toLowerCase(),
    ...withoutUndefined(optional),
  };
}

function bareAddress(value: string | undefined): string | undefined {
  const address = value?.match(/<([^<>]*)>/)?.[1] ?? value;
  return address?.trim() || undefined;
}
