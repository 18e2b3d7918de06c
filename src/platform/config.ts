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
};

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
      const shown = /PASSWORD/.test(name)
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
  };
}

/** A connection URL without its password, for messages and logs. */
export function redactUrl(text: string): string {
  return text.replace(/^(\w+:\/\/[^:/@]*:)[^@]*@/, "$1***@");
}
