import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requirePermission } from "../../../platform/http/guard";
import { type RouteModule, SESSION_COOKIE } from "../../../platform/http/server";
import { createApiToken } from "../app/create-api-token";
import { createUser, createUserInput } from "../app/create-user";
import { logIn } from "../app/log-in";
import { logOut } from "../app/log-out";
import { canReachTenant, ROLES } from "../domain/roles";

const userOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  allTenants: z.boolean(),
  tenantIds: z.array(z.string()),
});

export const authRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;

  app.post(
    "/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Log in with email and password; sets an HttpOnly session cookie",
        body: z.object({ email: z.string().min(3), password: z.string().min(1) }),
        response: { 200: z.object({ expiresAt: z.string() }) },
        security: [],
      },
      config: { rateLimit: { max: 20, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const session = await logIn(
        { db, clock: deps.clock, sessionTtlHours: deps.sessionTtlHours },
        request.body,
      );
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: deps.secureCookies,
        expires: session.expiresAt,
      });
      return { expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.post(
    "/auth/logout",
    { schema: { tags: ["auth"], summary: "End the session" } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logOut({ db }, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    },
  );

  app.get(
    "/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Who am I",
        response: { 200: userOut.omit({ name: true }).extend({ via: z.string() }) },
      },
    },
    async (request) => {
      const p = requirePermission(request, "portfolio:read");
      return {
        id: p.userId,
        email: p.email,
        role: p.role,
        allTenants: p.allTenants,
        tenantIds: [...p.tenantIds],
        via: p.via,
      };
    },
  );

  app.post(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create a staff user (admin)",
        body: createUserInput,
        response: { 201: userOut },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, "users:manage");
      // An admin grants only what they have: tenants they reach, all tenants only if they have all.
      const { allTenants, tenantIds = [] } = request.body;
      if (
        (allTenants && !principal.allTenants) ||
        tenantIds.some((id) => !canReachTenant(principal, id))
      ) {
        throw new AppError(
          "forbidden",
          "you can only grant access to tenants you can reach yourself",
        );
      }
      const user = await createUser({ db }, request.body);
      return reply.status(201).send({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role as z.infer<typeof userOut>["role"],
        allTenants: user.all_tenants,
        tenantIds: user.tenantIds,
      });
    },
  );

  app.post(
    "/api-tokens",
    {
      schema: {
        tags: ["auth"],
        summary: "Create an API token acting as the caller; the token is shown only once",
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string() }) },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, "portfolio:read");
      const created = await createApiToken(
        { db },
        { userId: principal.userId, name: request.body.name },
      );
      return reply.status(201).send({ id: created.id, name: created.name, token: created.token });
    },
  );
};
