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
  /** Two unmatched payments (one to allocate, one to ignore), plans in each state, a code, a pain.008 batch. */
  paymentId: string;
  otherPaymentId: string;
  pendingPlanId: string;
  signingPlanId: string;
  activePlanId: string;
  codeId: string;
  contactPointId: string;
  sddBatchId: string;
  /** A file a debtor uploaded with a reason (portal). */
  attachmentId: string;
  /** A queued call task (nobody holds it). */
  taskId: string;
};

/** A camt.053 with one credit that names no case: it waits in the unmatched queue. */
const STATEMENT = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>ISO-1</MsgId><CreDtTm>2026-11-24T08:00:00</CreDtTm></GrpHdr>
<Stmt><Id>ISO-1</Id><Acct><Id><IBAN>IT60X0542811101000000123456</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Ntry><Amt Ccy="EUR">12.34</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-23</Dt></BookgDt><AcctSvcrRef>ISO-REF-1</AcctSvcrRef></Ntry>
</Stmt></BkToCstmrStmt></Document>`;

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
  /** What the own tenant gets when not 2xx (e.g. 503: no card provider in this test), never 403/404. */
  ownStatus?: number;
  /** The content type of a raw (string) body; text/csv unless told. */
  contentType?: string;
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
    route: "/api/v1/tenants/:tenantId/invoices/:invoiceId/documents",
    url: (i) => `/api/v1/tenants/${i.tenantId}/invoices/${i.invoiceId}/documents`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/invoices/:invoiceId/documents/:kind",
    url: (i) => `/api/v1/tenants/${i.tenantId}/invoices/${i.invoiceId}/documents/pdf`,
  },
  {
    method: "PUT",
    route: "/api/v1/tenants/:tenantId/invoices/:invoiceId/documents/:kind",
    url: (i) =>
      `/api/v1/tenants/${i.tenantId}/invoices/${i.invoiceId}/documents/pdf?fileName=f.pdf`,
    payload: "%PDF-1.4\n%%EOF\n",
    contentType: "application/pdf",
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
    payload: { sms: { sender: "Acqua" }, payment: { iban: "IT60X0542811101000000123456" } },
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
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/statements",
    url: (i) => `/api/v1/tenants/${i.tenantId}/statements?fileName=s.xml`,
    payload: STATEMENT,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/statements",
    url: (i) => `/api/v1/tenants/${i.tenantId}/statements`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/payments",
    url: (i) => `/api/v1/tenants/${i.tenantId}/payments`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/payments/:paymentId",
    url: (i) => `/api/v1/tenants/${i.tenantId}/payments/${i.paymentId}`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/payments/:paymentId/allocation",
    url: (i) => `/api/v1/tenants/${i.tenantId}/payments/${i.paymentId}/allocation`,
    payload: (i: Ids) => ({ shares: [{ caseId: i.caseId, amountMinor: "1000" }] }),
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/payments/:paymentId/ignore",
    url: (i) => `/api/v1/tenants/${i.tenantId}/payments/${i.otherPaymentId}/ignore`,
    payload: { reason: "interest from the bank" },
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/payments",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/payments`,
    payload: { amountMinor: "100", bookedOn: "2026-11-20", key: "receipt-1" },
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/payment-options",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/payment-options`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/payment-qr/:kind",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/payment-qr/epc?format=svg`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/events",
    url: (i) => `/api/v1/tenants/${i.tenantId}/events`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/payment-settings",
    url: (i) => `/api/v1/tenants/${i.tenantId}/payment-settings`,
  },
  {
    method: "PUT",
    route: "/api/v1/tenants/:tenantId/payment-settings",
    url: (i) => `/api/v1/tenants/${i.tenantId}/payment-settings`,
    asAdmin: true,
    payload: {
      autoMatchThreshold: 92,
      directDebit: {
        creditorId: "IT21ZZZ0000006363391001",
        creditorName: "Tenant",
        iban: "IT60X0542811101000000123456",
      },
    },
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/promises",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/promises`,
    payload: { dueDate: "2026-12-01", amountMinor: "500" },
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/promises",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/promises`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/card-checkouts",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/card-checkouts`,
    payload: { successUrl: "http://127.0.0.1/ok", cancelUrl: "http://127.0.0.1/ko" },
    ownStatus: 503,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/plans",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/plans`,
    payload: { count: 2, frequency: "monthly", firstDueDate: "2026-12-20" },
    ownStatus: 409,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/plans/:planId",
    url: (i) => `/api/v1/tenants/${i.tenantId}/plans/${i.activePlanId}`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/plans/:planId/decision",
    url: (i) => `/api/v1/tenants/${i.tenantId}/plans/${i.pendingPlanId}/decision`,
    payload: { approve: false, note: "too long" },
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/plans/:planId/signature-codes",
    url: (i) => `/api/v1/tenants/${i.tenantId}/plans/${i.signingPlanId}/signature-codes`,
    payload: (i: Ids) => ({ contactPointId: i.contactPointId }),
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/plans/:planId/signature",
    url: (i) => `/api/v1/tenants/${i.tenantId}/plans/${i.signingPlanId}/signature`,
    payload: (i: Ids) => ({ codeId: i.codeId, code: "000000" }),
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/plans/:planId/acknowledgment.pdf",
    url: (i) => `/api/v1/tenants/${i.tenantId}/plans/${i.activePlanId}/acknowledgment.pdf`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/plans/:planId/mandate",
    url: (i) => `/api/v1/tenants/${i.tenantId}/plans/${i.activePlanId}/mandate`,
    payload: {
      debtorName: "Mario Rossi",
      iban: "IT25O0306909606100000012345",
      signedOn: "2026-11-20",
    },
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/direct-debit/batches",
    url: (i) => `/api/v1/tenants/${i.tenantId}/direct-debit/batches`,
    payload: { dueUntil: "2026-12-31" },
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/direct-debit/batches/:batchId/pain008.xml",
    url: (i) => `/api/v1/tenants/${i.tenantId}/direct-debit/batches/${i.sddBatchId}/pain008.xml`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/messages",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/messages`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/messages",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/messages`,
    payload: { body: "Buongiorno, abbiamo ricevuto la Sua ricevuta." },
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/reasons",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/reasons`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/attachments/:attachmentId",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/attachments/${i.attachmentId}`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/surveys/summary",
    url: (i) => `/api/v1/tenants/${i.tenantId}/surveys/summary`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/call-tasks/:taskId",
    url: (i) => `/api/v1/tenants/${i.tenantId}/call-tasks/${i.taskId}`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/call-tasks/:taskId/dial",
    url: (i) => `/api/v1/tenants/${i.tenantId}/call-tasks/${i.taskId}/dial`,
    payload: { phone: "+393471234567" },
    // Nobody holds the task: dialling it is refused, never a 404 on one's own tenant.
    ownStatus: 409,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/call-tasks/:taskId/disposition",
    url: (i) => `/api/v1/tenants/${i.tenantId}/call-tasks/${i.taskId}/disposition`,
    payload: { outcome: "no_answer" },
    // Nobody holds the task: a call cannot be recorded on it.
    ownStatus: 409,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/call-tasks/:taskId/release",
    url: (i) => `/api/v1/tenants/${i.tenantId}/call-tasks/${i.taskId}/release`,
    ownStatus: 409,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/calls",
    url: (i) => `/api/v1/tenants/${i.tenantId}/calls`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/calls.csv",
    url: (i) => `/api/v1/tenants/${i.tenantId}/calls.csv`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/call-blocks",
    url: (i) => `/api/v1/tenants/${i.tenantId}/call-blocks`,
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/agents",
    url: (i) => `/api/v1/tenants/${i.tenantId}/agents`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/cases/:caseId/call-assignment",
    url: (i) => `/api/v1/tenants/${i.tenantId}/cases/${i.caseId}/call-assignment`,
    payload: { userId: null, team: "north" },
  },
  {
    method: "GET",
    route: "/api/v1/tenants/:tenantId/dialer/export.csv",
    url: (i) => `/api/v1/tenants/${i.tenantId}/dialer/export.csv`,
  },
  {
    method: "POST",
    route: "/api/v1/tenants/:tenantId/dialer/dispositions",
    url: (i) => `/api/v1/tenants/${i.tenantId}/dialer/dispositions`,
    payload: "task_id,outcome,call_id,duration_seconds\r\n",
  },
];

