import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Compact signed tokens for links a debtor receives (portal, unsubscribe):
 * base64url(JSON payload) + "." + base64url(HMAC-SHA256). The purpose is part
 * of what is signed, so an unsubscribe token never opens the portal.
 */
export interface TokenSigner {
  sign(purpose: string, payload: Record<string, unknown>): string;
  /** The payload, or null when the token is malformed, forged or for another purpose. */
  verify(purpose: string, token: string): Record<string, unknown> | null;
  /** A short token for links in an SMS: the raw bytes and a 96-bit MAC, base64url. */
  signBytes(purpose: string, payload: Buffer): string;
  verifyBytes(purpose: string, token: string): Buffer | null;
  /** A key of its own for another use of the same secret (e.g. hashing one-time codes). */
  deriveKey(purpose: string): Buffer;
}

/** 96 bits: forging one link by chance would take 2^96 tries. */
const SHORT_MAC_BYTES = 12;

export function createTokenSigner(secret: string): TokenSigner {
  const mac = (purpose: string, body: string) =>
    createHmac("sha256", secret).update(`${purpose}.${body}`).digest();
  return {
    deriveKey(purpose) {
      return createHmac("sha256", secret).update(`key.${purpose}`).digest();
    },
    signBytes(purpose, payload) {
      const tag = mac(purpose, payload.toString("base64url")).subarray(0, SHORT_MAC_BYTES);
      return Buffer.concat([payload, tag]).toString("base64url");
    },
    verifyBytes(purpose, token) {
      if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
      const raw = Buffer.from(token, "base64url");
      if (raw.length <= SHORT_MAC_BYTES) return null;
      const payload = raw.subarray(0, raw.length - SHORT_MAC_BYTES);
      const given = raw.subarray(raw.length - SHORT_MAC_BYTES);
      const expected = mac(purpose, payload.toString("base64url")).subarray(0, SHORT_MAC_BYTES);
      return timingSafeEqual(given, expected) ? payload : null;
    },
    sign(purpose, payload) {
      const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
      return `${body}.${mac(purpose, body).toString("base64url")}`;
    },
    verify(purpose, token) {
      const [body, signature, extra] = token.split(".");
      if (!body || !signature || extra !== undefined) return null;
      const expected = mac(purpose, body);
      const given = Buffer.from(signature, "base64url");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const payload: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
        return payload && typeof payload === "object" ? (payload as Record<string, unknown>) : null;
      } catch {
        return null;
      }
    },
  };
}
