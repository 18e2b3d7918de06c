import { z } from "zod";
import { AppError } from "../../../platform/errors.js";
import type { RouteModule } from "../../../platform/http/server.js";
import { openPortalLink, publicBrand } from "../app/open-portal-link.js";
import { sendEntryCode } from "../app/send-entry-code.js";
import { verifyEntry } from "../app/verify-entry.js";
import { loadLogo } from "../store/entry-case.js";
import { endPortalSession } from "../store/portal-sessions.js";
import { clearPortalCookie, PORTAL_COOKIE, SMALL_BODY, setPortalCookie } from "./portal-session.js";
import { brandOut } from "./schemas.js";

const token = z.string().min(10).max(200);
const TAGS = ["portal"];

/** The portal's door: a link from a message, then a one-time code or a piece of knowledge. */
export const portalEntryRoutes: RouteModule = (app, deps) => {
  const entryDeps = { database: deps.database, clock: deps.clock, channels: deps.channels };
  // Guessing is stopped per case by the lockout; this stops one address hammering many links.
  const limited = { rateLimit: { max: 30, timeWindow: "1 minute" } };

  app.post(
    "/api/portal/entry",
    {
      bodyLimit: SMALL_BODY,
      config: limited,
      schema: {
        tags: TAGS,
        summary: "Open a personal link: the creditor's brand and the ways to confirm identity",
        description:
          "404 link_invalid for a token that is not Saldo's; 410 link_expired (with the creditor) for an old one.",
        body: z.object({ token }),
        response: {
          200: z.object({
            language: z.enum(["it", "en"]),
            creditor: brandOut,
            methods: z.array(
              z.object({
                id: z.string(),
                channel: z.enum(["sms", "email"]),
                destination: z.string(),
              }),
            ),
            knowledge: z.object({ kind: z.enum(["tax_code_last4", "vat_last4"]) }).nullable(),
          }),
        },
      },
    },
    async (request) => {
      const door = await openPortalLink(
        { ...entryDeps, links: deps.channels.links },
        request.body.token,
      );
      return {
        language: door.entry.language,
        creditor: publicBrand(door.entry.brand),
        methods: door.methods.map(({ id, channel, destination }) => ({ id, channel, destination })),
        knowledge: door.knowledge ? { kind: door.knowledge.kind } : null,
      };
    },
  );

  app.post(
    "/api/portal/entry/code",
    {
      bodyLimit: SMALL_BODY,
      config: limited,
      schema: {
        tags: TAGS,
        summary: "Send a one-time entry code to one of the debtor's own contact points",
        body: z.object({ token, methodId: z.uuid() }),
        response: { 202: z.object({ expiresInMinutes: z.number() }) },
      },
    },
    async (request, reply) => {
      const sent = await sendEntryCode(entryDeps, { ...request.body, ip: request.ip });
      return reply.status(202).send(sent);
    },
  );

  app.post(
    "/api/portal/entry/verify",
    {
      bodyLimit: SMALL_BODY,
      config: limited,
      schema: {
        tags: TAGS,
        summary: "Check the code or the answer; on success a session cookie",
        description:
          "401 code_invalid for any wrong, expired or unknown code; 429 entry_locked after 5 failures in 30 minutes.",
        body: z
          .object({
            token,
            code: z.string().max(20).optional(),
            knowledge: z.string().max(40).optional(),
          })
          .refine((b) => (b.code === undefined) !== (b.knowledge === undefined), {
            message: "send either code or knowledge",
          }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const { sessionToken } = await verifyEntry(entryDeps, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      setPortalCookie(reply, deps, sessionToken);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/portal/logout",
    { bodyLimit: SMALL_BODY, schema: { tags: TAGS, summary: "End the debtor's session" } },
    async (request, reply) => {
      const sessionToken = request.cookies[PORTAL_COOKIE];
      if (sessionToken) await endPortalSession(deps.database.pool, sessionToken, deps.clock.now());
      clearPortalCookie(reply, deps);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/portal/logo/:tenantId",
    { schema: { hide: true, params: z.object({ tenantId: z.uuid() }) } },
    async (request, reply) => {
      const logo = await loadLogo(deps.database.pool, request.params.tenantId);
      if (!logo) throw new AppError("not_found", "no logo");
      return reply
        .type(logo.contentType)
        .header("cache-control", "public, max-age=3600")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
        .send(logo.bytes);
    },
  );
};
