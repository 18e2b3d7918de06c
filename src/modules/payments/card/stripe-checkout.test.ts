import { createServer } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripePeer, startStripePeer } from "../../../../test/support/stripe-peer.js";
import { AppError } from "../../../platform/errors.js";
import type { CheckoutRequest } from "./card-provider.js";
import {
  type StripeCardProviderConfig,
  stripeCardProvider,
  stripeClientConfig,
} from "./stripe-provider.js";

let peer: StripePeer;
let config: StripeCardProviderConfig;

beforeAll(async () => {
  peer = await startStripePeer();
  config = {
    secretKey: peer.secretKey,
    webhookSecret: peer.webhookSecret,
    apiUrl: peer.url,
    maxNetworkRetries: 0,
    timeoutMs: 5_000,
  };
});
afterAll(() => peer.close());

const inAnHour = () => new Date(Date.now() + 3_600_000);
const request = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  idempotencyKey: `checkout-${Math.random()}`,
  amountMinor: 12_345n,
  currency: "EUR",
  description: "Rata 1 di 3 — fattura 2025/17",
  locale: "it",
  successUrl: "https://portal.example/pay/done?session={CHECKOUT_SESSION_ID}",
  cancelUrl: "https://portal.example/pay/cancelled",
  customerEmail: "mario.rossi@example.it",
  metadata: { tenantId: "t1", caseId: "c1", installmentId: "i1", checkoutId: "chk1" },
  expiresAt: inAnHour(),
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("stripe client configuration", () => {
  it("points at the peer over plain http with telemetry off, never at api.stripe.com", () => {
    const options = stripeClientConfig(config);
    expect(options).toMatchObject({
      host: "127.0.0.1",
      port: Number(new URL(peer.url).port),
      protocol: "http",
      telemetry: false,
      maxNetworkRetries: 0,
      timeout: 5_000,
    });
    const client = new Stripe(config.secretKey, options);
    expect(client.getApiField("host")).toBe("127.0.0.1");
  });

  it("refuses an apiUrl with a path, which the library would silently drop", () => {
    expect(() => stripeClientConfig({ ...config, apiUrl: `${peer.url}/stripe` })).toThrow(
      /without path/,
    );
  });
});

