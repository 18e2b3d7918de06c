import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StripePeer, startStripePeer } from "../../../../test/support/stripe-peer.js";
import { AppError } from "../../../platform/errors.js";
import type { CardEvent, CardProvider } from "./card-provider.js";
import { stripeCardProvider } from "./stripe-provider.js";

/**
 * End to end on loopback: the adapter creates a session on the peer, the peer
 * "pays" it and POSTs a signed webhook to a tiny receiver that calls parseWebhook.
 */
let peer: StripePeer;
let provider: CardProvider;
let receiver: Server;
let received: CardEvent[];

beforeAll(async () => {
  peer = await startStripePeer();
  provider = stripeCardProvider({
    secretKey: peer.secretKey,
    webhookSecret: peer.webhookSecret,
    apiUrl: peer.url,
    maxNetworkRetries: 0,
  });
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        received.push(provider.parseWebhook(Buffer.concat(chunks), request.headers));
        response.writeHead(200).end();
      } catch (error) {
        response.writeHead(error instanceof AppError ? error.status : 500).end();
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  peer.webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
});
beforeEach(() => {
  received = [];
});
afterAll(async () => {
  await peer.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const checkout = (checkoutId: string) =>
  provider.createCheckout({
    idempotencyKey: `key-${checkoutId}`,
    amountMinor: 4_990n,
    currency: "eur",
    description: "Saldo <fattura> & interessi",
    locale: "en",
    successUrl: "https://portal.example/done?session={CHECKOUT_SESSION_ID}",
    cancelUrl: "https://portal.example/cancelled",
    metadata: { tenantId: "t1", caseId: "c9", checkoutId },
  });

describe("peer.complete → signed webhook → parseWebhook", () => {
  it.each([
    ["paid", "paid", "checkout.session.completed"],
    ["failed", "failed", "checkout.session.async_payment_failed"],
    ["expired", "expired", "checkout.session.expired"],
  ] as const)("delivers %s as a %s event", async (outcome, kind, providerType) => {
    const session = await checkout(`chk-${outcome}`);

    const status = await peer.complete(session.providerSessionId, { outcome });

    expect(status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      kind,
      providerType,
      sessionId: session.providerSessionId,
      amountMinor: 4_990n,
      currency: "eur",
      metadata: { tenantId: "t1", caseId: "c9", checkoutId: `chk-${outcome}` },
    });
    expect(received[0]?.eventId).toMatch(/^evt_test_/);
    if (outcome !== "expired") expect(received[0]?.paymentId).toMatch(/^pi_test_/);
  });

  it("gets 401 for a raw payload with a forged signature, and delivers nothing", async () => {
    const payload = JSON.stringify({ id: "evt_forged", object: "event", type: "x", data: {} });
    expect(await peer.sendRaw(payload, "t=1,v1=deadbeef")).toBe(401);
    expect(await peer.sendRaw(payload, undefined)).toBe(401);
    expect(received).toEqual([]);
  });
});

describe("the peer's hosted pay page", () => {
  it("shows the amount and an escaped description with Pay and Cancel buttons", async () => {
    const session = await checkout("chk-page");
    const response = await fetch(session.url);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("Saldo &#60;fattura&#62; &#38; interessi");
    expect(html).toContain("€49.90");
    expect(html).toMatch(/<button[^>]*value="pay"[^>]*>Pay<\/button>/);
    expect(html).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
  });

  it("pays on POST: sends the webhook, then redirects to success_url with the session id", async () => {
    const session = await checkout("chk-pay");
    const response = await postPayForm(session.url, "pay");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `https://portal.example/done?session=${session.providerSessionId}`,
    );
    expect(received.map((event) => event.kind)).toEqual(["paid"]);
    expect(peer.sessions.get(session.providerSessionId)?.payment_status).toBe("paid");
    expect((await fetch(session.url)).status).toBe(410);
  });

  it("cancels on POST without any webhook, leaving the session open", async () => {
    const session = await checkout("chk-cancel");
    const response = await postPayForm(session.url, "cancel");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("https://portal.example/cancelled");
    expect(received).toEqual([]);
    expect(peer.sessions.get(session.providerSessionId)?.status).toBe("open");
  });
});

const postPayForm = (url: string, action: "pay" | "cancel") =>
  fetch(url, {
    method: "POST",
    body: new URLSearchParams({ action }),
    redirect: "manual",
  });
