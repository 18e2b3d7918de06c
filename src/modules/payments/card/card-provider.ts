/**
 * The card payment provider port: a hosted checkout page plus signed webhooks.
 * Provider-neutral on purpose, so another PSP can follow Stripe with the same shape.
 */
import { AppError } from "../../../platform/errors.js";

export interface CheckoutRequest {
  /** Sent as the provider's idempotency key: a retried job gets the same session back. */
  idempotencyKey: string;
  amountMinor: bigint;
  /** ISO 4217, any case. */
  currency: string;
  description: string;
  locale: "it" | "en";
  successUrl: string;
  cancelUrl: string;
  customerEmail?: string;
  metadata: { tenantId: string; caseId: string; installmentId?: string; checkoutId: string };
  expiresAt?: Date;
}

export interface CheckoutSession {
  providerSessionId: string;
  /** Where to send the debtor's browser. */
  url: string;
  expiresAt?: Date;
}

export type CardEventKind = "paid" | "failed" | "expired" | "refunded" | "ignored";

export type CardEvent = {
  /** The provider's event id: the key for de-duplicating redeliveries. */
  eventId: string;
  kind: CardEventKind;
  /** The provider's own event type, kept for the audit trail. */
  providerType: string;
  sessionId?: string;
  /** The provider's payment id (Stripe: the payment_intent id). */
  paymentId?: string;
  /** For "refunded": the total refunded so far, not this refund alone. */
  amountMinor?: bigint;
  /** Lower-case ISO 4217, as the provider reports it. */
  currency?: string;
  metadata: Record<string, string>;
  occurredAt: Date;
};

export interface CardProvider {
  readonly name: string;
  createCheckout(req: CheckoutRequest): Promise<CheckoutSession>;
  /** Throws CardWebhookError on a bad, missing or stale signature. */
  parseWebhook(
    rawBody: string | Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): CardEvent;
}

/** A webhook we must not trust: answer 401 and let the provider retry or give up. */
export class CardWebhookError extends AppError {
  constructor(message: string) {
    super("unauthenticated", message);
    this.name = "CardWebhookError";
  }
}
