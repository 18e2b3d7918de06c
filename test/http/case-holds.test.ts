import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../support/factories";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const app = await buildTestApp(database);
afterAll(() => app.close());

let tenantId: string;
let caseId: string;
let agent: { cookie: string; userId: string };

beforeAll(async () => {
  tenantId = (await createTenant(database.db)).id;
  const supervisor = await loggedInAs(app, database, "supervisor", { tenantIds: [tenantId] });
  const imported = await app.inject({
    method: "POST",
    url: `/api/v1/tenants/${tenantId}/imports/bulk`,
    headers: { cookie: supervisor.cookie },
    payload: {
      debtors: [{ externalId: "D1", name: "Mario Rossi", taxCode: "RSSMRA85T10A562S" }],
      invoices: [
        { externalId: "F1", debtorExternalId: "D1", dueDate: "2026-01-10", amountMinor: 10_000 },
      ],
    },
  });
  expect(imported.statusCode, imported.body).toBe(201);
  caseId = (
    await database.db
      .selectFrom("cases")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow()
  ).id;
  agent = await loggedInAs(app, database, "agent", { tenantIds: [tenantId] });
});

const holdsUrl = (reason = "") =>
  `/api/v1/tenants/${tenantId}/cases/${caseId}/holds${reason ? `/${reason}` : ""}`;
const addHold = (payload: object, cookie = agent.cookie) =>
  app.inject({ method: "POST", url: holdsUrl(), headers: { cookie }, payload });
const removeHold = (reason: string, cookie = agent.cookie) =>
  app.inject({ method: "DELETE", url: holdsUrl(reason), headers: { cookie } });

async function caseRow() {
  return database.db
    .selectFrom("cases")
    .select(["status", "hold_reasons", "next_evaluation_at"])
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
}

async function holdEvents() {
  return database.db
    .selectFrom("case_events")
    .select(["type", "actor", "data"])
    .where("case_id", "=", caseId)
    .where("type", "like", "hold.%")
    .orderBy("id")
    .execute();
}

/** Pushes the case's next evaluation into the future, as the scheduler would. */
async function evaluatedLater() {
  await database.db
    .updateTable("cases")
    .set({ next_evaluation_at: new Date(Date.now() + 86_400_000) })
    .where("id", "=", caseId)
    .execute();
}

describe("case holds over HTTP", () => {
  it("puts an open case on hold, writes the timeline and makes it due now", async () => {
    expect((await caseRow()).status).toBe("open");
    await evaluatedLater();
    const response = await addHold({ reason: "dispute", note: "says the invoice was paid" });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({
      caseId,
      status: "on_hold",
      holdReasons: ["dispute"],
      changed: true,
    });
    const row = await caseRow();
    expect(row).toMatchObject({ status: "on_hold", hold_reasons: ["dispute"] });
    expect(row.next_evaluation_at?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await holdEvents()).toEqual([
      {
        type: "hold.added",
        actor: `user:${agent.userId}`,
        data: { reason: "dispute", note: "says the invoice was paid", by: agent.userId },
      },
    ]);
  });

  it("does not add the same reason twice", async () => {
    const response = await addHold({ reason: "dispute" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ holdReasons: ["dispute"], changed: false });
    expect(await holdEvents()).toHaveLength(1);
  });

  it("stays on hold while another reason remains, and opens when none does", async () => {
    expect((await addHold({ reason: "hardship" })).json().holdReasons).toEqual([
      "dispute",
      "hardship",
    ]);
    await evaluatedLater();
    const first = await removeHold("dispute");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: "on_hold", holdReasons: ["hardship"] });
    expect((await caseRow()).next_evaluation_at?.getTime()).toBeLessThanOrEqual(Date.now());

    await evaluatedLater();
    const last = await removeHold("hardship");
    expect(last.json()).toMatchObject({ status: "open", holdReasons: [], changed: true });
    const row = await caseRow();
    expect(row).toMatchObject({ status: "open", hold_reasons: [] });
    expect(row.next_evaluation_at?.getTime()).toBeLessThanOrEqual(Date.now());

    const events = await holdEvents();
    expect(events.map((e) => [e.type, e.data.reason])).toEqual([
      ["hold.added", "dispute"],
      ["hold.added", "hardship"],
      ["hold.removed", "dispute"],
      ["hold.removed", "hardship"],
    ]);
    expect(events[3]?.data).toEqual({ reason: "hardship", by: agent.userId });
  });

  it("removing a reason not held changes nothing", async () => {
    const response = await removeHold("plan");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "open", changed: false });
    expect(await holdEvents()).toHaveLength(4);
  });

  it("wakes the scheduler after the change", async () => {
    const listener = await database.pool.connect();
    try {
      const heard = new Promise<string | undefined>((resolve) =>
        listener.once("notification", (n) => resolve(n.payload)),
      );
      await listener.query("listen saldo_evaluate");
      await addHold({ reason: "vulnerability" });
      expect(await heard).toBe(caseId);
      await removeHold("vulnerability");
    } finally {
      await listener.query("unlisten saldo_evaluate");
      listener.release();
    }
  });

  it("validates the reason and the caller", async () => {
    expect((await addHold({ reason: "bored" })).statusCode).toBe(400);
    expect((await removeHold("bored")).statusCode).toBe(400);
    const viewer = await loggedInAs(app, database, "client_viewer", { tenantIds: [tenantId] });
    expect((await addHold({ reason: "plan" }, viewer.cookie)).statusCode).toBe(403);
    const missing = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/cases/00000000-0000-4000-8000-000000000000/holds`,
      headers: { cookie: agent.cookie },
      payload: { reason: "plan" },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("refuses holds on a closed case", async () => {
    await database.db
      .updateTable("cases")
      .set({ status: "closed", closed_at: new Date(), close_reason: "paid" })
      .where("id", "=", caseId)
      .execute();
    const response = await addHold({ reason: "plan" });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("case_closed");
  });
});
