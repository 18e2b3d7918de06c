import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { CardWebhookError } from "./card-provider.js";
import { stripeCardProvider } from "./stripe-provider.js";

// Parsing needs no network; the API address is a closed local port all the same.
const webhookSecret = "whsec_test_saldo_webhook_secret";
const provider = stripeCardProvider({
  secretKey: "sk_test_unused",
  webhookSecret,
  apiUrl: "http://127.0.0.1:9",
  maxNetworkRetries: 0,
});
const created = 1_767_225_600; // 2026-01-01T00:00:00Z
const metadata = { tenantId: "t1", caseId: "c1", checkoutId: "chk1" };

function event(type: string, object: Record<string, unknown>): string {
  return JSON.stringify({
    id: `evt_test_${type.replaceAll(".", "_")}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
}

const session = (overrides: Record<string, unknown> = {}) => ({
  id: "cs_test_a1xyz",
  object: "checkout.session",
  amount_total: 12_345,
  currency: "eur",
  metadata,
  payment_intent: "pi_test_123",
  payment_status: "paid",
  status: "complete",
  ...overrides,
});

const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) => ({
  "stripe-signature": Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? webhookSecret,
    timestamp: options.timestamp,
  }),
});

describe("parseWebhook with genuine signatures", () => {
  it.each([
    ["checkout.session.completed", session(), "paid"],
    ["checkout.session.completed", session({ payment_status: "unpaid" }), "ignored"],
    ["checkout.session.async_payment_succeeded", session(), "paid"],
    ["checkout.session.async_payment_failed", session({ payment_status: "unpaid" }), "failed"],
    ["checkout.session.expired", session({ status: "expired", payment_intent: null }), "expired"],
  ])("maps %s (%#) to %s", (type, object, kind) => {
    const payload = event(type, object);
    const parsed = provider.parseWebhook(payload, sign(payload));
    expect(parsed).toEqual({
      eventId: `evt_test_${type.replaceAll(".", "_")}`,
      kind,
      providerType: type,
      sessionId: "cs_test_a1xyz",
      paymentId: object.payment_intent ?? undefined,
      amountMinor: 12_345n,
      currency: "eur",
      metadata,
      occurredAt: new Date(created * 1000),
    });
  });

  it("maps charge.refunded with the cumulative refunded amount and the PaymentIntent metadata", () => {
    const payload = event("charge.refunded", {
      id: "ch_test_1",
      object: "charge",
      amount: 12_345,
      amount_refunded: 2_000,
      currency: "eur",
      metadata,
      payment_intent: { id: "pi_test_123", object: "payment_intent" },
      refunded: false,
    });
    expect(provider.parseWebhook(Buffer.from(payload), sign(payload))).toMatchObject({
      kind: "refunded",
      paymentId: "pi_test_123",
      amountMinor: 2_000n,
      currency: "eur",
      metadata,
    });
  });

  it("ignores events it does not act on", () => {
    const payload = event("payment_intent.succeeded", { id: "pi_test_123", metadata });
    expect(provider.parseWebhook(payload, sign(payload))).toEqual({
      eventId: "evt_test_payment_intent_succeeded",
      kind: "ignored",
      providerType: "payment_intent.succeeded",
      metadata: {},
      occurredAt: new Date(created * 1000),
    });
  });

  it("finds the header whatever its case", () => {
    const payload = event("checkout.session.completed", session());
    const headers = { "Stripe-Signature": sign(payload)["stripe-signature"] };
    expect(provider.parseWebhook(payload, headers).kind).toBe("paid");
  });
});

describe("parseWebhook refuses what it cannot trust", () => {
  const payload = event("checkout.session.completed", session());
  const cases: [string, string, Record<string, string | string[] | undefined>][] = [
    ["a tampered body", payload.replace("12345", "1"), sign(payload)],
    ["another secret", payload, sign(payload, { secret: "whsec_someone_else" })],
    [
      "a stale timestamp",
      payload,
      sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
    ],
    ["a missing header", payload, {}],
    ["an empty header", payload, { "stripe-signature": "" }],
    ["a garbled header", payload, { "stripe-signature": "not-a-signature" }],
    [
      "two headers",
      payload,
      { "stripe-signature": [sign(payload)["stripe-signature"], "t=1,v1=00"] },
    ],
  ];

  it.each(cases)("rejects %s with CardWebhookError (401)", (_name, body, headers) => {
    const error = catchError(() => provider.parseWebhook(body, headers));
    expect(error).toBeInstanceOf(CardWebhookError);
    expect(error).toMatchObject({ code: "unauthenticated", status: 401 });
    expect((error as Error).message).not.toContain(webhookSecret);
  });

  it("accepts a timestamp just inside the 300 s tolerance", () => {
    const timestamp = Math.floor(Date.now() / 1000) - 290;
    expect(provider.parseWebhook(payload, sign(payload, { timestamp })).kind).toBe("paid");
  });

  it("answers a signed body that is not JSON with bad_request, not unauthenticated", () => {
    const error = catchError(() => provider.parseWebhook("not json", sign("not json")));
    expect(error).toBeInstanceOf(AppError);
    expect(error).not.toBeInstanceOf(CardWebhookError);
    expect(error).toMatchObject({ code: "bad_request" });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
