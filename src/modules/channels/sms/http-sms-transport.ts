/**
 * A generic HTTP SMS provider: one JSON POST per message, bearer token;
 * receipts and replies come back by signed webhook (see sms-webhook.ts).
 *
 *   POST <url>  {"from", "to", "text", "reference"}  →  2xx {"ids": ["<provider id>", ...]}
 */
import { planSegments } from "./gsm7.js";
import { Listeners } from "./listeners.js";
import {
  assertSendable,
  type DeliveryReceipt,
  type InboundSms,
  type SmsListener,
  type SmsMessage,
  SmsSendError,
  type SmsSendResult,
  type SmsTransport,
} from "./sms-transport.js";
import { isDeliveryReceipt, parseSmsWebhook, type SmsWebhookHeaders } from "./sms-webhook.js";

export interface HttpSmsTransportOptions {
  /** The provider's send endpoint. */
  url: string;
  token: string;
  /** Shared secret the provider signs its webhook calls with. */
  webhookSecret: string;
  timeoutMs?: number;
  name?: string;
}

export interface HttpSmsTransport extends SmsTransport {
  /**
   * For the webhook route: verifies and parses one call, then runs the
   * listeners. Throws SmsWebhookError for a bad call; a listener's failure
   * propagates so the route answers 5xx and the provider calls again.
   */
  handleWebhook(rawBody: Buffer, headers: SmsWebhookHeaders): Promise<DeliveryReceipt | InboundSms>;
}

const BODY_EXCERPT = 200;

export function createHttpSmsTransport(options: HttpSmsTransportOptions): HttpSmsTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const receipts = new Listeners<DeliveryReceipt>();
  const inbound = new Listeners<InboundSms>();
  let closed = false;

  async function post(message: SmsMessage): Promise<{ status: number; body: string }> {
    try {
      const response = await fetch(options.url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${options.token}`,
          "content-type": "application/json",
          accept: "application/json",
        },
        body: JSON.stringify({
          from: message.from,
          to: message.to,
          text: message.text,
          reference: message.reference,
        }),
        redirect: "error", // a redirected POST would silently become a GET
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      const reason = timedOut ? `no answer within ${timeoutMs} ms` : networkReason(error);
      throw new SmsSendError(
        `SMS provider ${new URL(options.url).host}: ${reason}`,
        false,
        timedOut ? "timeout" : "network",
        { cause: error },
      );
    }
  }

  return {
    name: options.name ?? "http-sms",

    async send(message: SmsMessage): Promise<SmsSendResult> {
      if (closed) throw new SmsSendError("HTTP SMS transport is closed", false, "transport_closed");
      assertSendable(message);
      const plan = planSegments(message.text);
      const { status, body } = await post(message);
      if (status < 200 || status >= 300) throw refusal(status, body, message.reference);
      const providerIds = idsFrom(body);
      if (!providerIds) {
        // The provider took the message: sending it again could reach the debtor twice.
        throw new SmsSendError(
          `SMS provider accepted ${message.reference} (HTTP ${status}) without {"ids": [...]}: ${body.slice(0, BODY_EXCERPT)}`,
          true,
          "invalid_response",
        );
      }
      return { providerIds, segments: plan.segments.length, encoding: plan.encoding };
    },

    onDeliveryReceipt(listener: SmsListener<DeliveryReceipt>): void {
      receipts.add(listener);
    },

    onInbound(listener: SmsListener<InboundSms>): void {
      inbound.add(listener);
    },

    async handleWebhook(rawBody, headers) {
      const event = parseSmsWebhook(rawBody, headers, options.webhookSecret);
      if (isDeliveryReceipt(event)) await receipts.emit(event);
      else await inbound.emit(event);
      return event;
    },

    async close(): Promise<void> {
      closed = true;
    },
  };
}

/** 4xx: the provider will refuse this message again; 429 and 5xx: it may take it later. */
function refusal(status: number, body: string, reference: string): SmsSendError {
  const permanent = status >= 400 && status < 500 && status !== 429;
  return new SmsSendError(
    `SMS provider refused ${reference} with HTTP ${status}: ${body.slice(0, BODY_EXCERPT)}`,
    permanent,
    `http_${status}`,
  );
}

function idsFrom(body: string): string[] | undefined {
  try {
    const parsed = JSON.parse(body) as { ids?: unknown };
    const ids = parsed?.ids;
    const valid =
      Array.isArray(ids) &&
      ids.length > 0 &&
      ids.every((id) => typeof id === "string" && id !== "");
    return valid ? (ids as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND...) is in its cause. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
