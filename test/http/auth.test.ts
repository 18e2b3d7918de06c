import { afterAll, describe, expect, it } from "vitest";
import { createTenant } from "../support/factories";
import { buildTestApp, loggedInAs, TEST_PASSWORD } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const app = await buildTestApp(database);
afterAll(() => app.close());

describe("staff access", () => {
  it("logs in with an HttpOnly SameSite session cookie and answers /me", async () => {
    const tenant = await createTenant(database.db);
    const { cookie, email } = await loggedInAs(app, database, "supervisor", {
      tenantIds: [tenant.id],
    });
    const me = await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email,
      role: "supervisor",
      tenantIds: [tenant.id],
      via: "session",
    });

    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password: TEST_PASSWORD },
    });
    expect(String(login.headers["set-cookie"])).toMatch(/HttpOnly/);
    expect(String(login.headers["set-cookie"])).toMatch(/SameSite=Strict/);

    const out = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it("refuses a wrong password and an unknown user with the same answer", async () => {
    const { email } = await loggedInAs(app, database, "agent", { allTenants: true });
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password: "nope-nope-nope" },
    });
    const unknown = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "ghost@test.saldo.example", password: "nope-nope-nope" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it("stores argon2id hashes, never the password", async () => {
    const { email } = await loggedInAs(app, database, "auditor", { allTenants: true });
    const row = await database.db
      .selectFrom("users")
      .select("password_hash")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it("API tokens act as their user, and only admins create users", async () => {
    const tenant = await createTenant(database.db);
    const agent = await loggedInAs(app, database, "agent", { tenantIds: [tenant.id] });
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/api-tokens",
      headers: { cookie: agent.cookie },
      payload: { name: "dialer" },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    expect(token).toMatch(/^sk_/);
    const me = await app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({ email: agent.email, via: "api_token" });
    const stored = await database.db
      .selectFrom("api_tokens")
      .select("token_hash")
      .executeTakeFirstOrThrow();
    expect(stored.token_hash.toString("utf8")).not.toContain(token);

    const payload = {
      email: "new@test.saldo.example",
      name: "New",
      password: "a-long-enough-password",
      role: "agent",
      allTenants: true,
    };
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/v1/users",
          headers: { authorization: `Bearer ${token}` },
          payload,
        })
      ).statusCode,
    ).toBe(403);
    const admin = await loggedInAs(app, database, "admin", { allTenants: true });
    const made = await app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).not.toHaveProperty("password");
    const again = await app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(again.statusCode).toBe(409);
  });

  it("without credentials every API route answers 401", async () => {
    for (const url of [
      "/api/v1/me",
      "/api/v1/tenants",
      "/api/v1/tenants/00000000-0000-4000-8000-000000000000/debtors",
    ]) {
      expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    }
  });

  it("serves health, metrics and the OpenAPI document", async () => {
    expect((await app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({
      status: "ok",
      database: "ok",
    });
    const metrics = await app.inject({ method: "GET", url: "/metrics" });
    expect(metrics.body).toContain("saldo_http_request_duration_seconds");
    const spec = await app.inject({ method: "GET", url: "/docs/json" });
    expect(spec.statusCode).toBe(200);
    const doc = spec.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/tenants/{tenantId}/imports");
  });

  it("an admin grants only the tenants it reaches", async () => {
    const a = await createTenant(database.db);
    const b = await createTenant(database.db);
    const admin = await loggedInAs(app, database, "admin", { tenantIds: [a.id] });
    const base = { name: "X", password: "a-long-enough-password", role: "agent" };
    const post = (payload: object) =>
      app.inject({
        method: "POST",
        url: "/api/v1/users",
        headers: { cookie: admin.cookie },
        payload,
      });
    expect(
      (await post({ ...base, email: "b@test.saldo.example", tenantIds: [b.id] })).statusCode,
    ).toBe(403);
    expect(
      (await post({ ...base, email: "all@test.saldo.example", allTenants: true })).statusCode,
    ).toBe(403);
    expect(
      (await post({ ...base, email: "a@test.saldo.example", tenantIds: [a.id] })).statusCode,
    ).toBe(201);
  });
});
