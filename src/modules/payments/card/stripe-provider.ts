/**
 * Stripe Checkout as a CardProvider, through the official `stripe` package.
 * The debtor pays on Stripe's hosted page; the outcome arrives as a signed webhook.
 */
import Stripe from "stripe";
import { AppError } from "../../../platform/errors.js";
import {
  type CardEvent,
  type CardProvider,
  CardWebhookError,
  type CheckoutRequest,
  type CheckoutSession,
} from "./card-provider.js";
import { cardEventFromStripe } from "./stripe-events.js";

export interface StripeCardProviderConfig {
  secretKey: string;
  webhookSecret: string;
  /** Only to point the client elsewhere, e.g. http://127.0.0.1:4567 for the local test peer. */
  apiUrl?: string;
  timeoutMs?: number;
  /** Stripe's own retries (same idempotency key, so safe). Default 1; tests use 0. */
  maxNetworkRetries?: number;
}

/** Stripe accepts at most eight digits in minor units (99,999,999 = €999,999.99). */
export const STRIPE_MAX_AMOUNT_MINOR = 99_999_999n;
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** The Stripe client options: no telemetry, and the peer's host/port/protocol when apiUrl is set. */
export function stripeClientConfig(config: StripeCardProviderConfig): Stripe.StripeConfig {
  return {
    telemetry: false,
    maxNetworkRetries: config.maxNetworkRetries ?? 1,
    ...(config.timeoutMs === undefined ? {} : { timeout: config.timeoutMs }),
    ...(config.apiUrl === undefined ? {} : endpointOf(config.apiUrl)),
  };
}

export function stripeCardProvider(config: StripeCardProviderConfig): CardProvider {
  if (!config.secretKey) throw new AppError("validation_failed", "Stripe secret key is missing");
  if (!config.webhookSecret) {
    throw new AppError("validation_failed", "Stripe webhook secret is missing");
  }
  const stripe = new Stripe(config.secretKey, stripeClientConfig(config));
  const { secretKey, webhookSecret } = config;

  return {
    name: "stripe",

    async createCheckout(req: CheckoutRequest): Promise<CheckoutSession> {
      const params = checkoutSessionParams(req);
      let session: Stripe.Checkout.Session;
      try {
        session = await stripe.checkout.sessions.create(params, {
          idempotencyKey: req.idempotencyKey,
        });
      } catch (error) {
        throw stripeFailure(error, secretKey);
      }
      if (!session.url) {
        throw new AppError(
          "unavailable",
          `Stripe returned checkout session ${session.id} without a url`,
        );
      }
      return {
        providerSessionId: session.id,
        url: session.url,
        expiresAt: session.expires_at ? new Date(session.expires_at * 1000) : undefined,
      };
    },

    parseWebhook(rawBody, headers): CardEvent {
      const signature = signatureHeader(headers);
      let event: Stripe.Event;
      try {
        // Default tolerance (300 s). Never pass 0: since stripe@23 that disables the age check.
        event = stripe.webhooks.constructEvent(rawBody, signature, webhookSecret);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          // First line only: the library appends advice and a docs link.
          const reason = error.message.split("\n")[0]?.trim() ?? "";
          throw new CardWebhookError(`Stripe webhook signature rejected: ${reason}`);
        }
        throw new AppError("bad_request", "Stripe webhook body is not a Stripe event");
      }
      return cardEventFromStripe(event);
    },
  };
}

/** Validates the request and builds Stripe's parameters; amounts leave bigint only when exact. */
export function checkoutSessionParams(req: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  if (!req.idempotencyKey || req.idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new AppError("validation_failed", "idempotency key must have 1 to 255 characters");
  }
  if (req.amountMinor <= 0n || req.amountMinor > STRIPE_MAX_AMOUNT_MINOR) {
    throw new AppError(
      "validation_failed",
      `card amount must be between 1 and ${STRIPE_MAX_AMOUNT_MINOR} minor units`,
    );
  }
  if (!/^[A-Za-z]{3}$/.test(req.currency)) {
    throw new AppError("validation_failed", "currency must be an ISO 4217 code");
  }
  if (!req.description.trim()) {
    throw new AppError("validation_failed", "description is required");
  }
  const { installmentId, ...ids } = req.metadata;
  const metadata: Record<string, string> = installmentId ? { ...ids, installmentId } : { ...ids };
  return {
    mode: "payment",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: req.currency.toLowerCase(),
          unit_amount: Number(req.amountMinor), // ≤ 8 digits, checked above: exact
          product_data: { name: req.description },
        },
      },
    ],
    client_reference_id: req.metadata.checkoutId,
    metadata,
    // Session metadata is not copied to the PaymentIntent/Charge; refund events need it there.
    payment_intent_data: { description: req.description, metadata },
    locale: req.locale,
    customer_email: req.customerEmail,
    success_url: req.successUrl,
    cancel_url: req.cancelUrl,
    // Stripe accepts 30 minutes to 24 hours from now; outside that it answers 400.
    expires_at: req.expiresAt ? Math.floor(req.expiresAt.getTime() / 1000) : undefined,
  };
}

/** The library has no base-URL option: it takes host, port and protocol, and no path. */
function endpointOf(apiUrl: string): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new AppError("validation_failed", "Stripe apiUrl is not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("validation_failed", "Stripe apiUrl must be http or https");
  }
  if (url.pathname !== "/" || url.search || url.username || url.password) {
    throw new AppError("validation_failed", "Stripe apiUrl must be an origin without path");
  }
  const protocol = url.protocol === "https:" ? "https" : "http";
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"), // IPv6 literal without brackets
    port: url.port ? Number(url.port) : protocol === "https" ? 443 : 80,
    protocol,
  };
}

function signatureHeader(headers: Record<string, string | string[] | undefined>): string {
  const name = Object.keys(headers).find((key) => key.toLowerCase() === "stripe-signature");
  const value = name === undefined ? undefined : headers[name];
  const single = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  if (!single) throw new CardWebhookError("Stripe-Signature header is missing");
  return single;
}

// Failures that the same request will not fix by being sent again later.
const PERMANENT = [
  Stripe.errors.StripeInvalidRequestError,
  Stripe.errors.StripeIdempotencyError,
  Stripe.errors.StripeAuthenticationError,
  Stripe.errors.StripePermissionError,
];

/** Any Stripe or network failure → AppError("unavailable"), with no secret in the message. */
function stripeFailure(error: unknown, secretKey: string): AppError {
  if (error instanceof Stripe.errors.StripeError) {
    return new AppError(
      "unavailable",
      redact(`Stripe ${error.type}: ${error.message}`, secretKey),
      {
        retryable: !PERMANENT.some((type) => error instanceof type),
        stripeType: error.type,
        stripeCode: error.code,
        statusCode: error.statusCode,
        requestId: error.requestId,
      },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError("unavailable", redact(`Stripe request failed: ${message}`, secretKey), {
    retryable: true,
  });
}

function redact(message: string, secretKey: string): string {
  return message
    .split(secretKey)
    .join("[redacted]")
    .replace(/\b(sk|rk)_(test|live)_[A-Za-z0-9]+/g, "$1_$2_[redacted]")
    .replace(/\bwhsec_[A-Za-z0-9]+/g, "whsec_[redacted]");
}
