import { beforeAll, describe, expect, it } from "vitest";
import {
  csvOf,
  DIALER_SECRET,
  type DialerRow,
  dialerHarness,
  ENDED,
  HEADER,
} from "../support/dialer-harness";

// Tuesday 24 November 2026, 10:00 in Rome (the harness's clock).
const h = await dialerHarness();

describe("dispositions from the dialer", () => {
  it("records a CSV's calls (VICIdial codes mapped), reports a bad row by line and field, keeps the good ones", async () => {
    const { tenantId, supervisor, rows } = await h.exportedTenant(4);
    const byCase = new Map(rows.map((r) => [r.case_reference, r]));
    const [na, sale, wrong, bad] = rows;
    const csv = csvOf([
      [...HEADER, "promise_amount_minor", "promise_due_date", "notes"],
      [na!.task_id, "NA", ENDED, "25", "V-1", "", "", "", ""],
      [sale!.task_id, "sale", ENDED, "140", "V-2", "", "5000", "2026-11-30", '"pays, on Monday"'],
      [wrong!.task_id, "DC", ENDED, "3", "V-3", wrong!.phone_e164, "", "", ""],
      [bad!.task_id, "ZZZ", ENDED, "x", "V-4", "", "", "", ""],
      ["", "", "", "", "", "", "", "", ""],
      ["0b0e8a52-4d1c-4a53-9a0e-6f3f8d3a1c11", "B", ENDED, "5", "V-5", "", "", "", ""],
    ]);
    const first = await h.importCsv(tenantId, supervisor.cookie, csv);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      recorded: 3,
      duplicates: 0,
      rejected: [
        { line: 5, field: "outcome", reason: expect.stringMatching(/unknown outcome "ZZZ"/) },
        { line: 5, field: "duration_seconds", reason: expect.any(String) },
        { line: 7, field: "task_id", reason: "no call task with this id" },
      ],
    });

    const report = (await h.get(supervisor.cookie, `/tenants/${tenantId}/calls`)).json();
    expect(report.total).toBe(3);
    const outcomes = Object.fromEntries(
      report.items.map((c: { caseReference: string; outcome: string }) => [
        byCase.get(c.caseReference)?.task_id,
        c,
      ]),
    );
    expect(outcomes[na!.task_id]).toMatchObject({
      outcome: "no_answer",
      source: "dialer",
      agentId: null,
      durationSeconds: 25,
    });
    expect(outcomes[sale!.task_id]).toMatchObject({
      outcome: "promise_to_pay",
      promiseAmountMinor: 5000,
      notes: "pays, on Monday",
    });
    expect(outcomes[wrong!.task_id]).toMatchObject({
      outcome: "wrong_number",
      phone: wrong!.phone_e164,
    });
    const promise = await h.database.pool.query(
      "select amount_minor::int as amount, due_date::text as due from promises where tenant_id = $1",
      [tenantId],
    );
    expect(promise.rows).toEqual([{ amount: 5000, due: "2026-11-30" }]);

    // The same file again records nothing twice; the fixed row alone goes through.
    const again = await h.importCsv(tenantId, supervisor.cookie, csv);
    expect(again.json()).toMatchObject({ recorded: 0, duplicates: 3 });
    expect(again.json().rejected).toHaveLength(3);
    const fixed = csvOf([HEADER, [bad!.task_id, "b", ENDED, "4", "V-4", ""]]);
    expect((await h.importCsv(tenantId, supervisor.cookie, fixed)).json()).toEqual({
      recorded: 1,
      duplicates: 0,
      rejected: [],
    });
    // A second report on a task whose call was recorded, under a new call id, is refused.
    const late = csvOf([HEADER, [sale!.task_id, "XFER", ENDED, "4", "V-9", ""]]);
    expect((await h.importCsv(tenantId, supervisor.cookie, late)).json().rejected).toEqual([
      { line: 2, field: "task_id", reason: expect.stringMatching(/the task is done/) },
    ]);
  });

  it("refuses a file without the needed columns as a whole, and rows for tasks an agent holds", async () => {
    const { tenantId, supervisor } = await h.newTenant();
    const noColumns = await h.importCsv(tenantId, supervisor.cookie, "task_id,outcome\r\nx,NA\r\n");
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().error.message).toMatch(/call_id, duration_seconds/);

    const [caseId] = await h.seedCases(tenantId, supervisor.cookie, 1);
    const [taskId] = await h.queue(tenantId, [caseId!], supervisor.userId);
    const agent = await h.agent(tenantId);
    expect((await h.post(agent.cookie, "/calls/next", {})).json().claim.taskId).toBe(taskId);
    const row = csvOf([HEADER, [taskId!, "A", ENDED, "30", "V-1", ""]]);
    expect((await h.importCsv(tenantId, supervisor.cookie, row)).json().rejected).toEqual([
      { line: 2, field: "task_id", reason: "an agent has this task now" },
    ]);
    expect((await h.importCsv(tenantId, agent.cookie, row)).statusCode).toBe(403);
  });
});

