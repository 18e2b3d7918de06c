/**
 * Saldo as the call center meets it: the real HTTP server (API and the staff app's
 * pages) on a free port, on the test database, with a clock that travels; and staff
 * users made through the auth module's own use case.
 */
import { createServer } from "node:net";
import type { FastifyInstance } from "fastify";
import { createUser } from "../../src/modules/auth/app/create-user";
import type { Role } from "../../src/modules/auth/domain/roles";
import type { Database } from "../../src/platform/db/database";
import { buildServer } from "../../src/platform/http/server";
import { PUBLIC_ROUTES, ROUTES } from "../../src/routes";
import { channelRuntime } from "./channel-harness";
import { travellingClock } from "./portal-harness";
import { TEST_PASSWORD } from "./test-app";

export interface StaffServer {
  url: string;
  app: FastifyInstance;
  clock: ReturnType<typeof travellingClock>;
  close(): Promise<void>;
}

export async function startStaffServer(database: Database, at: string): Promise<StaffServer> {
  const port = await freePort();
  const clock = travellingClock(at);
  const app = await buildServer(
    { database, clock, sessionTtlHours: 8, secureCookies: false, channels: channelRuntime() },
    ROUTES,
    { logLevel: process.env.SALDO_TEST_LOG ?? "silent", publicRoutes: PUBLIC_ROUTES },
  );
  await app.listen({ port, host: "127.0.0.1" });
  return { url: `http://127.0.0.1:${port}`, app, clock, close: () => app.close() };
}

let staff = 0;

/** A staff user who can log in with TEST_PASSWORD. */
export async function createStaff(
  database: Database,
  role: Role,
  name: string,
  tenantIds: string[],
): Promise<{ id: string; email: string; name: string; password: string }> {
  staff++;
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${staff}@staff.saldo.example`;
  const user = await createUser(
    { db: database.db },
    { email, name, password: TEST_PASSWORD, role, tenantIds },
  );
  return { id: user.id, email, name, password: TEST_PASSWORD };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
