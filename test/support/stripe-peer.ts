import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * A real local HTTP server that answers the slice of Stripe's API Saldo uses
 * (create/retrieve Checkout Sessions), serves a hosted "pay" page for browser
 * tests, and delivers webhooks signed with the stripe library's own helper.
 */
export type PeerOutcome = "paid" | "failed" | "expired";

/** Stripe's Checkout Session JSON, the fields we emulate. */
export interface PeerCheckoutSession {
  id: string;
  object: "checkout.session";
  mode: "payment";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  customer_email: string | null;
  locale: string | null;
  success_url: string;
  cancel_url: string | null;
  created: number;
  expires_at: number;
  livemode: false;
  payment_intent: string | null;
  url: string | null;
}

export interface PeerRequest {
  method: string;
  path: string;
  idempotencyKey?: string;
  /** The form body decoded from Stripe's bracket notation. */
  params: Form;
}

export interface StripePeer {
  url: string;
  secretKey: string;
  webhookSecret: string;
  /** Where complete()/sendRaw() and the pay page deliver events. */
  webhookUrl: string | undefined;
  sessions: Map<string, PeerCheckoutSession>;
  requests: PeerRequest[];
  deliveries: { eventId: string; type: string; status: number }[];
  /** Finishes a session as Stripe would and POSTs the signed event; returns the HTTP status. */
  complete(sessionId: string, options: { outcome: PeerOutcome }): Promise<number>;
  /** POSTs any body with any (or no) Stripe-Signature header, for bad-signature tests. */
  sendRaw(payload: string, signatureHeader: string | undefined): Promise<number>;
  close(): Promise<void>;
}

type FormValue = string | Form;
type Form = { [key: string]: FormValue };

const TEST_SECRET_KEY = "sk_test_saldo_peer_key";
const TEST_WEBHOOK_SECRET = "whsec_saldo_peer_secret";
const MAX_AMOUNT = 99_999_999;
const token = () => randomBytes(18).toString("base64url").replace(/[-_]/g, "0");
const unixNow = () => Math.floor(Date.now() / 1000);

