/**
 * How a dialer signs its webhook calls: HMAC-SHA256 with the tenant's secret over
 * `<timestamp>.<raw body>`, sent as `x-saldo-signature: sha256=<hex>` beside
 * `x-saldo-timestamp: <Unix seconds>`. The timestamp is signed too, so a captured
 * call cannot be replayed more than five minutes later (and within those five
 * minutes the dialer's call ids make a replay record nothing twice).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const DIALER_TIMESTAMP_HEADER = "x-saldo-timestamp";
export const DIALER_SIGNATURE_HEADER = "x-saldo-signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function mac(rawBody: Buffer | string, timestamp: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest();
}

/** The header value for a body signed at `timestamp` (Unix seconds): for dialers written against Saldo, and tests. */
export function signDialerWebhook(
  rawBody: Buffer | string,
  timestamp: number | string,
  secret: string,
): string {
  return `sha256=${mac(rawBody, String(timestamp), secret).toString("hex")}`;
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; problem: "missing" | "malformed" | "stale" | "mismatch" };

/** Whether this call was signed with `secret` in the last five minutes. The problem is for tests, not for the caller. */
export function checkDialerSignature(input: {
  rawBody: Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  secret: string;
  now: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !input.secret) return { ok: false, problem: "missing" };
  const sent = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
  if (!/^\d{1,12}$/.test(timestamp) || !sent) return { ok: false, problem: "malformed" };
  const age = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (age > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, problem: "stale" };
  // Both sides are 32 bytes, as timingSafeEqual requires.
  const expected = mac(input.rawBody, timestamp, input.secret);
  if (!timingSafeEqual(Buffer.from(sent[1]!, "hex"), expected)) {
    return { ok: false, problem: "mismatch" };
  }
  return { ok: true };
}

/** The first value of a header, as Fastify gives them. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
