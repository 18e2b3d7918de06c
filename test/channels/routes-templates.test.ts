import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/platform/clock";
import { seedSweptCase } from "../support/channel-harness";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const app = await buildTestApp(database, fixedClock("2026-11-24T10:00:00Z"));
afterAll(() => app.close());

type Template = {
  id: string;
  channel: string;
  language: string;
  subject: string | null;
  body: string;
  source: string;
  version: number | null;
};

let tenantId: string;
let caseId: string;
let admin: string;
const url = (path: string) => `/api/v1/tenants/${tenantId}${path}`;

beforeAll(async () => {
  ({ tenantId, caseId } = await seedSweptCase(database, { email: "mario.rossi@example.org" }));
  admin = (await loggedInAs(app, database, "admin", { tenantIds: [tenantId] })).cookie;
});

const list = async (cookie = admin) => {
  const response = await app.inject({ method: "GET", url: url("/templates"), headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.json() as { items: Template[]; variables: { name: string }[] };
};
const find = (items: Template[], id: string, channel: string, language: string) =>
  items.find((t) => t.id === id && t.channel === channel && t.language === language);

const put = (payload: object, cookie = admin, path = "/templates/reminder.first/email/it") =>
  app.inject({ method: "PUT", url: url(path), headers: { cookie }, payload });

const preview = (payload: Record<string, unknown>, cookie = admin) =>
  app.inject({
    method: "POST",
    url: url("/templates/preview"),
    headers: { cookie },
    payload: { caseId, ...payload },
  });

const savedVersions = async () => {
  const { rows } = await database.pool.query<{ version: number }>(
    "select version from message_templates where tenant_id = $1 order by version",
    [tenantId],
  );
  return rows.map((r) => r.version);
};

describe("template routes", () => {
  it("lists the shipped Italian and English defaults and the variables", async () => {
    const { items, variables } = await list();
    expect(find(items, "reminder.first", "email", "it")).toMatchObject({
      source: "default",
      version: null,
      subject: "Promemoria di pagamento - {{creditor.name}}",
    });
    expect(find(items, "reminder.first", "email", "it")?.body).toContain("{{opt_out_url}}");
    expect(find(items, "reminder.first", "email", "en")).toMatchObject({ source: "default" });
    expect(find(items, "reminder.first", "sms", "it")?.subject).toBeNull();
    expect(variables.map((v) => v.name)).toEqual(
      expect.arrayContaining(["balance", "opt_out_url", "debtor.name"]),
    );
  });

  it("refuses an unknown variable with its line, column and a suggestion, and saves nothing", async () => {
    const response = await put({
      subject: "Promemoria",
      body: "Gentile cliente,\nil saldo è {{balanse}}.\n{{opt_out_url}}",
    });
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe("template_invalid");
    expect(error.problems).toEqual([
      expect.objectContaining({
        code: "unknown_variable",
        part: "body",
        line: 2,
        column: 12,
        variable: "balanse",
        suggestion: "balance",
      }),
    ]);
    expect(error.message).toContain('did you mean "balance"');
    expect(await savedVersions()).toEqual([]);
  });

  it("saves valid wording as version 1, then 2, and lists the tenant's latest", async () => {
    const first = await put({
      subject: "Promemoria {{creditor.name}}",
      body: "{{salutation}}, resta da pagare {{balance}}.\n\n{{opt_out_url}}",
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ version: 1 });
    const second = await put({
      subject: "Secondo testo",
      body: "{{salutation}}, il saldo è {{balance}}.\n\n{{opt_out_url}}",
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual({ version: 2 });
    expect(await savedVersions()).toEqual([1, 2]);

    const { items } = await list();
    expect(find(items, "reminder.first", "email", "it")).toEqual({
      id: "reminder.first",
      channel: "email",
      language: "it",
      subject: "Secondo testo",
      body: "{{salutation}}, il saldo è {{balance}}.\n\n{{opt_out_url}}",
      source: "tenant",
      version: 2,
    });
    // Only that one: the English wording is still the shipped one.
    expect(find(items, "reminder.first", "email", "en")?.source).toBe("default");
  });

  it("an agent may not change templates", async () => {
    const agent = await loggedInAs(app, database, "agent", { tenantIds: [tenantId] });
    const response = await put(
      { subject: "x", body: "{{balance}} {{opt_out_url}}" },
      agent.cookie,
      "/templates/reminder.followup/email/it",
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("forbidden");
    expect(await savedVersions()).toEqual([1, 2]);
  });

  it("a client viewer of another tenant sees neither the templates nor a preview", async () => {
    const other = await seedSweptCase(database);
    const viewer = await loggedInAs(app, database, "client_viewer", {
      tenantIds: [other.tenantId],
    });
    const listed = await app.inject({
      method: "GET",
      url: url("/templates"),
      headers: { cookie: viewer.cookie },
    });
    expect(listed.statusCode).toBe(404);
    const previewed = await preview(
      { templateId: "reminder.first", channel: "email" },
      viewer.cookie,
    );
    expect(previewed.statusCode).toBe(404);
    expect(previewed.body).not.toContain("1.234,56");
  });
});

describe("template preview", () => {
  let fresh: { tenantId: string; caseId: string };
  let cookie: string;
  beforeAll(async () => {
    // A tenant that never edited its templates: the shipped wording is previewed.
    fresh = await seedSweptCase(database, { email: "anna.verdi@example.org" });
    cookie = (await loggedInAs(app, database, "client_viewer", { tenantIds: [fresh.tenantId] }))
      .cookie;
  });
  const previewFresh = (payload: Record<string, unknown>) =>
    app.inject({
      method: "POST",
      url: `/api/v1/tenants/${fresh.tenantId}/templates/preview`,
      headers: { cookie },
      payload: { caseId: fresh.caseId, ...payload },
    });

  it("renders the first email reminder for a real case, in text and HTML", async () => {
    const response = await previewFresh({ templateId: "reminder.first", channel: "email" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ language: "it", error: null, problems: [] });
    expect(body.subject).toMatch(/^Promemoria di pagamento - Tenant \d+$/);
    expect(body.text).toContain("€ 1.234,56");
    expect(body.text).toContain("Gentile Mario Rossi");
    expect(body.html).toContain("€ 1.234,56");
    expect(body.html).toContain("<p>");
    // Nothing was written or sent.
    const { rows } = await database.pool.query(
      "select count(*)::int as n from messages where case_id = $1",
      [fresh.caseId],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("renders in the language asked for", async () => {
    const response = await previewFresh({
      templateId: "reminder.first",
      channel: "email",
      language: "en",
    });
    expect(response.json()).toMatchObject({ language: "en", error: null });
    expect(response.json().text).toContain("Dear Mario Rossi");
    expect(response.json().text).toContain("€1,234.56");
  });

  it("previews the tenant's saved wording when there is one", async () => {
    const response = await preview({ templateId: "reminder.first", channel: "email" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      subject: "Secondo testo",
      text: expect.stringContaining("Gentile Mario Rossi, il saldo è € 1.234,56."),
    });
  });

  it("reports a variable the case has no value for instead of failing", async () => {
    const response = await previewFresh({
      templateId: "reminder.first",
      channel: "email",
      subject: "Promessa",
      body: "Entro il {{promise.date}} pagherà {{promise.amount}}.\n\n{{opt_out_url}}",
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.text).toBeNull();
    expect(body.html).toBeNull();
    expect(body.problems).toEqual([]);
    expect(body.error).toContain('"promise.date" is not available');
  });

  it("answers 404 for a case of another tenant", async () => {
    const response = await previewFresh({
      caseId,
      templateId: "reminder.first",
      channel: "email",
    });
    expect(response.statusCode).toBe(404);
  });
});