export async function startStripePeer(
  options: { secretKey?: string; webhookSecret?: string; webhookUrl?: string } = {},
): Promise<StripePeer> {
  const productNames = new Map<string, string>();
  const idempotent = new Map<string, { body: string; sessionId: string }>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, { error: { type: "api_error", message: String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  const peer: StripePeer = {
    url: `http://127.0.0.1:${port}`,
    secretKey: options.secretKey ?? TEST_SECRET_KEY,
    webhookSecret: options.webhookSecret ?? TEST_WEBHOOK_SECRET,
    webhookUrl: options.webhookUrl,
    sessions: new Map(),
    requests: [],
    deliveries: [],
    complete: async (sessionId, { outcome }) => {
      const session = peer.sessions.get(sessionId);
      if (!session) throw new Error(`stripe peer: no session ${sessionId}`);
      const type = finish(session, outcome);
      const event = {
        id: `evt_test_${token()}`,
        object: "event",
        api_version: Stripe.API_VERSION,
        created: unixNow(),
        data: { object: { ...session } },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      };
      const payload = JSON.stringify(event, null, 2); // Stripe sends pretty-printed JSON
      const signature = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: peer.webhookSecret,
      });
      const status = await peer.sendRaw(payload, signature);
      peer.deliveries.push({ eventId: event.id, type, status });
      return status;
    },
    sendRaw: async (payload, signatureHeader) => {
      if (!peer.webhookUrl) throw new Error("stripe peer: webhookUrl is not set");
      const headers: Record<string, string> = {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      };
      if (signatureHeader !== undefined) headers["stripe-signature"] = signatureHeader;
      const response = await fetch(peer.webhookUrl, { method: "POST", headers, body: payload });
      await response.arrayBuffer();
      return response.status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the stripe client keeps sockets alive
      }),
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? "/", peer.url).pathname;
    const sessionPath = /^\/v1\/checkout\/sessions(?:\/([^/]+))?$/.exec(path);
    const payPath = /^\/pay\/([^/]+)$/.exec(path);
    if (sessionPath) {
      const idempotencyKey = header(request, "idempotency-key");
      const params = parseStripeForm(body);
      peer.requests.push({ method: request.method ?? "", path, idempotencyKey, params });
      if (header(request, "authorization") !== `Bearer ${peer.secretKey}`) {
        return send(response, 401, stripeError("Invalid API Key provided: sk_test_****"));
      }
      const id = sessionPath[1];
      if (request.method === "GET" && id) {
        const session = peer.sessions.get(id);
        if (session) return send(response, 200, session);
        return send(response, 404, stripeError(`No such checkout.session: '${id}'`, "session"));
      }
      if (request.method !== "POST" || id) return send(response, 405, stripeError("Unsupported"));
      const earlier = idempotencyKey ? idempotent.get(idempotencyKey) : undefined;
      if (earlier && earlier.body !== body) {
        return send(response, 400, {
          error: {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          },
        });
      }
      if (earlier) {
        return send(response, 200, peer.sessions.get(earlier.sessionId), true);
      }
      const created = createSession(params);
      if ("error" in created) return send(response, 400, created);
      if (idempotencyKey) idempotent.set(idempotencyKey, { body, sessionId: created.id });
      return send(response, 200, created);
    }
    const session = payPath?.[1] ? peer.sessions.get(payPath[1]) : undefined;
    if (!session) return send(response, 404, stripeError(`Unrecognized request URL: ${path}`));
    if (session.status !== "open") {
      return page(response, 410, "<p>This checkout session is no longer available.</p>");
    }
    if (request.method === "GET") return page(response, 200, payPage(session));
    const action = new URLSearchParams(body).get("action");
    if (action === "cancel") return redirect(response, session.cancel_url ?? session.success_url);
    await peer.complete(session.id, { outcome: "paid" }); // Stripe redirects whatever the webhook answers
    return redirect(response, session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id));
  }

  function createSession(params: Form): PeerCheckoutSession | ReturnType<typeof stripeError> {
    const item = at(params, "line_items", "0");
    const unitAmount = Number(at(item, "price_data", "unit_amount"));
    const quantity = Number(at(item, "quantity") ?? "1");
    const currency = text(at(item, "price_data", "currency")) ?? "";
    const name = text(at(item, "price_data", "product_data", "name")) ?? "";
    const successUrl = text(at(params, "success_url")) ?? "";
    const now = unixNow();
    const expires = Number(text(at(params, "expires_at")) ?? now + 86_400);
    // The checks Stripe makes that our adapter can trip over, with Stripe's param names.
    const problem = (
      [
        [at(params, "mode") !== "payment", "The peer only emulates payment mode", "mode"],
        [
          !(Number.isInteger(unitAmount) && unitAmount >= 0 && unitAmount <= MAX_AMOUNT),
          "Invalid integer",
          "unit_amount",
        ],
        [!(Number.isInteger(quantity) && quantity >= 1), "Invalid integer", "quantity"],
        [!/^[a-z]{3}$/.test(currency), "Invalid currency", "currency"],
        [!name, "Missing required param", "product_data[name]"],
        [!successUrl, "Missing required param", "success_url"],
        [
          !(expires >= now + 1800 && expires <= now + 86_400),
          "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
          "expires_at",
        ],
      ] as const
    ).find(([failed]) => failed);
    if (problem) return stripeError(problem[1], problem[2]);
    const id = `cs_test_a1${token()}`;
    const session: PeerCheckoutSession = {
      id,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: unitAmount * quantity,
      amount_total: unitAmount * quantity,
      currency,
      metadata: stringsOf(at(params, "metadata")),
      client_reference_id: text(at(params, "client_reference_id")),
      customer_email: text(at(params, "customer_email")),
      locale: text(at(params, "locale")),
      success_url: successUrl,
      cancel_url: text(at(params, "cancel_url")),
      created: now,
      expires_at: expires,
      livemode: false,
      payment_intent: null,
      url: `${peer.url}/pay/${id}`,
    };
    peer.sessions.set(id, session);
    productNames.set(id, name);
    return session;
  }

  function payPage(session: PeerCheckoutSession): string {
    const amount = new Intl.NumberFormat(session.locale ?? "en", {
      style: "currency",
      currency: session.currency.toUpperCase(),
    }).format(session.amount_total / 100);
    return `<h1>${escapeHtml(productNames.get(session.id) ?? "")}</h1>
<p data-testid="amount">${escapeHtml(amount)}</p>
<form method="post" action="/pay/${session.id}">
<button type="submit" name="action" value="pay">Pay</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</form>`;
  }

  return peer;
}

/** Applies an outcome to the session the way Stripe's state machine does; returns the event type. */
function finish(session: PeerCheckoutSession, outcome: PeerOutcome): string {
  if (outcome === "expired") {
    session.status = "expired";
    session.url = null;
    return "checkout.session.expired";
  }
  session.status = "complete";
  session.url = null;
  session.payment_intent = `pi_test_${token()}`;
  if (outcome === "failed") return "checkout.session.async_payment_failed";
  session.payment_status = "paid";
  return "checkout.session.completed";
}

/** Decodes `a[0][b]=1` into `{ a: { "0": { b: "1" } } }` (indices stay object keys). */
export function parseStripeForm(body: string): Form {
  const root: Form = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replaceAll("]", "").split("[");
    let node = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value;
        return;
      }
      const next = node[segment];
      const child: Form = typeof next === "object" ? next : {};
      node[segment] = child;
      node = child;
    });
  }
  return root;
}

function at(form: FormValue | undefined, ...path: string[]): FormValue | undefined {
  let node = form;
  for (const segment of path) node = typeof node === "object" ? node[segment] : undefined;
  return node;
}

function text(value: FormValue | undefined): string | null {
  return typeof value === "string" ? value : null;
}

function stringsOf(value: FormValue | undefined): Record<string, string> {
  const entries = typeof value === "object" ? Object.entries(value) : [];
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === "string"));
}

function stripeError(message: string, param?: string) {
  return { error: { type: "invalid_request_error", message, ...(param ? { param } : {}) } };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, json: unknown, replayed = false): void {
  const headers = { "content-type": "application/json", "request-id": `req_${token()}` };
  response.writeHead(status, replayed ? { ...headers, "idempotent-replayed": "true" } : headers);
  response.end(JSON.stringify(json));
}

function page(response: ServerResponse, status: number, body: string): void {
  const head = `<meta charset="utf-8"><title>Stripe test checkout</title>`;
  response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  response.end(`<!doctype html><html><head>${head}</head><body><main>${body}</main></body></html>`);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location }).end();
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
