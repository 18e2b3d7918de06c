import type { SmsTransport } from "../sms/sms-transport.js";
import { SmsSendError } from "../sms/sms-transport.js";
import { type ChannelTransport, SendError } from "./transport";

/** Provider codes that mean the number itself is wrong (not a passing trouble). */
const BAD_NUMBER = new Set(["ESME_RINVDSTADR", "invalid_destination"]);
/** Failures after the submit left: the provider may have the message (never resend, ADR 0004). */
const AMBIGUOUS = new Set(["timeout", "connection_lost", "network", "invalid_response"]);

/** An SMS provider (SMPP or HTTP) as the dispatcher's channel transport. */
export function smsChannel(transport: SmsTransport): ChannelTransport {
  return {
    name: transport.name,
    async send(message) {
      try {
        const result = await transport.send({
          from: message.from.address,
          to: message.to,
          text: message.text,
          reference: message.id,
        });
        return { providerIds: result.providerIds, delivered: false, segments: result.segments };
      } catch (error) {
        if (error instanceof SmsSendError) {
          const code = error.code ? `${error.code}: ` : "";
          throw new SendError(
            `${code}${error.message}`,
            error.permanent,
            BAD_NUMBER.has(error.code ?? ""),
            AMBIGUOUS.has(error.code ?? ""),
          );
        }
        throw new SendError(String(error), false);
      }
    },
    close: () => transport.close(),
  };
}
