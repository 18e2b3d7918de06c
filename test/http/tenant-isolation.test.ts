import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_STRATEGIES } from "../../src/modules/strategies/domain";
import { createTenant } from "../support/factories";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const app = await buildTestApp(database);
afterAll(() => app.close());

type Ids = {
  tenantId: string;
  debtorId: string;
  invoiceId: string;
  caseId: string;
  importId: string;
  /** A strategy only this tenant has. */
  strategyKey: string;
  /** A registered letter (with its PDF) and a print batch. */
  messageId: string;
  batchId: string;
};

const strategyNamed = (key: string) => ({ ...DEFAULT_STRATEGIES[0], key });

/** Every route that takes an id, with how to call it. The last test proves the list is complete. */
const ROUTES_WITH_IDS: Array<{
  method: "GET" | "POST" | "PUT" | "DELETE";
  route: string;
  url: (ids: Ids) => string;
  /** A body, or one built from the ids the call uses. */
  payload?: unknown;
  /** Called by an admin of the tenant instead of a supervisor (admin-only routes). */
  asAdmin?: true;
  /** Its other path parameters name no record (a template id and language), only the tenant does. */
  onlyTenantScoped?: true;
}> = [
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId",
    url: (i) => `/api/v1/tenants/${i.tenantId}`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/debtors",
    url: (i) => `/api/v1/tenants/${i.tenantId}/debtors`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/debtors/:debtorId",
    url: (i) => `/api/v1/tenants/${i.tenantId}/debtors/${i.debtorId}`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/invoices",
    url: (i) => `/api/v1/tenants/${i.tenantId}/invoices`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/invoices/:invoiceId",
    url: (i) => `/api/v1/tenants/${i.tenantId}/invoices/${i.invoiceId}`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/cases",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/cases/:caseId",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/timeline",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/timeline`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/imports",
    url: (i) => `/api/v1/tenants/${i.tenantId}/imports`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/imports/:importId",
    url: (i) => `/api/v1/tenants/${i.tenantId}/imports/${i.importId}`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/imports/:importId/errors.csv",
    url: (i) => `/api/v1/tenants/${i.tenantId}/imports/${i.importId}/errors.csv`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/imports/bulk",
    url: (i) => `/api/v1/tenants/${i.tenantId}/imports/bulk`,
    payload: { debtors: [] },
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/imports",
    url: (i) => `/api/v1/tenants/${i.tenantId}/imports?fileName=x.csv`,
    payload: "debtor_id;name\nC1;X\n",
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/holds",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/holds`,
    payload: { reason: "dispute", note: "isolation" },
  },
  {
    method: "DELETE",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/holds/:reason",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/holds/dispute`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/strategies",
    url: (i) => `/api/v1/tenants/${i.tenantId}/strategies`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/strategies",
    url: (i) => `/api/v1/tenants/${i.tenantId}/strategies`,
    payload: strategyNamed("isolation-posted"),
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/strategies/:key/versions/:version",
    url: (i) => `/api/v1/tenants/${i.tenantId}/strategies/${i.strategyKey}/versions/1`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/contact-policy",
    url: (i) => `/api/v1/tenants/${i.tenantId}/contact-policy`,
  },
  {
    method: "PUT",
    route: "/api/v1/tenants/:tenantId/contact-policy",
    url: (i) => `/api/v1/tenants/${i.tenantId}/contact-policy`,
    payload: { preset: "IT", overrides: { maxConversationsPerDay: 1 } },
    asAdmin: true,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/messages",
    url: (i) => `/api/v1/tenants/${i.tenantId}/messages`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/messages/:messageId",
    url: (i) => `/api/v1/tenants/${i.tenantId}/messages/${i.messageId}`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/messages/:messageId/document",
    url: (i) => `/api/v1/tenants/${i.tenantId}/messages/${i.messageId}/document`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/channel-settings",
    url: (i) => `/api/v1/tenants/${i.tenantId}/channel-settings`,
  },
  {
    method: "PUT",
    route: "/api/v1/tenants/:tenantId/channel-settings",
    url: (i) => `/api/v1/tenants/${i.tenantId}/channel-settings`,
    payload: { sms: { sender: "Acqua" } },
    asAdmin: true,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/tasks",
    url: (i) => `/api/v1/tenants/${i.tenantId}/tasks`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/print-batches",
    url: (i) => `/api/v1/tenants/${i.tenantId}/print-batches`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/print-batches/:batchId/pdf",
    url: (i) => `/api/v1/tenants/${i.tenantId}/print-batches/${i.batchId}/pdf`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/print-batches/:batchId/manifest.csv",
    url: (i) => `/api/v1/tenants/${i.tenantId}/print-batches/${i.batchId}/manifest.csv`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/tracking-numbers",
    url: (i) => `/api/v1/tenants/${i.tenantId}/tracking-numbers`,
    payload: { items: [] },
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/templates",
    url: (i) => `/api/v1/tenants/${i.tenantId}/templates`,
  },
  {
    method: "PUT",
    route: "/api/v1/tenants/:tenantId/templates/:templateId/:channel/:language",
    url: (i) => `/api/v1/tenants/${i.tenantId}/templates/reminder.first/letter/it`,
    onlyTenantScoped: true,
    payload: {
      subject: "Sollecito {{case_reference}}",
      body: "{{salutation}},\n\nsaldo {{balance}}.",
    },
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/templates/preview",
    url: (i) => `/api/v1/tenants/${i.tenantId}/templates/preview`,
    payload: (i: Ids) => ({ caseId: i.caseId, templateId: "reminder.first", channel: "letter" }),
  },
];

