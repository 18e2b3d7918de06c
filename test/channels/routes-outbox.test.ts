import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/platform/clock";
import { actionsOf, channelRuntime, seedSweptCase } from "../support/channel-harness";
import { addDebtor, useDispatcher } from "../support/channel-http";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const channels = channelRuntime();
const app = await buildTestApp(database, fixedClock("2026-11-24T10:00:00Z"), channels);
afterAll(() => app.close());
const dispatch = await useDispatcher(database, channels);

const NAME = "Rossi & Figli <S.r.l.>";

let tenantId: string;
let emailCase: string;
let letterCase: string;
let cookie: string;
let emailId: string;
let letterId: string;

const get = (path: string) =>
  app.inject({ method: "GET", url: `/api/v1/tenants/${tenantId}${path}`, headers: { cookie } });
const post = (path: string, payload?: object) =>
  app.inject({
    method: "POST",
    url: `/api/v1/tenants/${tenantId}${path}`,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload }),
  });

beforeAll(async () => {
  const seeded = await seedSweptCase(database, { email: "rossi@example.org" });
  tenantId = seeded.tenantId;
  emailCase = seeded.caseId;
  // The same tenant has a debtor with a postal address only: the first reminder is a letter.
  letterCase = await addDebtor(database, tenantId, { postal: true });
  expect((await actionsOf(database, letterCase))[0]).toMatchObject({
    channel: "letter",
    status: "scheduled",
  });
  await database.pool.query(
    "update debtors set name = $2 where id = (select debtor_id from cases where id = $1)",
    [emailCase, NAME],
  );
  expect(await dispatch()).toMatchObject({ sent: 1, letters: 1, failed: 0 });
  cookie = (await loggedInAs(app, database, "supervisor", { tenantIds: [tenantId] })).cookie;
  const { rows } = await database.pool.query<{ id: string; channel: string }>(
    "select id, channel from messages where tenant_id = $1",
    [tenantId],
  );
  emailId = rows.find((r) => r.channel === "email")?.id as string;
  letterId = rows.find((r) => r.channel === "letter")?.id as string;
});