describe("stripeCardProvider.createCheckout against the peer", () => {
  it("creates a payment-mode session whose fields arrive as sent", async () => {
    const provider = stripeCardProvider(config);
    const req = request();
    const before = peer.requests.length;

    const created = await provider.createCheckout(req);

    expect(peer.requests.length).toBe(before + 1);
    const sent = peer.requests.at(-1)!;
    expect(sent).toMatchObject({
      method: "POST",
      path: "/v1/checkout/sessions",
      idempotencyKey: req.idempotencyKey,
    });
    expect(sent.params).toMatchObject({
      mode: "payment",
      line_items: {
        "0": {
          quantity: "1",
          price_data: {
            currency: "eur",
            unit_amount: "12345",
            product_data: { name: req.description },
          },
        },
      },
      payment_intent_data: { metadata: { caseId: "c1", checkoutId: "chk1" } },
    });
    const session = peer.sessions.get(created.providerSessionId)!;
    expect(created.providerSessionId).toMatch(/^cs_test_/);
    expect(created.url).toBe(`${peer.url}/pay/${created.providerSessionId}`);
    expect(created.expiresAt?.getTime()).toBe(Math.floor(req.expiresAt!.getTime() / 1000) * 1000);
    expect(session).toMatchObject({
      object: "checkout.session",
      amount_total: 12_345,
      currency: "eur",
      locale: "it",
      client_reference_id: "chk1",
      customer_email: "mario.rossi@example.it",
      metadata: { tenantId: "t1", caseId: "c1", installmentId: "i1", checkoutId: "chk1" },
      success_url: req.successUrl,
      cancel_url: req.cancelUrl,
      payment_status: "unpaid",
    });
  });

  it("returns the same session for the same idempotency key, a new one for a new key", async () => {
    const provider = stripeCardProvider(config);
    const req = request({
      expiresAt: undefined,
      metadata: { tenantId: "t1", caseId: "c2", checkoutId: "chk2" },
    });
    const first = await provider.createCheckout(req);
    const again = await provider.createCheckout(req);
    const other = await provider.createCheckout({ ...req, idempotencyKey: "another-key" });

    expect(again).toEqual(first);
    expect(other.providerSessionId).not.toBe(first.providerSessionId);
    expect(peer.sessions.get(first.providerSessionId)?.metadata).toEqual({
      tenantId: "t1",
      caseId: "c2",
      checkoutId: "chk2",
    });
  });

  it("maps a reused key with other parameters to a non-retryable unavailable error", async () => {
    const provider = stripeCardProvider(config);
    const req = request();
    await provider.createCheckout(req);
    const error = await failure(provider.createCheckout({ ...req, amountMinor: 1n }));
    expect(error.code).toBe("unavailable");
    expect(error.details).toMatchObject({ retryable: false, stripeType: "StripeIdempotencyError" });
  });

  it("maps a rejected key to unavailable without leaking the key", async () => {
    const secretKey = "sk_test_WrongKeyThatMustNeverBeLogged123";
    const provider = stripeCardProvider({ ...config, secretKey });
    const error = await failure(provider.createCheckout(request()));
    expect(error.code).toBe("unavailable");
    expect(error.details).toMatchObject({ retryable: false, statusCode: 401 });
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(secretKey);
  });

  it("passes Stripe's own expiry-window check through as a non-retryable error", async () => {
    const provider = stripeCardProvider(config);
    const error = await failure(
      provider.createCheckout(request({ expiresAt: new Date(Date.now() + 10 * 60_000) })),
    );
    expect(error.details).toMatchObject({ retryable: false, statusCode: 400 });
    expect(error.message).toMatch(/expires_at/);
  });

  it("maps an unreachable API to a retryable unavailable error", async () => {
    const port = await closedPort();
    const provider = stripeCardProvider({ ...config, apiUrl: `http://127.0.0.1:${port}` });
    const error = await failure(provider.createCheckout(request()));
    expect(error.code).toBe("unavailable");
    expect(error.details).toMatchObject({ retryable: true, stripeType: "StripeConnectionError" });
    expect(error.message).not.toContain(config.secretKey);
  });

  it.each([
    ["zero amount", { amountMinor: 0n }],
    ["negative amount", { amountMinor: -5n }],
    ["more than Stripe's eight digits", { amountMinor: 100_000_000n }],
    ["beyond a safe integer", { amountMinor: 2n ** 60n }],
    ["a non-ISO currency", { currency: "euro" }],
    ["an empty description", { description: "  " }],
    ["an empty idempotency key", { idempotencyKey: "" }],
  ])("rejects %s before calling Stripe", async (_name, overrides) => {
    const provider = stripeCardProvider(config);
    const before = peer.requests.length;
    const error = await failure(provider.createCheckout(request(overrides)));
    expect(error.code).toBe("validation_failed");
    expect(peer.requests.length).toBe(before);
  });

  it("accepts Stripe's largest amount exactly", async () => {
    const provider = stripeCardProvider(config);
    const created = await provider.createCheckout(request({ amountMinor: 99_999_999n }));
    expect(peer.sessions.get(created.providerSessionId)?.amount_total).toBe(99_999_999);
  });

  it("serves sessions back through the library's retrieve call", async () => {
    const created = await stripeCardProvider(config).createCheckout(request());
    const client = new Stripe(config.secretKey, stripeClientConfig(config));
    const session = await client.checkout.sessions.retrieve(created.providerSessionId);
    expect(session).toMatchObject({ id: created.providerSessionId, status: "open" });
  });
});

/** A port nothing listens on: bind, read it, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
