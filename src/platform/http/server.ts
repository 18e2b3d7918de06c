import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { sql } from "kysely";
import { ZodError } from "zod";
import { authenticate } from "../../modules/auth/app/authenticate";
import type { ClickToCall } from "../../modules/calls/app/click-to-call";
import type { ChannelRuntime } from "../../modules/channels/app/channel-runtime";
import type { CardProvider } from "../../modules/payments/card/card-provider";
import type { Clock } from "../clock";
import type { Database } from "../db/database";
import { AppError } from "../errors";
import { createMetrics, type Metrics } from "./metrics";

export const SESSION_COOKIE = "saldo_session";

/** "/p/AbC…?x" → "/p/[token]?x": a debtor's link is a key and stays out of the logs. */
export function withoutLinkTokens(url: string): string {
  return url.replace(/^\/(p|u)\/[^/?#]+/, "/$1/[token]");
}

declare module "fastify" {
  interface FastifyInstance {
    routeList: string[];
  }
}

export interface AppDeps {
  database: Database;
  clock: Clock;
  sessionTtlHours: number;
  secureCookies: boolean;
  /** Honour X-Forwarded-For; off unless a proxy sets it (it would let clients pick their IP). */
  trustProxy?: boolean;
  /** Debtor links, webhook secret and transports (the routes read links and the secret). */
  channels: ChannelRuntime;
  /** The card payment provider, when one is configured. */
  card?: CardProvider | undefined;
  /** The click-to-call gateway agents' dial requests go to, when one is configured. */
  clickToCall?: ClickToCall | null | undefined;
}

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type RouteModule = (app: ZodApp, deps: AppDeps & { metrics: Metrics }) => void;

/** Builds the HTTP API: thin routes over use cases, OpenAPI at /docs. */
export async function buildServer(
  deps: AppDeps,
  routeModules: RouteModule[],
  options: { logLevel?: string; publicRoutes?: RouteModule[] } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? "info",
      // Secrets never reach the logs: credentials in headers, and the signed tokens in
      // debtors' links (/p/<token> opens a case's portal, /u/<token> opts out).
      redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: withoutLinkTokens(request.url),
          host: request.host,
          remoteAddress: request.ip,
        }),
      },
    },
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: deps.trustProxy ?? false,
  });
  const metrics = createMetrics();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("principal", null);
  // Every route, so tests can prove each one checks role and tenant.
  const routeList: string[] = [];
  app.decorate("routeList", routeList);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      if (method !== "HEAD") routeList.push(`${method} ${route.url}`);
  });
  // Only routes that opt in (login) are limited, per client address.
  await app.register(rateLimit, { global: false, hook: "preHandler" });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 1024 * 1024 * 1024, files: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Saldo API",
        version: "0.1.0",
        description: "Credit management and debt collection",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "API token (sk_…)" },
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    const bearer = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
    const sessionCookie = request.cookies[SESSION_COOKIE];
    if (bearer || sessionCookie) {
      request.principal =
        (await authenticate(
          { db: deps.database.db, clock: deps.clock },
          { bearer, sessionCookie },
        )) ?? null;
    }
  });
  app.addHook("onResponse", async (request, reply) => {
    metrics.httpDuration
      .labels(request.method, request.routeOptions.url ?? "unknown", String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.status(400).send({
        error: { code: "validation_failed", message: error.message, details: error.validation },
      });
    }
    if (error instanceof ZodError) {
      return reply.status(400).send({
        error: { code: "validation_failed", message: "invalid input", details: error.issues },
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: { code: "bad_request", message: (error as Error).message } });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send({ error: { code: "internal", message: "internal error" } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: "not_found",
        message: `no route ${request.method} ${request.url.split("?")[0]}`,
      },
    });
  });

  app.get("/healthz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.database.db);
      return { status: "ok", database: "ok" };
    } catch {
      return reply.status(503).send({ status: "unavailable", database: "unreachable" });
    }
  });
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    reply.header("content-type", metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  await app.register(
    async (api) => {
      for (const register of routeModules)
        register(api.withTypeProvider<ZodTypeProvider>(), { ...deps, metrics });
    },
    { prefix: "/api/v1" },
  );
  // Pages a debtor opens from a message (opt-out, later the portal): outside the API, no login.
  await app.register(async (pages) => {
    for (const register of options.publicRoutes ?? [])
      register(pages.withTypeProvider<ZodTypeProvider>(), { ...deps, metrics });
  });
  return app;
}
