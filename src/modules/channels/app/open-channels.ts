/**
 * The channels as configured for this installation: SMTP for email and PEC,
 * SMPP or an HTTP provider for SMS, each defaulting to the local outbox; the
 * signer of debtor links; receipts and replies wired to the database.
 */
import type { Clock } from "../../../platform/clock";
import type { ChannelConfig } from "../../../platform/config";
import type { Database } from "../../../platform/db/database";
import { loadOrCreateSecret } from "../../../platform/secret";
import { createTokenSigner } from "../../../platform/signed-token";
import { createHttpSmsTransport } from "../sms/http-sms-transport.js";
import { createSmppTransport } from "../sms/smpp-transport.js";
import type { SmsTransport } from "../sms/sms-transport.js";
import { createOutboxTransport } from "../transports/outbox-transport";
import { smsChannel } from "../transports/sms-channel";
import { createSmtpTransport } from "../transports/smtp-transport";
import { type ChannelRuntime, createDebtorLinks } from "./channel-runtime";
import { receiveSmsReply, recordSmsReceipt } from "./handle-sms-events";

export interface OpenChannels {
  runtime: ChannelRuntime;
  sms: SmsTransport | null;
  close(): Promise<void>;
}

export function openChannels(
  config: ChannelConfig,
  dataDir: string,
  deps: { database: Database; clock: Clock },
  log: (m: string) => void,
): OpenChannels {
  const signer = createTokenSigner(loadOrCreateSecret(config.secret, dataDir));
  const outbox = createOutboxTransport();
  const smtp = (url: string | undefined, name: string) =>
    url
      ? createSmtpTransport({
          url,
          mailDomain: config.mailDomain,
          name,
          maxConnections: Math.min(10, config.dispatchConcurrency),
        })
      : outbox;
  const sms = openSms(config);
  if (sms) {
    // A failing listener makes the SMSC deliver the event again (listeners are idempotent).
    sms.onDeliveryReceipt(async (receipt) => {
      const outcome = await recordSmsReceipt(deps, receipt);
      // A receipt can overtake the submit response that names its message: ask for it again.
      if (outcome === "unknown_message") {
        throw new Error(`receipt for unknown SMS ${receipt.providerId}`);
      }
    });
    sms.onInbound(async (message) => {
      await receiveSmsReply(deps, message).catch((error: Error) => {
        log(`SMS reply failed: ${error.message}`);
        throw error;
      });
    });
  }
  const runtime: ChannelRuntime = {
    transports: {
      email: smtp(config.smtpUrl, "smtp"),
      pec: smtp(config.pecSmtpUrl, "pec"),
      sms: sms ? smsChannel(sms) : outbox,
    },
    links: createDebtorLinks(config.publicUrl, signer),
    codeKey: signer.deriveKey("one-time-codes"),
    mailDomain: config.mailDomain,
    concurrency: config.dispatchConcurrency,
    webhookSecret: config.webhookSecret,
  };
  return {
    runtime,
    sms,
    async close() {
      await Promise.all(Object.values(runtime.transports).map((t) => t.close().catch(() => {})));
    },
  };
}

function openSms(config: ChannelConfig): SmsTransport | null {
  const url = config.smsUrl;
  if (!url) return null;
  if (url.startsWith("smpp://") || url.startsWith("ssmpp://")) return createSmppTransport({ url });
  return createHttpSmsTransport({
    url,
    token: config.smsHttpToken ?? "",
    webhookSecret: config.webhookSecret ?? "",
  });
}
