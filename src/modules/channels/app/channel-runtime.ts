import type { TokenSigner } from "../../../platform/signed-token";
import type { ChannelTransport } from "../transports/transport";

/** Links a debtor receives: the personal portal link and the one-click opt-out. */
export interface DebtorLinks {
  portal(caseId: string, now: Date): string;
  optOut(messageId: string): string;
  /** The message id an opt-out token names, or null when the token is not one of ours. */
  readOptOut(token: string): string | null;
}

/** Portal links expire: a forwarded old message should not open the case for ever. */
export const PORTAL_LINK_DAYS = 60;

export function createDebtorLinks(publicUrl: string, signer: TokenSigner): DebtorLinks {
  return {
    portal(caseId, now) {
      const expires = Math.floor(now.getTime() / 1000) + PORTAL_LINK_DAYS * 86_400;
      return `${publicUrl}/p/${signer.sign("portal", { c: caseId, x: expires })}`;
    },
    optOut(messageId) {
      return `${publicUrl}/u/${signer.sign("opt-out", { m: messageId })}`;
    },
    readOptOut(token) {
      const payload = signer.verify("opt-out", token);
      return typeof payload?.m === "string" ? payload.m : null;
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
}
