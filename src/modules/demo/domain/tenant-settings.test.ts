import { describe, expect, it } from "vitest";
import { channelSettingsSchema } from "../../channels/domain/channel-settings";
import { isValidIban } from "../../payments/domain/iban";
import { DEMO_TENANTS } from "./tenants";

describe("demo tenants' channel settings", () => {
  it.each(DEMO_TENANTS.map((t) => [t.slug, t] as const))(
    "%s: valid settings and IBAN",
    (_slug, t) => {
      const settings = channelSettingsSchema.parse(t.channelSettings);
      expect(isValidIban(settings.payment.iban ?? "")).toBe(true);
    },
  );
});
