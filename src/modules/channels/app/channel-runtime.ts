import type { TokenSigner } from "../../../platform/signed-token";
import type { ChannelTransport } from "../transports/transport";

/** Links a debtor receives: the personal portal link and the one-click opt-out. */
export interface DebtorLinks {
  /** Where debtors reach Saldo, e.g. https://pay.example.it (no trailing slash). */
  publicUrl: string;
  portal(caseId: string, now: Date): string;
  optOut(messageId: string): string;
  /** The case a portal token names and until when it is valid, or null when it is not one of ours. */
  readPortal(token: string): { caseId: string; expiresAt: Date } | null;
  /** The message id an opt-out token names, or null when the token is not one of ours. */
  readOptOut(token: string): string | null;
}

/** Portal links expire: a forwarded old message should not open the case for ever. */
export const PORTAL_LINK_DAYS = 60;

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");
const uuidOf = (bytes: Buffer) =>
  bytes.toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");

/**
 * Tokens are short (an SMS pays for every character): the case or message id
 * as 16 bytes, for the portal an expiry in 4, and a 96-bit MAC.
 */
export function createDebtorLinks(publicUrl: string, signer: TokenSigner): DebtorLinks {
  return {
    publicUrl,
    portal(caseId, now) {
      const expires = Buffer.alloc(4);
      expires.writeUInt32BE(Math.floor(now.getTime() / 1000) + PORTAL_LINK_DAYS * 86_400);
      return `${publicUrl}/p/${signer.signBytes("portal", Buffer.concat([uuidBytes(caseId), expires]))}`;
    },
    readPortal(token) {
      const payload = signer.verifyBytes("portal", token);
      if (payload?.length !== 20) return null;
      return {
        caseId: uuidOf(payload.subarray(0, 16)),
        expiresAt: new Date(payload.readUInt32BE(16) * 1000),
      };
    },
    optOut(messageId) {
      return `${publicUrl}/u/${signer.signBytes("opt-out", uuidBytes(messageId))}`;
    },
    readOptOut(token) {
      const payload = signer.verifyBytes("opt-out", token);
      return payload?.length === 16 ? uuidOf(payload) : null;
    },
  };
}

/** What sending needs besides the database: the transports and how to write links and addresses. */
export interface ChannelRuntime {
  transports: { email: ChannelTransport; pec: ChannelTransport; sms: ChannelTransport };
  links: DebtorLinks;
  mailDomain: string;
  /** Messages in flight at once per dispatcher. */
  concurrency: number;
  /** Verifies provider webhooks; unset: those endpoints answer 503. */
  webhookSecret?: string | undefined;
  /** Hashes the one-time codes debtors sign plans with (never stored in clear). */
  codeKey: Buffer;
}
