/** Card payments: the provider port and its Stripe Checkout adapter. */

export {
  type CardEvent,
  type CardEventKind,
  type CardProvider,
  CardWebhookError,
  type CheckoutRequest,
  type CheckoutSession,
} from "./card-provider.js";
export { cardEventFromStripe } from "./stripe-events.js";
export {
  checkoutSessionParams,
  STRIPE_MAX_AMOUNT_MINOR,
  type StripeCardProviderConfig,
  stripeCardProvider,
  stripeClientConfig,
} from "./stripe-provider.js";
