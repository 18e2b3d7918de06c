import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ITALY } from "../../src/modules/policy/domain";
import { createTenant } from "../support/factories";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const app = await buildTestApp(database);
afterAll(() => app.close());

let tenantId: string;
let admin: { cookie: string; userId: string };
let supervisor: string;

beforeAll(async () => {
  tenantId = (await createTenant(database.db)).id;
  admin = await loggedInAs(app, database, "admin", { tenantIds: [tenantId] });
  supervisor = (await loggedInAs(app, database, "supervisor", { tenantIds: [tenantId] })).cookie;
});

const url = () => `/api/v1/tenants/${tenantId}/contact-policy`;
const put = (payload: object, cookie = admin.cookie) =>
  app.inject({ method: "PUT", url: url(), headers: { cookie }, payload });
const get = () => app.inject({ method: "GET", url: url(), headers: { cookie: supervisor } });

const callHours = ITALY.hours.find((h) => h.id === "italy.hours.call");
if (!callHours) throw new Error("the Italian preset lost its call hours");
const weekdays = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe("contact policy over HTTP", () => {
  it("is the Italian preset for an Italian tenant that set nothing", async () => {
    const response = await get();
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      preset: "IT",
      overrides: {},
      loosening: null,
      updatedBy: null,
      updatedAt: null,
    });
    expect(body.policy).toEqual(JSON.parse(JSON.stringify(ITALY)));
  });

  it("accepts a tightening: narrower call hours", async () => {
    const narrower = {
      ...callHours,
      week: {
        ...weekdays,
        mon: [{ from: "09:00", to: "19:00" }],
        tue: [{ from: "09:00", to: "19:00" }],
        wed: [{ from: "09:00", to: "19:00" }],
        thu: [{ from: "09:00", to: "19:00" }],
        fri: [{ from: "09:00", to: "19:00" }],
      },
    };
    const response = await put({ preset: "IT", overrides: { hours: [narrower] } });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.loosening).toBeNull();
    expect(body.updatedBy).toBe(admin.userId);
    const hours = body.policy.hours.find((h: { id: string }) => h.id === "italy.hours.call");
    expect(hours.week.mon).toEqual([{ from: "09:00", to: "19:00" }]);
    expect(hours.week.sat).toEqual([]);

    const stored = (await get()).json();
    expect(stored.overrides.hours[0].week.mon).toEqual([{ from: "09:00", to: "19:00" }]);
    expect(stored.policy.hours[0].week.fri).toEqual([{ from: "09:00", to: "19:00" }]);
  });

  const looser = {
    preset: "IT",
    overrides: {
      maxConversationsPerDay: 3,
      hours: [{ ...callHours, excludeSundays: false, week: { ...callHours.week, sun: [] } }],
    },
  };

  it("refuses a loosening without approval, listing every violation, and keeps the old policy", async () => {
    const response = await put(looser);
    expect(response.statusCode, response.body).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe("policy_loosening_not_approved");
    expect(error.details.violations).toEqual([
      'hours "italy.hours.call" allows Sundays',
      "conversations per day 3 is above the preset's 1",
    ]);
    expect((await get()).json().policy.hours[0].week.mon).toEqual([{ from: "09:00", to: "19:00" }]);
  });

  it("accepts a loosening with an approval and records it", async () => {
    const approval = {
      loosen: true,
      approvedBy: "Compliance officer",
      reason: "Court order 12/2026",
    };
    const response = await put({ ...looser, approval });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const loosening = {
      approvedBy: "Compliance officer",
      reason: "Court order 12/2026",
      violations: [
        'hours "italy.hours.call" allows Sundays',
        "conversations per day 3 is above the preset's 1",
      ],
    };
    expect(body.loosening).toEqual(loosening);
    expect(body.policy.loosening).toEqual(loosening);
    expect(body.policy.maxConversationsPerDay).toBe(3);

    expect((await get()).json().loosening).toEqual(loosening);
    const row = await database.db
      .selectFrom("tenant_policies")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ preset: "IT", updated_by: admin.userId });
    expect(row.overrides).toMatchObject({ approval });
  });

  it("switches preset and drops an approval nothing needs", async () => {
    const response = await put({
      preset: "US",
      overrides: {},
      approval: { loosen: true, approvedBy: "x", reason: "y" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ preset: "US", loosening: null, policy: { id: "us" } });
    const row = await database.db
      .selectFrom("tenant_policies")
      .select("overrides")
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    expect(row.overrides).toEqual({});
  });

  it("rejects malformed overrides with 400", async () => {
    const backwards = {
      ...callHours,
      week: { ...weekdays, mon: [{ from: "19:00", to: "09:00" }] },
    };
    const response = await put({ preset: "IT", overrides: { hours: [backwards] } });
    expect(response.statusCode).toBe(400);
    const twice = await put({ preset: "IT", overrides: { hours: [callHours, callHours] } });
    expect(twice.statusCode).toBe(400);
    expect((await put({ preset: "FR", overrides: {} })).statusCode).toBe(400);
  });

  it("lets only admins change it", async () => {
    for (const role of ["supervisor", "agent", "auditor", "client_viewer"] as const) {
      const { cookie } = await loggedInAs(app, database, role, { tenantIds: [tenantId] });
      const response = await put({ preset: "IT", overrides: {} }, cookie);
      expect(response.statusCode, role).toBe(403);
    }
  });
});