async function seedTenant(admin: string, slug: string): Promise<Ids> {
  const tenant = await createTenant(database.db, { slug });
  const response = await app.inject({
    method: "POST",
    url: `/api/v1/tenants/${tenant.id}/imports/bulk`,
    headers: { cookie: admin },
    payload: {
      debtors: [{ externalId: "D1", name: "Mario Rossi", taxCode: "RSSMRA85T10A562S" }],
      invoices: [
        { externalId: "F1", debtorExternalId: "D1", dueDate: "2026-10-01", amountMinor: 10_000 },
      ],
    },
  });
  expect(response.statusCode).toBe(201);
  const db = database.db;
  const debtor = await db
    .selectFrom("debtors")
    .select("id")
    .where("tenant_id", "=", tenant.id)
    .executeTakeFirstOrThrow();
  const invoice = await db
    .selectFrom("invoices")
    .select("id")
    .where("tenant_id", "=", tenant.id)
    .executeTakeFirstOrThrow();
  const kase = await db
    .selectFrom("cases")
    .select("id")
    .where("tenant_id", "=", tenant.id)
    .executeTakeFirstOrThrow();
  const strategyKey = `only-${slug}`;
  const strategy = await app.inject({
    method: "POST",
    url: `/api/v1/tenants/${tenant.id}/strategies`,
    headers: { cookie: admin },
    payload: strategyNamed(strategyKey),
  });
  expect(strategy.statusCode, strategy.body).toBe(201);
  const { rows: letter } = await database.pool.query<{ id: string }>(
    `insert into messages (tenant_id, case_id, channel, template, language, transport, recipient, body_text,
       document, status) values ($1, $2, 'registered_letter', 'notice.formal', 'it', 'print', 'Mario Rossi',
       'testo', '\\x255044462d', 'sent') returning id`,
    [tenant.id, kase.id],
  );
  const { rows: batch } = await database.pool.query<{ id: string }>(
    `insert into print_batches (tenant_id, letters, pages, pdf, manifest_csv) values ($1, 1, 1, '\\x255044462d', 'seq')
     returning id`,
    [tenant.id],
  );
  return {
    tenantId: tenant.id,
    debtorId: debtor.id,
    invoiceId: invoice.id,
    caseId: kase.id,
    importId: response.json().id,
    strategyKey,
    messageId: letter[0]?.id as string,
    batchId: batch[0]?.id as string,
  };
}

