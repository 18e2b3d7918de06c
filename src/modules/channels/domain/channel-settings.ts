import { z } from "zod";

/**
 * A tenant's sender identity, letterhead, payment details and costs. Stored as
 * JSON per tenant (tenant_channel_settings); whatever is left out falls back to
 * defaults derived from the tenant itself (channelSettingsFor).
 */
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #0a5f8c");

/** Shown in place of a stored secret; a PUT that sends it back keeps the stored one. */
export const SECRET_MASK = "********";

export const channelSettingsSchema = z
  .object({
    email: z
      .object({
        fromName: z.string().min(1).max(100).optional(),
        fromAddress: z.email().optional(),
        replyTo: z.email().optional(),
      })
      .strict()
      .default({}),
    pec: z.object({ fromAddress: z.email().optional() }).strict().default({}),
    sms: z
      .object({
        // Alphanumeric sender ids are at most 11 characters (GSM 03.40); numeric ones up to 16.
        sender: z
          .string()
          .regex(/^([A-Za-z0-9 ]{1,11}|\+?[0-9]{3,16})$/, "up to 11 letters/digits, or a number")
          .optional(),
        replyNumber: z.string().max(20).optional(),
      })
      .strict()
      .default({}),
    letter: z
      .object({
        // What shows through the window: a neutral name, never what the letter is about.
        returnAddress: z.string().max(120).optional(),
        place: z.string().max(60).optional(),
        window: z.enum(["left", "right"]).optional(),
        addressLines: z.array(z.string().max(120)).max(4).optional(),
        email: z.string().max(120).optional(),
        phone: z.string().max(40).optional(),
        website: z.string().max(120).optional(),
        colour: hexColour.optional(),
        // The creditor's logo for the portal (and its brand), as a PNG or SVG data URL.
        logo: z
          .string()
          .max(400_000)
          .regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/, "a PNG or SVG data URL")
          .optional(),
      })
      .strict()
      .default({}),
    payment: z
      .object({
        iban: z.string().max(42).optional(),
        bic: z.string().max(11).optional(),
        beneficiary: z.string().max(70).optional(),
        pagoPa: z
          .object({
            creditorFiscalCode: z.string().regex(/^\d{11}$/, "11 digits"),
            segregationCode: z.string().regex(/^\d{2}$/, "2 digits"),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
    /** What one message costs the tenant, in minor units, for the send log. */
    costsMinor: z
      .object({
        email: z.number().int().min(0).default(0),
        pec: z.number().int().min(0).default(5),
        sms: z.number().int().min(0).default(6),
        letter: z.number().int().min(0).default(130),
        registered_letter: z.number().int().min(0).default(680),
      })
      .strict()
      .default({ email: 0, pec: 5, sms: 6, letter: 130, registered_letter: 680 }),
    formalNotice: z
      .object({
        /** Yearly interest rate on late amounts, e.g. 2.0 (legal rate) or 10.15 (late-payment rate). */
        interestRatePercent: z.number().min(0).max(30).default(2),
        /** Flat recovery costs per invoice for companies (D.Lgs. 231/2002, art. 6: € 40). */
        b2bFlatCostMinor: z.number().int().min(0).default(4000),
        deadlineDays: z.number().int().min(7).max(60).default(15),
      })
      .strict()
      .default({ interestRatePercent: 2, b2bFlatCostMinor: 4000, deadlineDays: 15 }),
    /** The outbound dialer: the key its webhook is signed with, and the SIP domain of sip: links. */
    dialer: z
      .object({
        webhookSecret: z
          .string()
          .max(200)
          .refine(
            (s) => s === SECRET_MASK || s.length >= 32,
            "at least 32 characters (e.g. openssl rand -hex 32)",
          )
          .optional(),
        sipDomain: z
          .string()
          .max(253)
          .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, "a host name, e.g. pbx.example.com")
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ChannelSettingsInput = z.input<typeof channelSettingsSchema>;
export type StoredChannelSettings = z.output<typeof channelSettingsSchema>;

/** The settings as an API answer shows them: a secret is never read back. */
export function withSecretsMasked(settings: StoredChannelSettings): StoredChannelSettings {
  if (!settings.dialer?.webhookSecret) return settings;
  return { ...settings, dialer: { ...settings.dialer, webhookSecret: SECRET_MASK } };
}

/** New settings to store: a secret sent back masked stays what it was. */
export function keepingSecrets(
  next: StoredChannelSettings,
  stored: StoredChannelSettings,
): StoredChannelSettings {
  if (next.dialer?.webhookSecret !== SECRET_MASK) return next;
  const { webhookSecret: _masked, ...dialer } = next.dialer;
  const kept = stored.dialer?.webhookSecret;
  return { ...next, dialer: kept ? { ...dialer, webhookSecret: kept } : dialer };
}

export interface TenantIdentity {
  name: string;
  legalName: string | null;
  vatNumber: string | null;
  slug: string;
}

/** The settings every channel reads, with the tenant's own values filled in. */
export interface ChannelSettings {
  email: { fromName: string; fromAddress: string; replyTo?: string };
  pec: { fromAddress: string };
  sms: { sender: string; replyNumber?: string };
  letter: {
    returnAddress: string;
    place: string;
    window: "left" | "right";
    addressLines: string[];
    email?: string;
    phone?: string;
    website?: string;
    colour?: string;
  };
  payment: StoredChannelSettings["payment"];
  costsMinor: StoredChannelSettings["costsMinor"];
  formalNotice: StoredChannelSettings["formalNotice"];
}

export function channelSettingsFor(
  tenant: TenantIdentity,
  stored: StoredChannelSettings,
  mailDomain: string,
): ChannelSettings {
  const name = tenant.legalName ?? tenant.name;
  return {
    email: {
      fromName: stored.email.fromName ?? tenant.name,
      fromAddress: stored.email.fromAddress ?? `${tenant.slug}@${mailDomain}`,
      ...(stored.email.replyTo ? { replyTo: stored.email.replyTo } : {}),
    },
    pec: { fromAddress: stored.pec.fromAddress ?? `${tenant.slug}@pec.${mailDomain}` },
    sms: {
      sender:
        stored.sms.sender ?? (tenant.name.replace(/[^A-Za-z0-9]/g, "").slice(0, 11) || "Saldo"),
      ...(stored.sms.replyNumber ? { replyNumber: stored.sms.replyNumber } : {}),
    },
    letter: {
      returnAddress: stored.letter.returnAddress ?? name,
      place: stored.letter.place ?? "",
      window: stored.letter.window ?? "right",
      addressLines: stored.letter.addressLines ?? [],
      ...pick(stored.letter, ["email", "phone", "website", "colour"]),
    },
    payment: stored.payment,
    costsMinor: stored.costsMinor,
    formalNotice: stored.formalNotice,
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
