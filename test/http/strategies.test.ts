import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_STRATEGIES, type StrategyDefinition } from "../../src/modules/strategies/domain";
import { createTenant } from "../support/factories";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const app = await buildTestApp(database);
afterAll(() => app.close());

let tenantId: string;
let supervisor: string;
let agent: string;

beforeAll(async () => {
  tenantId = (await createTenant(database.db)).id;
  supervisor = (await loggedInAs(app, database, "supervisor", { tenantIds: [tenantId] })).cookie;
  agent = (await loggedInAs(app, database, "agent", { tenantIds: [tenantId] })).cookie;
});

const consumer = DEFAULT_STRATEGIES.find((s) => s.key === "consumer-utility") as StrategyDefinition;
const url = (path = "") => `/api/v1/tenants/${tenantId}/strategies${path}`;
const post = (payload: unknown, cookie = supervisor) =>
  app.inject({ method: "POST", url: url(), headers: { cookie }, payload: payload as object });

describe("strategies over HTTP", () => {
  it("publishes the JSON Schema of a definition to any staff user", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/api/v1/strategies/schema",
      headers: { cookie: agent },
    });
    expect(response.statusCode, response.body).toBe(200);
    const schema = response.json();
    expect(schema.$schema).toContain("2020-12");
    expect(schema.required).toEqual(expect.arrayContaining(["key", "name", "variants"]));
    expect((await app.inject({ method: "GET", url: "/api/v1/strategies/schema" })).statusCode).toBe(
      401,
    );
  });

  it("installs the defaults when a tenant without strategies lists them", async () => {
    const before = await database.db
      .selectFrom("strategies")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .execute();
    expect(before).toEqual([]);
    const response = await app.inject({ method: "GET", url: url(), headers: { cookie: agent } });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json();
    expect(items.map((s: { key: string }) => s.key)).toEqual(
      DEFAULT_STRATEGIES.map((s) => s.key).sort(),
    );
    const listed = items.find((s: { key: string }) => s.key === "consumer-utility");
    expect(listed).toMatchObject({ latestVersion: 1, versions: [{ version: 1 }] });
    expect(listed.definition).toEqual(JSON.parse(JSON.stringify(consumer)));
    // Listing again installs nothing more.
    const again = await app.inject({ method: "GET", url: url(), headers: { cookie: agent } });
    expect(again.json().items).toHaveLength(DEFAULT_STRATEGIES.length);
  });

  it("saves an edit as the next version, and an unchanged definition as nothing", async () => {
    const edited = structuredClone(consumer);
    edited.description = { it: "Versione rivista", en: "Revised version" };
    const created = await post(edited);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ key: "consumer-utility", version: 2 });

    const same = await post(edited);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ key: "consumer-utility", version: 2 });
    expect(same.json().createdAt).toBe(created.json().createdAt);

    const listed = (await app.inject({ method: "GET", url: url(), headers: { cookie: agent } }))
      .json()
      .items.find((s: { key: string }) => s.key === "consumer-utility");
    expect(listed.latestVersion).toBe(2);
    expect(listed.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(listed.definition.description.en).toBe("Revised version");
  });

  it("starts a new strategy at version 1 for a new key", async () => {
    const response = await post({ ...consumer, key: "gentle" });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ key: "gentle", version: 1 });
  });

  it("answers 400 with zod's issues for an invalid definition", async () => {
    const noChampion = {
      ...consumer,
      variants: consumer.variants.map((v) => ({ ...v, key: "other" })),
    };
    const response = await post(noChampion);
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("strategy_invalid");
    expect(error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ["variants"] })]),
    );

    const badKey = await post({ ...consumer, key: "Not A Key" });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.details[0].path).toEqual(["key"]);
  });

  it("lets only admins and supervisors save", async () => {
    expect((await post({ ...consumer, key: "by-agent" }, agent)).statusCode).toBe(403);
  });

  it("reads one version, and 404 for one that does not exist", async () => {
    const v1 = await app.inject({
      method: "GET",
      url: url("/consumer-utility/versions/1"),
      headers: { cookie: agent },
    });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json()).toMatchObject({ key: "consumer-utility", version: 1 });
    expect(v1.json().definition.description).toEqual(
      JSON.parse(JSON.stringify(consumer.description)),
    );

    const v2 = await app.inject({
      method: "GET",
      url: url("/consumer-utility/versions/2"),
      headers: { cookie: agent },
    });
    expect(v2.json().definition.description.en).toBe("Revised version");

    const missing = await app.inject({
      method: "GET",
      url: url("/consumer-utility/versions/9"),
      headers: { cookie: agent },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("strategy_version_not_found");
  });

  it("touches no case when a strategy changes", async () => {
    const events = await database.db
      .selectFrom("case_events")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .execute();
    expect(events).toEqual([]);
  });
});
