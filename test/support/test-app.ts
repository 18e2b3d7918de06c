import type { FastifyInstance } from "fastify";
import { createUser } from "../../src/modules/auth/app/create-user";
import type { Role } from "../../src/modules/auth/domain/roles";
import type { ChannelRuntime } from "../../src/modules/channels/app/channel-runtime";
import type { CardProvider } from "../../src/modules/payments/card";
import { type Clock, systemClock } from "../../src/platform/clock";
import type { Database } from "../../src/platform/db/database";
import { buildServer } from "../../src/platform/http/server";
import { PUBLIC_ROUTES, ROUTES } from "../../src/routes";
import { channelRuntime } from "./channel-harness";

export const TEST_PASSWORD = "correct horse battery staple";

export async function buildTestApp(
  database: Database,
  clock: Clock = systemClock,
  channels?: ChannelRuntime,
  card?: CardProvider,
): Promise<FastifyInstance> {
  const app = await buildServer(
    {
      database,
      clock,
      sessionTtlHours: 1,
      secureCookies: false,
      channels: channels ?? channelRuntime(),
      card,
    },
    ROUTES,
    { logLevel: "silent", publicRoutes: PUBLIC_ROUTES },
  );
  await app.ready();
  return app;
}

let n = 0;

/** A user of the given role, logged in: returns the session cookie header to send. */
export async function loggedInAs(
  app: FastifyInstance,
  database: Database,
  role: Role,
  tenants: { allTenants?: boolean; tenantIds?: string[] } = {},
): Promise<{ cookie: string; userId: string; email: string }> {
  n++;
  const email = `${role}-${n}-${process.pid}@test.saldo.example`;
  const user = await createUser(
    { db: database.db },
    {
      email,
      name: `${role} ${n}`,
      password: TEST_PASSWORD,
      role,
      allTenants: tenants.allTenants ?? false,
      tenantIds: tenants.tenantIds ?? [],
    },
  );
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const setCookie = response.headers["set-cookie"];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return { cookie: String(raw).split(";")[0] as string, userId: user.id, email };
}
