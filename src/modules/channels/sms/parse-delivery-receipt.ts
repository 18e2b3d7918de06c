/**
 * Delivery receipts as SMSCs write them. SMPP 3.4 (Appendix B) leaves the
 * format "vendor specific" but nearly everyone sends
 * `id:IIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...`,
 * and SMPP 3.4 SMSCs may add receipted_message_id / message_state TLVs.
 */
import type { DeliveryStatus } from "./sms-transport.js";

export interface ReceiptText {
  id: string;
  sub?: string;
  dlvrd?: string;
  submitDate?: string;
  doneDate?: string;
  stat?: string;
  err?: string;
  text?: string;
}

const FIELD_NAMES: Record<string, keyof ReceiptText> = {
  id: "id",
  sub: "sub",
  dlvrd: "dlvrd",
  "submit date": "submitDate",
  "done date": "doneDate",
  stat: "stat",
  err: "err",
  text: "text",
};

// A field runs from its label to the next label; `text:` is last and takes the rest.
const FIELD_LABEL = /(?:^|\s)(id|sub|dlvrd|submit[ _]date|done[ _]date|stat|err|text):/gi;

/** The fields of a receipt text, or undefined when it carries no message id. */
export function parseReceiptText(text: string): ReceiptText | undefined {
  const labels = [...text.matchAll(FIELD_LABEL)];
  const fields: Partial<ReceiptText> = {};
  for (const [i, label] of labels.entries()) {
    const name = FIELD_NAMES[label[1]!.toLowerCase().replace("_", " ")]!;
    const start = label.index + label[0].length;
    if (name === "text") {
      fields.text = text.slice(start).trim(); // the free text may contain anything, labels too
      break;
    }
    fields[name] ??= text.slice(start, labels[i + 1]?.index ?? text.length).trim();
  }
  if (!fields.id) return undefined;
  return { ...fields, id: fields.id };
}

const STAT_STATUS: Record<string, DeliveryStatus> = {
  DELIVRD: "delivered",
  DELIVERED: "delivered",
  UNDELIV: "failed",
  UNDELIVERABLE: "failed",
  REJECTD: "failed",
  REJECTED: "failed",
  DELETED: "failed",
  EXPIRED: "expired",
};

/** `stat:` of a receipt text; ACCEPTD, ENROUTE, UNKNOWN and anything new are "unknown". */
export function statusFromStat(stat: string | undefined): DeliveryStatus {
  return STAT_STATUS[(stat ?? "").toUpperCase()] ?? "unknown";
}

/** The message_state TLV (SMPP 3.4, 5.2.28). */
export function statusFromMessageState(state: number): DeliveryStatus {
  switch (state) {
    case 2: // DELIVERED
      return "delivered";
    case 3: // EXPIRED
      return "expired";
    case 4: // DELETED
    case 5: // UNDELIVERABLE
    case 8: // REJECTED
      return "failed";
    default: // SCHEDULED, ENROUTE, ACCEPTED, UNKNOWN, SKIPPED
      return "unknown";
  }
}

/** `err:` means "no error" when it is absent or all zeros. */
export function receiptErrorCode(err: string | undefined): string | undefined {
  return err && !/^0+$/.test(err) ? err : undefined;
}
