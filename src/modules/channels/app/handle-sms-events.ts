import { createHash } from "node:crypto";
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import type { DeliveryReceipt, InboundSms } from "../sms/sms-transport.js";
import { receiveReply } from "./receive-reply";
import { recordDelivery } from "./record-delivery";

type Deps = { database: Database; clock: Clock };

/** A delivery receipt: delivered, or gone for good (undeliverable or expired: the strategy falls back). */
export function recordSmsReceipt(deps: Deps, receipt: DeliveryReceipt) {
  if (receipt.status === "unknown") return Promise.resolve("unchanged" as const);
  return recordDelivery(
    deps,
    { providerId: receipt.providerId },
    receipt.status === "delivered"
      ? { kind: "delivered", at: receipt.at }
      : {
          kind: "failed",
          permanent: true,
          badRecipient: false,
          detail: `SMS ${receipt.status}${receipt.errorCode ? ` (error ${receipt.errorCode})` : ""}`,
          at: receipt.at,
        },
  );
}

/** A text from a debtor's phone. SMS has no threading: it answers the latest SMS to that number. */
export function receiveSmsReply(deps: Deps, sms: InboundSms) {
  // Providers redeliver on a failed acknowledgement: the same sender, time and text is one message.
  const ref = createHash("sha256")
    .update(`${sms.from}|${sms.to}|${sms.at.toISOString()}|${sms.text}`)
    .digest("hex");
  return receiveReply(deps, {
    channel: "sms",
    externalRef: `sms:${ref}`,
    sender: sms.from,
    recipient: sms.to,
    subject: null,
    text: sms.text,
    receivedAt: sms.at,
    answers: [],
    automatic: false,
  });
}