describe("the dialer's webhook", () => {
  let tenantId: string;
  let rows: DialerRow[];
  beforeAll(async () => {
    ({ tenantId, rows } = await h.exportedTenant(3));
    const admin = await h.sessionAs("admin", [tenantId]);
    const put = await h.app.inject({
      method: "PUT",
      url: `/api/v1/tenants/${tenantId}/channel-settings`,
      headers: { cookie: admin.cookie },
      payload: { dialer: { webhookSecret: DIALER_SECRET, sipDomain: "pbx.example.com" } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.body).not.toContain(DIALER_SECRET);
    // A GET shows the mask; sending the mask back keeps the secret.
    const got = await h.get(admin.cookie, `/tenants/${tenantId}/channel-settings`);
    expect(got.json().dialer).toEqual({ webhookSecret: "********", sipDomain: "pbx.example.com" });
    const back = await h.app.inject({
      method: "PUT",
      url: `/api/v1/tenants/${tenantId}/channel-settings`,
      headers: { cookie: admin.cookie },
      payload: got.json(),
    });
    expect(back.statusCode, back.body).toBe(200);
  });

  it("records a signed disposition, once even when it is sent again", async () => {
    const body = {
      dispositions: [
        {
          taskId: rows[0]!.task_id,
          outcome: "AM",
          durationSeconds: 12,
          callId: "W-1",
          endedAt: ENDED,
        },
        { taskId: rows[1]!.task_id, outcome: "no_answer", durationSeconds: "x", callId: "W-2" },
      ],
    };
    const response = await h.webhook(tenantId, body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      recorded: 1,
      duplicates: 0,
      rejected: [{ line: 2, field: "durationSeconds", reason: expect.any(String) }],
    });
    expect((await h.webhook(tenantId, body)).json()).toMatchObject({ recorded: 0, duplicates: 1 });
    const call = await h.database.pool.query(
      "select outcome, source, external_id from calls where task_id = $1",
      [rows[0]!.task_id],
    );
    expect(call.rows).toEqual([{ outcome: "voicemail", source: "dialer", external_id: "W-1" }]);
  });

  it("answers 401 to a wrong signature, a stale timestamp, or a tenant without a secret", async () => {
    const one = { taskId: rows[2]!.task_id, outcome: "B", durationSeconds: 3, callId: "W-3" };
    const wrong = await h.webhook(tenantId, one, {
      secret: "another secret of at least 32 characters",
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe("invalid signature");
    const stale = Math.floor(h.clock.now().getTime() / 1000) - 6 * 60;
    expect((await h.webhook(tenantId, one, { at: stale })).statusCode).toBe(401);
    expect((await h.webhook(tenantId, one, { signature: "sha256=00" })).statusCode).toBe(401);
    const other = await h.newTenant();
    expect((await h.webhook(other.tenantId, one)).statusCode).toBe(401);
    // Nothing was recorded by any of them; signed properly, it is.
    expect((await h.webhook(tenantId, one)).json()).toMatchObject({ recorded: 1 });
  });
});
