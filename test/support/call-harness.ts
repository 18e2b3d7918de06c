/**
 * A call center in front of the API: a tenant, debtors with phones and open
 * invoices imported through the bulk API, cases put in the call queue, agents
 * logged in, and a clock that travels (Tuesday 2026-11-24 10:00 in Rome by default).
 */
import type { FastifyInstance } from "fastify";
import { afterAll, expect } from "vitest";
import { createUser } from "../../src/modules/auth/app/create-user";
import { logIn } from "../../src/modules/auth/app/log-in";
import type { Role } from "../../src/modules/auth/domain/roles";
import { assignCaseCall } from "../../src/modules/calls/app/assign-case-call";
import type { Database } from "../../src/platform/db/database";
import { SESSION_COOKIE } from "../../src/platform/http/server";
import { createTenant } from "./factories";
import { travellingClock } from "./portal-harness";
import { buildTestApp, TEST_PASSWORD } from "./test-app";
import { useTestDatabase } from "./test-database";

export const TUESDAY_10_ROME = "2026-11-24T09:00:00Z";

export interface SeedOptions {
  /** Debtor language (default Italian). */
  language?: string;
  amountMinor?: number;
  dueDate?: string;
  /** Two debtors share a tax code every `sharedPerson` rows: one person, two cases. */
  timeZone?: string;
  /** Without a phone number (default: a mobile each). */
  noPhone?: boolean;
}

export async function callCenterHarness(start = TUESDAY_10_ROME) {
  const database = await useTestDatabase();
  const clock = travellingClock(start);
  const app = await buildTestApp(database, clock);
  afterAll(() => app.close());
  let batch = 0;
  let users = 0;

  /** A user with a session, made without the login route (its rate limit is for people). */
  async function sessionAs(role: Role, tenantIds: string[]) {
    users++;
    const email = `${role}-${users}-${process.pid}@calls.test.example`;
    const user = await createUser(
      { db: database.db },
      {
        email,
        name: `${role} ${users}`,
        password: TEST_PASSWORD,
        role,
        allTenants: false,
        tenantIds,
      },
    );
    const session = await logIn(
      { db: database.db, clock, sessionTtlHours: 72 },
      { email, password: TEST_PASSWORD },
    );
    return { cookie: `${SESSION_COOKIE}=${session.token}`, userId: user.id, email };
  }

  async function newTenant() {
    const tenantId = (await createTenant(database.db)).id;
    const supervisor = await sessionAs("supervisor", [tenantId]);
    return { tenantId, supervisor };
  }

  /** `count` debtors, one open case each with a mobile number; returns the case ids in order. */
  async function seedCases(
    tenantId: string,
    cookie: string,
    count: number,
    options: SeedOptions = {},
  ): Promise<string[]> {
    batch++;
    const ids = Array.from({ length: count }, (_, i) => `B${batch}-D${i}`);
    const response = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/imports/bulk`,
      headers: { cookie },
      payload: {
        debtors: ids.map((externalId, i) => ({
          externalId,
          name: `Debitore ${batch}-${i}`,
          language: options.language ?? "it",
          ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        })),
        contacts: (options.noPhone ? [] : ids).map((debtorExternalId, i) => ({
          debtorExternalId,
          kind: "phone",
          value: `+39347${String(batch).padStart(2, "0")}${String(i).padStart(5, "0")}`,
        })),
        invoices: ids.map((debtorExternalId, i) => ({
          externalId: `${debtorExternalId}-F1`,
          debtorExternalId,
          number: `F${batch}-${i}`,
          dueDate: options.dueDate ?? "2026-10-01",
          amountMinor: options.amountMinor ?? 10_000 + i * 100,
        })),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const rows = await database.pool.query<{ id: string; external_id: string }>(
      `select c.id, d.external_id from cases c join debtors d on d.id = c.debtor_id
       where c.tenant_id = $1 and d.external_id = any($2::text[])`,
      [tenantId, ids],
    );
    const byExternal = new Map(rows.rows.map((r) => [r.external_id, r.id]));
    return ids.map((id) => byExternal.get(id) as string);
  }

  /** Puts the cases in the queue as a supervisor would (unassigned). */
  async function queue(tenantId: string, caseIds: string[], by: string): Promise<string[]> {
    const tasks: string[] = [];
    for (const caseId of caseIds) {
      tasks.push(
        (
          await assignCaseCall(
            { database, clock },
            { tenantId, caseId, userId: null, team: null, by },
          )
        ).taskId,
      );
    }
    return tasks;
  }

  async function agent(tenantId: string) {
    return sessionAs("agent", [tenantId]);
  }

  const post = (cookie: string, url: string, payload?: object) =>
    app.inject({
      method: "POST",
      url: `/api/v1${url}`,
      headers: { cookie },
      ...(payload ? { payload } : {}),
    });
  const get = (cookie: string, url: string) =>
    app.inject({ method: "GET", url: `/api/v1${url}`, headers: { cookie } });

  return {
    database: database as Database,
    clock,
    app: app as FastifyInstance,
    newTenant,
    seedCases,
    queue,
    agent,
    post,
    get,
    sessionAs,
  };
}
