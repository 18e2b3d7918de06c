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
}

export function createTokenSigner(secret: string): TokenSigner {
  const mac = (purpose: string, body: string) =>
    createHmac("sha256", secret).update(`${purpose}.${body}`).digest();
  return {
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