describe("the outbox", () => {
  it("lists what was sent through the outbox transport", async () => {
    const response = await get("/messages");
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({ total: 2, limit: 50, offset: 0 });
    const email = page.items.find((m: { id: string }) => m.id === emailId);
    expect(email).toMatchObject({
      caseId: emailCase,
      channel: "email",
      template: "reminder.first",
      language: "it",
      transport: "outbox",
      recipient: "rossi@example.org",
      status: "delivered",
      tries: 1,
      providerIds: [`outbox:${emailId}`],
      costMinor: "0",
      printBatchId: null,
    });
    expect(email.subject).toMatch(/^Promemoria di pagamento - Tenant \d+$/);
  });

  it("filters by channel, status and case", async () => {
    const ids = async (query: string) =>
      (await get(`/messages?${query}`)).json().items.map((m: { id: string }) => m.id);
    expect(await ids("channel=email")).toEqual([emailId]);
    expect(await ids("channel=letter")).toEqual([letterId]);
    expect(await ids("channel=sms")).toEqual([]);
    expect(await ids("status=delivered")).toEqual([emailId]);
    expect(await ids("status=queued")).toEqual([letterId]);
    expect(await ids(`caseId=${letterCase}`)).toEqual([letterId]);
    expect(await ids(`caseId=${emailCase}&channel=letter`)).toEqual([]);
    expect(await ids(`caseId=${randomUUID()}`)).toEqual([]);
    expect((await get("/messages?channel=fax")).statusCode).toBe(400);
    const paged = (await get("/messages?limit=1&offset=1")).json();
    expect(paged).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(paged.items).toHaveLength(1);
  });

  it("shows one message with its text and its HTML, the debtor's name escaped", async () => {
    const response = await get(`/messages/${emailId}`);
    expect(response.statusCode).toBe(200);
    const message = response.json();
    expect(message).toMatchObject({ id: emailId, status: "delivered" });
    expect(message.bodyText).toContain(`Gentile ${NAME}`);
    expect(message.bodyText).toContain("€ 1.234,56");
    expect(message.bodyHtml).toContain("Gentile Rossi &amp; Figli &lt;S.r.l.&gt;");
    expect(message.bodyHtml).not.toContain("<S.r.l.>");
    expect((await get(`/messages/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe("letters", () => {
  it("a letter waits for print with its PDF", async () => {
    const listed = (await get(`/messages/${letterId}`)).json();
    expect(listed).toMatchObject({
      channel: "letter",
      transport: "print",
      status: "queued",
      recipient: "Anna Bianchi",
      bodyHtml: null,
      printBatchId: null,
    });
    const document = await get(`/messages/${letterId}/document`);
    expect(document.statusCode).toBe(200);
    expect(document.headers["content-type"]).toBe("application/pdf");
    expect(document.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // An email carries no document.
    expect((await get(`/messages/${emailId}/document`)).statusCode).toBe(404);
  });

  it("a print batch takes the waiting letter once", async () => {
    const created = await post("/print-batches");
    expect(created.statusCode).toBe(201);
    const batch = created.json();
    expect(batch).toMatchObject({ id: expect.any(String), letters: 1, withdrawn: 0 });
    expect(batch.pages).toBeGreaterThanOrEqual(1);

    const letter = (await get(`/messages/${letterId}`)).json();
    expect(letter).toMatchObject({ status: "sent", printBatchId: batch.id });
    expect((await actionsOf(database, letterCase))[0]?.status).toBe("sent");

    const pdf = await get(`/print-batches/${batch.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="batch-${batch.id}.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const manifest = await get(`/print-batches/${batch.id}/manifest.csv`);
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(manifest.body).toContain(letterId);
    expect(manifest.body.trim().split(/\r?\n/)).toHaveLength(2);

    const again = await post("/print-batches");
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: null, letters: 0, pages: 0, withdrawn: 0 });
    expect((await get(`/print-batches/${randomUUID()}/pdf`)).statusCode).toBe(404);
  });

  it("refuses a tracking number for a letter that is not registered", async () => {
    const response = await post("/tracking-numbers", {
      items: [{ messageId: letterId, trackingNumber: "RR123456789IT" }],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      recorded: 0,
      unchanged: 0,
      rejected: [{ line: 1, messageId: letterId, reason: "not a registered letter" }],
    });
    const csv = await post("/tracking-numbers", {
      csv: `message_id,tracking_number\n${letterId},RR123456789IT\nnot-an-id,RR1\n`,
    });
    expect(csv.json().rejected).toEqual([
      { line: 3, messageId: "not-an-id", reason: "not a letter id" },
      { line: 2, messageId: letterId, reason: "not a registered letter" },
    ]);
    expect((await get(`/messages/${letterId}`)).json().trackingNumber).toBeNull();
  });
});

describe("channel settings", () => {
  const settings = {
    email: { fromName: "Acqua Chiara", replyTo: "crediti@acquachiara.example" },
    sms: { sender: "AcquaChiara" },
    letter: { returnAddress: "Acqua Chiara S.p.A.", place: "Roma" },
    payment: { iban: "IT60X0542811101000000123456" },
  };

  it("an admin sets them and reads them back", async () => {
    const admin = await loggedInAs(app, database, "admin", { tenantIds: [tenantId] });
    const put = await app.inject({
      method: "PUT",
      url: `/api/v1/tenants/${tenantId}/channel-settings`,
      headers: { cookie: admin.cookie },
      payload: settings,
    });
    expect(put.statusCode).toBe(200);
    const read = await get("/channel-settings");
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      ...settings,
      pec: {},
      costsMinor: { email: 0, pec: 5, sms: 6, letter: 130, registered_letter: 680 },
      formalNotice: { interestRatePercent: 2, b2bFlatCostMinor: 4000, deadlineDays: 15 },
    });
  });

  it("refuses an SMS sender longer than 11 letters, and a supervisor", async () => {
    const admin = await loggedInAs(app, database, "admin", { tenantIds: [tenantId] });
    const tooLong = await app.inject({
      method: "PUT",
      url: `/api/v1/tenants/${tenantId}/channel-settings`,
      headers: { cookie: admin.cookie },
      payload: { sms: { sender: "AcquaChiaraServizi20" } },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe("validation_failed");
    const bySupervisor = await app.inject({
      method: "PUT",
      url: `/api/v1/tenants/${tenantId}/channel-settings`,
      headers: { cookie },
      payload: settings,
    });
    expect(bySupervisor.statusCode).toBe(403);
    expect((await get("/channel-settings")).json().sms).toEqual({ sender: "AcquaChiara" });
  });
});