let a: Ids;
let b: Ids;
let userOfA: string;
let adminOfA: string;

beforeAll(async () => {
  const admin = await loggedInAs(app, database, "admin", { allTenants: true });
  a = await seedTenant(admin.cookie, `iso-a-${process.pid}`);
  b = await seedTenant(admin.cookie, `iso-b-${process.pid}`);
  userOfA = (await loggedInAs(app, database, "supervisor", { tenantIds: [a.tenantId] })).cookie;
  adminOfA = (await loggedInAs(app, database, "admin", { tenantIds: [a.tenantId] })).cookie;
});

const send = (r: (typeof ROUTES_WITH_IDS)[number], ids: Ids, userCookie: string) => {
  const cookie = r.asAdmin ? adminOfA : userCookie;
  return app.inject({
    method: r.method,
    url: r.url(ids),
    headers: { cookie, ...(typeof r.payload === "string" ? { "content-type": "text/csv" } : {}) },
    payload: (typeof r.payload === "function" ? r.payload(ids) : r.payload) as
      | string
      | object
      | undefined,
  });
};

describe("tenant isolation", () => {
  it.each(ROUTES_WITH_IDS.map((r) => [`${r.method} ${r.route}`, r] as const))(
    "%s: own tenant works",
    async (_name, r) => {
      const response = await send(r, a, userOfA);
      expect(response.statusCode, response.body).toBeLessThan(300);
    },
  );

  it.each(ROUTES_WITH_IDS.map((r) => [`${r.method} ${r.route}`, r] as const))(
    "%s: another tenant answers 404",
    async (_name, r) => {
      expect((await send(r, b, userOfA)).statusCode).toBe(404);
    },
  );

  it.each(
    ROUTES_WITH_IDS.filter(
      (r) =>
        (r.route.split(":").length > 2 && !r.onlyTenantScoped) || typeof r.payload === "function",
    ).map((r) => [`${r.method} ${r.route}`, r] as const),
  )("%s: another tenant's record through one's own tenant answers 404", async (_name, r) => {
    const mixed = { ...b, tenantId: a.tenantId };
    expect((await send(r, mixed, userOfA)).statusCode).toBe(404);
  });

  it("read-only roles cannot import", async () => {
    for (const role of ["agent", "client_viewer", "auditor"] as const) {
      const { cookie } = await loggedInAs(app, database, role, { tenantIds: [a.tenantId] });
      const bulk = ROUTES_WITH_IDS.find((r) => r.route.endsWith("/imports/bulk"));
      if (!bulk) throw new Error("bulk route missing from the table");
      expect((await send(bulk, a, cookie)).statusCode).toBe(403);
    }
  });

  it("a client viewer sees its own tenant only", async () => {
    const { cookie } = await loggedInAs(app, database, "client_viewer", {
      tenantIds: [a.tenantId],
    });
    const list = await app.inject({ method: "GET", url: "/api/v1/tenants", headers: { cookie } });
    expect(list.json().items.map((t: { id: string }) => t.id)).toEqual([a.tenantId]);
  });

  it("the table above covers every route that takes an id", () => {
    // Debtor pages outside the API are keyed by a signed token, not an id (test/channels/opt-out-link.test.ts).
    const withIds = app.routeList
      .filter((r) => r.includes("/:") && r.includes(" /api/"))
      .map((r) => r.replace(/\/$/, ""));
    expect(withIds.length).toBeGreaterThanOrEqual(ROUTES_WITH_IDS.length);
    const covered = new Set(ROUTES_WITH_IDS.map((r) => `${r.method} ${r.route}`));
    expect(withIds.filter((r) => !covered.has(r))).toEqual([]);
  });
});
