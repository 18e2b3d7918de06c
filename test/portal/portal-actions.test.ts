import { describe, expect, it } from "vitest";
import { toPersonContext } from "../../src/modules/scheduler/domain/case-inputs";
import {
  CASE_FACTS_COLUMNS,
  CASE_FACTS_JOINS,
} from "../../src/modules/scheduler/store/case-facts-sql";
import { caseRow, seedPortfolio } from "../support/payment-harness";
import {
  enterWithEmailCode,
  lastCodeTo,
  portalApiHarness,
  timelineTypes,
  tokenOf,
} from "../support/portal-harness";
import { loggedInAs } from "../support/test-app";

const { database, peer, channels, clock, app } = await portalApiHarness("2026-11-24T10:00:00Z");

let n = 0;
async function visitor(amountMinor = 60_000n) {
  n++;
  const email = `actions${n}@example.it`;
  const { tenantId, cases } = await seedPortfolio(
    database,
    [
      {
        name: `Paolo Verdi${n}`,
        invoices: [{ amountMinor, dueDate: "2026-10-01" }],
        email,
        phone: "+393331112233",
      },
    ],
    { at: "2026-11-20T09:00:00Z" },
  );
  const caseId = cases[0]!.caseId;
  const token = tokenOf(channels.links.portal(caseId, clock.now()));
  const visit = await enterWithEmailCode(app, peer, token, email);
  const call = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: visit.headers,
      ...(payload ? { payload: payload as object } : {}),
    });
  return { tenantId, caseId, email, call, debtorId: cases[0]!.debtorId };
}

