import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseDotenv } from "dotenv";
import { z } from "zod";

/**
 * Configuration comes from environment variables, with a `.env` file in the
 * working directory as a fallback. Every setting is documented in the README.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  SALDO_DATA_DIR: z.string().min(1).default(".saldo"),
  SALDO_EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  SALDO_DEMO: z.enum(["auto", "off", "on"]).default("auto"),
  SALDO_DEMO_PASSWORD: z.string().min(12, "at least 12 characters").optional(),
  SALDO_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  SALDO_WORKER: z.enum(["inline", "off"]).default("inline"),
  SALDO_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  SALDO_SECURE_COOKIES: z.enum(["true", "false"]).default("false"),
  SALDO_PUBLIC_URL: z.url().optional(),
  SALDO_SECRET: z.string().min(32, "at least 32 characters").optional(),
  SALDO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  SALDO_PEC_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  SALDO_SMS_URL: z
    .string()
    .regex(/^(smpp|https?):\/\//, "must be an smpp://, http:// or https:// URL")
    .optional(),
  SALDO_SMS_HTTP_TOKEN: z.string().min(1).optional(),
  SALDO_WEBHOOK_SECRET: z.string().min(16, "at least 16 characters").optional(),
  SALDO_MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, "must be a domain name")
    .optional(),
  SALDO_INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SALDO_DISPATCH_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  SALDO_STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, "a Stripe secret key (sk_… or rk_…)")
    .optional(),
  SALDO_STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, "a Stripe webhook secret (whsec_…)")
    .optional(),
  SALDO_STRIPE_API_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  /** "auto" loads the demo into an empty embedded database; an external one only with SALDO_DEMO=on. */
  demo: "auto" | "off" | "on";
  demoPassword: string | undefined;
  /** Honour X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** "inline": `serve` also runs the scheduler; "off": run `saldo worker` processes instead. */
  worker: "inline" | "off";
  sessionTtlHours: number;
  secureCookies: boolean;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  channels: ChannelConfig;
  payments: PaymentConfig;
};

/** Card payments through Stripe Checkout; unset, card payment is not offered. */
export interface PaymentConfig {
  stripeSecretKey: string | undefined;
  stripeWebhookSecret: string | undefined;
  /** Another Stripe API address (a local test peer); the real one when unset. */
  stripeApiUrl: string | undefined;
}

/** Where messages go. A transport left unset delivers to the local outbox (development). */
export interface ChannelConfig {
  /** Base of every link a debtor receives (portal, unsubscribe). */
  publicUrl: string;
  /** Signs those links; generated under the data directory when unset. */
  secret: string | undefined;
  smtpUrl: string | undefined;
  pecSmtpUrl: string | undefined;
  smsUrl: string | undefined;
  smsHttpToken: string | undefined;
  /** Verifies provider webhooks (delivery events, inbound SMS and email). */
  webhookSecret: string | undefined;
  /** Domain of Message-IDs and of the bounce and reply addresses. */
  mailDomain: string;
  inboundSmtpPort: number | undefined;
  dispatchConcurrency: number;
}

export class ConfigError extends Error {}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Config {
  const dotenvPath = path.join(cwd, ".env");
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  // Real environment variables win over the .env file; empty strings count as unset.
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...fromFile, ...env })) {
    if (v !== undefined && v !== "") merged[k] = v;
  }
  const result = schema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const source = name in env && env[name] !== "" ? "environment" : ".env";
      const shown = /PASSWORD|SECRET|TOKEN/.test(name)
        ? "(hidden)"
        : JSON.stringify(redactUrl(merged[name] ?? ""));
      return `${name}=${shown} (from ${source}): ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const c = result.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(cwd, c.SALDO_DATA_DIR),
    embeddedPgPort: c.SALDO_EMBEDDED_PG_PORT,
    demo: c.SALDO_DEMO,
    demoPassword: c.SALDO_DEMO_PASSWORD,
    trustProxy: c.SALDO_TRUST_PROXY === "true",
    worker: c.SALDO_WORKER,
    sessionTtlHours: c.SALDO_SESSION_TTL_HOURS,
    secureCookies: c.SALDO_SECURE_COOKIES === "true",
    logLevel: c.LOG_LEVEL,
    channels: channelConfig(c),
    payments: {
      stripeSecretKey: c.SALDO_STRIPE_SECRET_KEY,
      stripeWebhookSecret: c.SALDO_STRIPE_WEBHOOK_SECRET,
      stripeApiUrl: c.SALDO_STRIPE_API_URL,
    },
  };
}

function channelConfig(c: z.infer<typeof schema>): ChannelConfig {
  const publicUrl = (c.SALDO_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, "");
  const host = new URL(publicUrl).hostname;
  return {
    publicUrl,
    secret: c.SALDO_SECRET,
    smtpUrl: c.SALDO_SMTP_URL,
    pecSmtpUrl: c.SALDO_PEC_SMTP_URL,
    smsUrl: c.SALDO_SMS_URL,
    smsHttpToken: c.SALDO_SMS_HTTP_TOKEN,
    webhookSecret: c.SALDO_WEBHOOK_SECRET,
    mailDomain: c.SALDO_MAIL_DOMAIN ?? (host.includes(".") ? host : `${host}.saldo.invalid`),
    inboundSmtpPort: c.SALDO_INBOUND_SMTP_PORT,
    dispatchConcurrency: c.SALDO_DISPATCH_CONCURRENCY,
  };
}

/** A connection URL without its password, for messages and logs. */
export function redactUrl(text: string): string {
  return text.replace(/^(\w+:\/\/[^:/@]*:)[^@]*@/, "$1***@");
}
