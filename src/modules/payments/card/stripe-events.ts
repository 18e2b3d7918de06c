/**
 * Stripe events → provider-neutral CardEvents. Pure: no I/O, no clock; the
 * instant comes from the event itself.
 */
import type Stripe from "stripe";
import type { CardEvent, CardEventKind } from "./card-provider.js";

type Expandable = string | { id: string } | null | undefined;

const idOf = (value: Expandable): string | undefined =>
  typeof value === "string" ? value : (value?.id ?? undefined);

// Stripe amounts are JSON integers (≤ 8 digits), so the bigint conversion is exact.
const minorUnits = (amount: number | null | undefined): bigint | undefined =>
  typeof amount === "number" && Number.isSafeInteger(amount) ? BigInt(amount) : undefined;

// Stripe metadata values are strings already; copy so callers cannot mutate the event.
const metadataOf = (metadata: Stripe.Metadata | null | undefined): Record<string, string> => ({
  ...(metadata ?? {}),
});

function fromSession(
  event: Stripe.Event,
  kind: CardEventKind,
  session: Stripe.Checkout.Session,
): CardEvent {
  return {
    eventId: event.id,
    kind,
    providerType: event.type,
    sessionId: session.id,
    paymentId: idOf(session.payment_intent),
    amountMinor: minorUnits(session.amount_total),
    currency: session.currency ?? undefined,
    metadata: metadataOf(session.metadata),
    occurredAt: new Date(event.created * 1000),
  };
}

/** Maps one verified Stripe event; anything we do not act on becomes "ignored". */
export function cardEventFromStripe(event: Stripe.Event): CardEvent {
  switch (event.type) {
    case "checkout.session.completed": {
      // "unpaid" here means an async method (e.g. SEPA debit) is still pending;
      // the outcome arrives later as async_payment_succeeded/failed.
      const paid = event.data.object.payment_status === "paid";
      return fromSession(event, paid ? "paid" : "ignored", event.data.object);
    }
    case "checkout.session.async_payment_succeeded":
      return fromSession(event, "paid", event.data.object);
    case "checkout.session.async_payment_failed":
      return fromSession(event, "failed", event.data.object);
    case "checkout.session.expired":
      return fromSession(event, "expired", event.data.object);
    case "charge.refunded": {
      const charge = event.data.object;
      return {
        eventId: event.id,
        kind: "refunded",
        providerType: event.type,
        paymentId: idOf(charge.payment_intent),
        amountMinor: minorUnits(charge.amount_refunded),
        currency: charge.currency,
        // Present because createCheckout copies the metadata into payment_intent_data.
        metadata: metadataOf(charge.metadata),
        occurredAt: new Date(event.created * 1000),
      };
    }
    default:
      return {
        eventId: event.id,
        kind: "ignored",
        providerType: event.type,
        metadata: {},
        occurredAt: new Date(event.created * 1000),
      };
  }
}
