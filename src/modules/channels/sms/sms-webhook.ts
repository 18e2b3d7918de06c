/**
 * Callbacks from the generic HTTP SMS provider. Each POST carries a JSON body
 * signed with the shared secret: `x-saldo-signature: sha256=<hex HMAC-SHA256 of the raw body>`.
 *
 *   {"type": "receipt", "id": "<provider id>", "status": "delivered" | "failed" | "expired" | "unknown",
 *    "error": "<provider code, optional>", "at": "<ISO 8601 instant>"}
 *   {"type": "inbound", "from": "+393331234567", "to": "<our number>", "text": "STOP",
 *    "at": "<ISO 8601 instant>"}
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { DeliveryReceipt, InboundSms } from "./sms-transport.js";

export const SIGNATURE_HEADER = "x-saldo-signature";

export type SmsWebhookErrorCode = "signature_missing" | "signature_invalid" | "payload_invalid";

/** A webhook call to refuse: signature problems mean 401, a bad payload 400. */
export class SmsWebhookError extends Error {
  override readonly name = "SmsWebhookError";
  readonly code: SmsWebhookErrorCode;

  constructor(code: SmsWebhookErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type SmsWebhookHeaders = Readonly<Record<string, string | string[] | undefined>>;

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const payloadSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("receipt"),
    id: z.string().min(1),
    status: z.enum(["delivered", "failed", "expired", "unknown"]),
    error: z.string().min(1).optional(),
    at: instant,
  }),
  z.object({
    type: z.literal("inbound"),
    from: z.string().regex(/^\+[1-9]\d{6,14}$/, "an E.164 number"),
    to: z.string().min(1),
    text: z.string(),
    at: instant,
  }),
]);

/** Verifies the signature of the raw body, then reads the event it carries. */
export function parseSmsWebhook(
  rawBody: Buffer,
  headers: SmsWebhookHeaders,
  secret: string,
): DeliveryReceipt | InboundSms {
  verifySignature(rawBody, headerValue(headers, SIGNATURE_HEADER), secret);
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new SmsWebhookError("payload_invalid", "SMS webhook body is not JSON");
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) {
    throw new SmsWebhookError(
      "payload_invalid",
      `SMS webhook body: ${z.prettifyError(parsed.error)}`,
    );
  }
  const event = parsed.data;
  if (event.type === "inbound") {
    return { from: event.from, to: event.to, text: event.text, at: event.at };
  }
  return {
    providerId: event.id,
    status: event.status,
    ...(event.error ? { errorCode: event.error } : {}),
    at: event.at,
  };
}

export function isDeliveryReceipt(event: DeliveryReceipt | InboundSms): event is DeliveryReceipt {
  return "providerId" in event;
}

/** Signs a body as the provider must: for tests and for a provider written against Saldo. */
export function signSmsWebhook(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** Every signed callback (SMS, email events, inbound email) is checked the same way. */
export function verifySignature(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
  what = "SMS webhook",
): void {
  if (!secret) throw new Error(`${what} secret is not configured`);
  if (!header) {
    throw new SmsWebhookError("signature_missing", `${what} without ${SIGNATURE_HEADER} header`);
  }
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  // Both sides are 32 bytes here, as timingSafeEqual requires.
  if (!match || !timingSafeEqual(Buffer.from(match[1]!, "hex"), expected)) {
    throw new SmsWebhookError(
      "signature_invalid",
      `${what}: ${SIGNATURE_HEADER} does not match the body`,
    );
  }
}

function headerValue(headers: SmsWebhookHeaders, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}