describe("what a debtor does in the portal", () => {
  it("promises a date within the limits: the promise pauses reminders and is on the timeline", async () => {
    const { caseId, call } = await visitor();
    const tooLate = await call("POST", "/api/portal/promises", { dueDate: "2027-03-01" });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().error.code).toBe("promise_refused");
    const made = await call("POST", "/api/portal/promises", { dueDate: "2026-12-05" });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ dueDate: "2026-12-05", amountMinor: "60000" });
    const { rows } = await database.pool.query(
      "select source, created_by from promises where case_id = $1 and status = 'pending'",
      [caseId],
    );
    expect(rows[0]).toEqual({ source: "portal", created_by: "debtor" });
    const view = (await call("GET", "/api/portal/case")).json();
    expect(view.case.state).toBe("promise");
    expect(await timelineTypes(database, caseId)).toContain("promise.recorded");
  });

  it("proposes a plan within policy, signs it with a code and sees it in force", async () => {
    const { caseId, email, call } = await visitor();
    const choices = (await call("GET", "/api/portal/plan-options")).json();
    expect(choices.options.length).toBeGreaterThan(0);
    const option = choices.options.find((o: { frequency: string }) => o.frequency === "monthly");
    const proposed = await call("POST", "/api/portal/plans", {
      installments: option.installments,
      frequency: "monthly",
      startDate: "2026-12-10",
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json().status).toBe("awaiting_signature");
    const planId = proposed.json().id;
    const document = await call("GET", `/api/portal/plans/${planId}/acknowledgment.pdf`);
    expect(document.headers["content-type"]).toBe("application/pdf");
    expect(document.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    const view = (await call("GET", "/api/portal/case")).json();
    const sent = await call("POST", `/api/portal/plans/${planId}/signature-codes`, {
      methodId: view.methods.find((m: { channel: string }) => m.channel === "email").id,
    });
    expect(sent.statusCode).toBe(202);
    const wrong = await call("POST", `/api/portal/plans/${planId}/signature`, { code: "000000" });
    expect(wrong.statusCode).toBe(401);
    const signed = await call("POST", `/api/portal/plans/${planId}/signature`, {
      code: lastCodeTo(peer, email),
    });
    expect(signed.statusCode).toBe(200);
    const after = (await call("GET", "/api/portal/case")).json();
    expect(after.case.state).toBe("plan");
    expect(after.plan.status).toBe("active");
    expect(after.plan.signedUrl).toBe(`/api/portal/plans/${planId}/signed.pdf`);
    expect(after.surveyDue).toBe("plan");
    expect(await timelineTypes(database, caseId)).toEqual(
      expect.arrayContaining(["plan.proposed", "plan.signed"]),
    );
  });

  it("sends a plan outside policy to a supervisor and refuses impossible terms with reasons", async () => {
    const { caseId, call } = await visitor();
    const review = await call("POST", "/api/portal/plans", {
      installments: 30,
      frequency: "monthly",
      startDate: "2026-12-10",
    });
    expect(review.statusCode).toBe(201);
    expect(["pending_approval", "rejected"]).toContain(review.json().status);
    if (review.json().status === "pending_approval") {
      expect((await call("GET", "/api/portal/case")).json().case.state).toBe("plan_review");
      const { rows } = await database.pool.query(
        "select kind from case_tasks where case_id = $1 and status = 'open'",
        [caseId],
      );
      expect(rows.map((r) => r.kind)).toContain("plan_approval");
    }
    const impossible = await call("POST", "/api/portal/plans", {
      installments: 500,
      frequency: "weekly",
      startDate: "2026-12-10",
    });
    expect(impossible.json().status).toBe("rejected");
    expect(impossible.json().id).toBeNull();
    expect(impossible.json().reasons.length).toBeGreaterThan(0);
  });

  it("disputes with proof: the case goes on hold, a person gets a task, the file is kept", async () => {
    const { tenantId, caseId, call } = await visitor();
    const notPdf = await call("POST", "/api/portal/reasons", {
      reason: "already_paid",
      attachment: {
        fileName: "x.pdf",
        contentType: "application/pdf",
        base64: Buffer.from("hello").toString("base64"),
      },
    });
    expect(notPdf.statusCode).toBe(415);
    const pdf = Buffer.from("%PDF-1.4\n% receipt\n");
    const given = await call("POST", "/api/portal/reasons", {
      reason: "already_paid",
      text: "Ho pagato con bonifico il 3 ottobre",
      attachment: {
        fileName: "ricevuta.pdf",
        contentType: "application/pdf",
        base64: pdf.toString("base64"),
      },
    });
    expect(given.statusCode).toBe(201);
    expect(given.json().hold).toBe(true);
    const row = await caseRow(database, caseId);
    expect(row.status).toBe("on_hold");
    const { rows: tasks } = await database.pool.query(
      "select kind from case_tasks where case_id = $1 and status = 'open'",
      [caseId],
    );
    expect(tasks.map((t) => t.kind)).toContain("proof_check");
    expect((await call("GET", "/api/portal/case")).json().case.state).toBe("under_review");

    const staff = await loggedInAs(app, database, "agent", { tenantIds: [tenantId] });
    const reasons = await app.inject({
      method: "GET",
      url: `/api/v1/tenants/${tenantId}/cases/${caseId}/reasons`,
      headers: { cookie: staff.cookie },
    });
    const attachment = reasons.json().reasons[0].attachments[0];
    expect(attachment.fileName).toBe("ricevuta.pdf");
    const file = await app.inject({
      method: "GET",
      url: `/api/v1/tenants/${tenantId}/cases/${caseId}/attachments/${attachment.id}`,
      headers: { cookie: staff.cookie },
    });
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });

  it("saves preferences: language for every later message, opt-outs on the contact points", async () => {
    const { debtorId, call } = await visitor();
    const saved = await call("PUT", "/api/portal/preferences", {
      channel: "email",
      window: { from: "09:00", to: "12:30" },
      language: "en",
      optOut: ["sms", "phone"],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      channel: "email",
      window: { from: "09:00", to: "12:30" },
      language: "en",
      optOut: ["sms", "phone"],
    });
    const { rows } = await database.pool.query("select language from debtors where id = $1", [
      debtorId,
    ]);
    expect(rows[0].language).toBe("en");
    // The scheduler and the send-time check read the window with the case's facts.
    const { rows: facts } = await database.pool.query(
      `select ${CASE_FACTS_COLUMNS} from cases c ${CASE_FACTS_JOINS} where c.debtor_id = $1`,
      [debtorId],
    );
    expect(toPersonContext(facts[0]).preferredWindow).toEqual({ from: "09:00", to: "12:30" });
    const bad = await call("PUT", "/api/portal/preferences", {
      channel: null,
      window: { from: "18:00", to: "09:00" },
      language: "it",
      optOut: [],
    });
    expect(bad.statusCode).toBe(400);
    const back = await call("PUT", "/api/portal/preferences", {
      channel: null,
      window: null,
      language: "it",
      optOut: [],
    });
    expect(back.json().optOut).toEqual([]);
  });

  it("writes to the agency and reads the answer; the agency sees a task and the thread", async () => {
    const { tenantId, caseId, call } = await visitor();
    expect(
      (await call("POST", "/api/portal/messages", { body: "Posso pagare a rate?" })).statusCode,
    ).toBe(201);
    const staff = await loggedInAs(app, database, "agent", { tenantIds: [tenantId] });
    const { rows } = await database.pool.query(
      "select count(*)::int as n from case_tasks where case_id = $1 and kind = 'message' and status = 'open'",
      [caseId],
    );
    expect(rows[0].n).toBe(1);
    const answer = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/cases/${caseId}/messages`,
      headers: { cookie: staff.cookie },
      payload: { body: "Certo: scelga il piano nella pagina Rate." },
    });
    expect(answer.statusCode).toBe(201);
    expect((await call("GET", "/api/portal/case")).json().unreadMessages).toBe(1);
    const thread = (await call("GET", "/api/portal/messages")).json().messages;
    expect(thread.map((m: { author: string }) => m.author)).toEqual(["debtor", "agency"]);
    expect((await call("GET", "/api/portal/case")).json().unreadMessages).toBe(0);
  });

  it("takes the survey once and feeds the tenant's summary", async () => {
    const { tenantId, caseId, call } = await visitor();
    const answer = { trigger: "payment", csat: 5, ces: 2, nps: 9, comment: "Chiaro e veloce" };
    expect((await call("POST", "/api/portal/survey", answer)).statusCode).toBe(409);
    await database.pool.query(
      `insert into payments (tenant_id, external_key, source, amount_minor, currency, booked_on, status, case_id)
       values ($1, 'survey-' || $2::text, 'bank_transfer', 60000, 'EUR', '2026-11-23', 'allocated', $2::uuid)`,
      [tenantId, caseId],
    );
    expect((await call("POST", "/api/portal/survey", answer)).statusCode).toBe(201);
    expect((await call("POST", "/api/portal/survey", answer)).statusCode).toBe(409);
    expect((await call("POST", "/api/portal/survey", { ...answer, nps: 11 })).statusCode).toBe(400);
    const staff = await loggedInAs(app, database, "supervisor", { tenantIds: [tenantId] });
    const summary = await app.inject({
      method: "GET",
      url: `/api/v1/tenants/${tenantId}/surveys/summary`,
      headers: { cookie: staff.cookie },
    });
    expect(summary.json()).toMatchObject({ responses: 1, csatAverage: 5, cesAverage: 2, nps: 100 });
  });

  it("never shows one debtor another's documents, plans or payments", async () => {
    const first = await visitor();
    const second = await visitor();
    const proposed = await second.call("POST", "/api/portal/plans", {
      installments: 2,
      frequency: "monthly",
      startDate: "2026-12-10",
    });
    const planId = proposed.json().id;
    expect(
      (await first.call("GET", `/api/portal/plans/${planId}/acknowledgment.pdf`)).statusCode,
    ).toBe(404);
    const sign = await first.call("POST", `/api/portal/plans/${planId}/signature-codes`, {
      methodId: (await first.call("GET", "/api/portal/case")).json().methods[0].id,
    });
    expect(sign.statusCode).toBe(404);
    const { rows } = await database.pool.query("select id from invoices where case_id = $1", [
      second.caseId,
    ]);
    expect((await first.call("GET", `/api/portal/invoices/${rows[0].id}/pdf`)).statusCode).toBe(
      404,
    );
  });

  it("shows the ways to pay with QR codes", async () => {
    const { call } = await visitor(12_345n);
    const options = await call("GET", "/api/portal/payment-options");
    expect(options.statusCode).toBe(200);
    expect(options.json()).toMatchObject({ amountMinor: "12345", currency: "EUR", card: false });
    expect(options.json().rfReference).toMatch(/^RF\d\d/);
    const qr = await call("GET", options.json().bankTransfer.epcQrUrl);
    expect(qr.headers["content-type"]).toContain("image/svg+xml");
    const pagopa = await call("GET", options.json().pagopa.qrUrl);
    expect(pagopa.statusCode).toBe(200);
  });
});
