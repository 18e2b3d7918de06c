import type { PaymentConfig } from "../../../platform/config.js";
import { type CardProvider, stripeCardProvider } from "../card/index.js";

/** The configured card provider, or undefined: then card payment is not offered. */
export function cardProviderFrom(config: PaymentConfig): CardProvider | undefined {
  if (!config.stripeSecretKey || !config.stripeWebhookSecret) return undefined;
  return stripeCardProvider({
    secretKey: config.stripeSecretKey,
    webhookSecret: config.stripeWebhookSecret,
    ...(config.stripeApiUrl ? { apiUrl: config.stripeApiUrl } : {}),
  });
}
