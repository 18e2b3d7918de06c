import { describe, expect, it } from "vitest";
import { channelSettingsSchema } from "../../channels/domain/channel-settings";
import { creditorIdentifierProblem } from "../../payments/direct-debit";
import { isValidIban } from "../../payments/domain/iban";
import { PaymentSettingsSchema } from "../../payments/domain/payment-settings";
import { DEMO_TENANTS } from "./tenants";

describe("demo tenants' channel settings", () => {
  it.each(DEMO_TENANTS.map((t) => [t.slug, t] as const))(
    "%s: valid settings and IBAN",
    (_slug, t) => {
      const settings = channelSettingsSchema.parse(t.channelSettings);
      expect(isValidIban(settings.payment.iban ?? "")).toBe(true);
    },
  );

  it.each(DEMO_TENANTS.map((t) => [t.slug, t] as const))(
    "%s: valid payment settings and SEPA creditor identifier",
    (_slug, t) => {
      const settings = PaymentSettingsSchema.parse(t.paymentSettings);
      expect(creditorIdentifierProblem(settings.directDebit.creditorId ?? "")).toBeNull();
      expect(isValidIban(settings.directDebit.iban ?? "")).toBe(true);
    },
  );
});