/** Payments, plans in each state (on cases of their own: one live plan per case), a code, a batch. */
async function seedMoney(tenantId: string, caseId: string, debtorId: string) {
  const q = async (sql: string, params: unknown[]) =>
    (await database.pool.query(sql, params)).rows[0]?.id as string;
  await database.pool.query(
    `insert into tenant_channel_settings (tenant_id, settings) values ($1, '{"payment":{"iban":"IT60X0542811101000000123456"}}');
     `.trim(),
    [tenantId],
  );
  await database.pool.query(
    `insert into tenant_payment_settings (tenant_id, settings) values ($1, $2)`,
    [
      tenantId,
      JSON.stringify({
        directDebit: {
          creditorId: "IT21ZZZ0000006363391001",
          creditorName: "T",
          iban: "IT60X0542811101000000123456",
        },
      }),
    ],
  );
  const payment = (key: string) =>
    q(
      `insert into payments (tenant_id, external_key, source, amount_minor, currency, booked_on, status)
       values ($1, $2, 'bank_transfer', 1000, 'EUR', '2026-11-23', 'unmatched') returning id`,
      [tenantId, key],
    );
  const caseFor = async (n: number) => {
    const debtor = await q(
      `insert into debtors (tenant_id, external_id, kind, name) values ($1, $2, 'person', 'Extra') returning id`,
      [tenantId, `EXTRA-${n}`],
    );
    return q(
      `insert into cases (tenant_id, debtor_id, reference) values ($1, $2, 'ISO-' || gen_random_uuid()) returning id`,
      [tenantId, debtor],
    );
  };
  const plan = (onCase: string, status: string) =>
    q(
      `insert into plans (tenant_id, case_id, status, total_minor, installments, frequency, first_due_date, currency,
         source, proposed_by) values ($1, $2, $3, 10000, 2, 'monthly', '2026-12-20', 'EUR', 'api', 'test') returning id`,
      [tenantId, onCase, status],
    );
  const activePlanId = await plan(caseId, "active");
  await database.pool.query(
    `insert into plan_installments (tenant_id, plan_id, seq, kind, due_date, amount_minor)
     values ($1, $2, 1, 'installment', '2026-12-20', 5000), ($1, $2, 2, 'installment', '2027-01-20', 5000)`,
    [tenantId, activePlanId],
  );
  const pendingPlanId = await plan(await caseFor(1), "pending_approval");
  const signingCase = await caseFor(2);
  const signingPlanId = await plan(signingCase, "awaiting_signature");
  const { rows: signing } = await database.pool.query("select debtor_id from cases where id = $1", [
    signingCase,
  ]);
  const contactPointId = await q(
    `insert into contact_points (tenant_id, debtor_id, kind, value) values ($1, $2, 'email', 'x@example.org') returning id`,
    [tenantId, signing[0].debtor_id],
  );
  for (const planId of [activePlanId, signingPlanId]) {
    await database.pool.query(
      `insert into plan_documents (tenant_id, plan_id, kind, language, sha256, pdf) values ($1, $2, 'acknowledgment', 'it', 'abc', '\\x255044462d')`,
      [tenantId, planId],
    );
  }
  const codeId = await q(
    `insert into signature_codes (tenant_id, plan_id, contact_point_id, channel, code_hash, document_sha256, expires_at)
     values ($1, $2, $3, 'email', 'no-code-hashes-to-this', 'abc', '2030-01-01') returning id`,
    [tenantId, signingPlanId, contactPointId],
  );
  const sddBatchId = await q(
    `insert into sdd_batches (tenant_id, message_id, version, collections, total_minor, xml)
     values ($1, 'MSG-' || gen_random_uuid(), '001.08', 0, 0, '<Document/>') returning id`,
    [tenantId],
  );
  void debtorId;
  const reasonId = await q(
    `insert into case_reasons (tenant_id, case_id, reason, source) values ($1, $2, 'already_paid', 'portal') returning id`,
    [tenantId, caseId],
  );
  const attachmentId = await q(
    `insert into case_attachments (tenant_id, case_id, reason_id, file_name, content_type, size_bytes, sha256, bytes)
     values ($1, $2, $3, 'ricevuta.pdf', 'application/pdf', 5, 'abc', '\\x255044462d') returning id`,
    [tenantId, caseId, reasonId],
  );
  const taskId = await q(
    `insert into call_tasks (tenant_id, case_id, source, not_before) values ($1, $2, 'assigned', now()) returning id`,
    [tenantId, caseId],
  );
  return {
    attachmentId,
    taskId,
    paymentId: await payment("iso-1"),
    otherPaymentId: await payment("iso-2"),
    pendingPlanId,
    signingPlanId,
    activePlanId,
    codeId,
    contactPointId,
    sddBatchId,
  };
}

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
  await database.pool.query(
    `insert into invoice_documents (tenant_id, invoice_id, kind, file_name, content_type, sha256, bytes, source)
     values ($1, $2, 'pdf', 'F1.pdf', 'application/pdf', encode(sha256('\\x255044462d'), 'hex'), '\\x255044462d', 'upload')`,
    [tenant.id, invoice.id],
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
    ...(await seedMoney(tenant.id, kase.id, debtor.id)),
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
    headers: {
      cookie,
      ...(typeof r.payload === "string" ? { "content-type": r.contentType ?? "text/csv" } : {}),
    },
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
      if (r.ownStatus) expect(response.statusCode, response.body).toBe(r.ownStatus);
      else expect(response.statusCode, response.body).toBeLessThan(300);
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

  it("read-only roles cannot import, nor attach an invoice's documents", async () => {
    for (const role of ["agent", "client_viewer", "auditor"] as const) {
      const { cookie } = await loggedInAs(app, database, role, { tenantIds: [a.tenantId] });
      for (const suffix of ["/imports/bulk", "/documents/:kind"]) {
        const route = ROUTES_WITH_IDS.find((r) => r.method !== "GET" && r.route.endsWith(suffix));
        if (!route) throw new Error(`${suffix} route missing from the table`);
        expect((await send(route, a, cookie)).statusCode).toBe(403);
      }
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
    // Debtor pages outside the API are keyed by a signed token, not an id (test/channels/opt-out-link.test.ts);
    // the portal's API is keyed by the debtor's session (test/portal/).
    const withIds = app.routeList
      .filter((r) => r.includes("/:") && r.includes(" /api/") && !r.includes(" /api/portal/"))
      .map((r) => r.replace(/\/$/, ""));
    expect(withIds.length).toBeGreaterThanOrEqual(ROUTES_WITH_IDS.length);
    const covered = new Set(ROUTES_WITH_IDS.map((r) => `${r.method} ${r.route}`));
    expect(withIds.filter((r) => !covered.has(r))).toEqual([]);
  });
});
