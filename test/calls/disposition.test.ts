import { beforeAll, describe, expect, it } from "vitest";
import { callCenterHarness } from "../support/call-harness";

const h = await callCenterHarness();

let tenantId: string;
let supervisor: { cookie: string; userId: string };
beforeAll(async () => {
  ({ tenantId, supervisor } = await h.newTenant());
});

/** A fresh case in the queue, taken by a fresh agent. */
async function claimedCase() {
  const [caseId] = await h.seedCases(tenantId, supervisor.cookie, 1);
  await h.queue(tenantId, [caseId!], supervisor.userId);
  const agent = await h.agent(tenantId);
  const claim = (await h.post(agent.cookie, "/calls/next", {})).json().claim;
  expect(claim?.caseId).toBe(caseId);
  const dispose = (payload: object) =>
    h.post(agent.cookie, `/tenants/${tenantId}/call-tasks/${claim.taskId}/disposition`, payload);
  return { caseId: caseId!, agent, taskId: claim.taskId as string, dispose };
}

const one = async <T>(sql: string, params: unknown[]) =>
  (await h.database.pool.query(sql, params)).rows[0] as T;

describe("recording a call", () => {
  it("records a promise to pay with the call: promise, conversation, timeline, task done, agent free", async () => {
    const { caseId, agent, taskId, dispose } = await claimedCase();
    const screen = (await h.get(agent.cookie, `/tenants/${tenantId}/call-tasks/${taskId}`)).json();
    const phone = screen.phones[0].value;
    const dial = await h.post(agent.cookie, `/tenants/${tenantId}/call-tasks/${taskId}/dial`, {
      phone,
    });
    expect(dial.statusCode, dial.body).toBe(200);
    expect(dial.json()).toEqual({ href: `tel:${phone}`, placed: false, via: "link" });
    h.clock.advance(95_000);

    const response = await dispose({
      outcome: "promise_to_pay",
      phone,
      notes: "pays on Friday",
      promise: { amountMinor: 10_000, dueDate: "2026-11-27" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().next).toEqual({ kind: "done", at: null });

    const promise = await one<{ source: string; amount_minor: string; due_date: string }>(
      "select source, amount_minor::text, due_date::text from promises where case_id = $1",
      [caseId],
    );
    expect(promise).toEqual({ source: "agent", amount_minor: "10000", due_date: "2026-11-27" });
    const call = await one<{
      outcome: string;
      conversation: boolean;
      duration_seconds: number;
      promise_id: string | null;
    }>("select outcome, conversation, duration_seconds, promise_id from calls where task_id = $1", [
      taskId,
    ]);
    expect(call).toMatchObject({
      outcome: "promise_to_pay",
      conversation: true,
      duration_seconds: 95,
    });
    expect(call.promise_id).not.toBeNull();
    const events = await h.database.pool.query<{ kind: string }>(
      "select kind from contact_events where case_id = $1 order by id",
      [caseId],
    );
    expect(events.rows.map((e) => e.kind)).toEqual(["attempt", "conversation"]);
    const types = await h.database.pool.query<{ type: string }>(
      "select type from case_events where case_id = $1 and type in ('promise.recorded', 'call.recorded') order by id",
      [caseId],
    );
    expect(types.rows.map((t) => t.type)).toEqual(["promise.recorded", "call.recorded"]);
    expect(await one("select status from call_tasks where id = $1", [taskId])).toEqual({
      status: "done",
    });
    const me = (await h.get(agent.cookie, "/calls/agent")).json();
    expect(me).toMatchObject({ state: "available", current: null });
    expect(me.today).toEqual({
      calls: 1,
      rightPartyContacts: 1,
      promises: 1,
      amountPromisedMinor: 10_000,
    });

    // A double submit records one call.
    const again = await dispose({
      outcome: "promise_to_pay",
      promise: { amountMinor: 10_000, dueDate: "2026-11-27" },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().callId).toBe(response.json().callId);
    expect(
      (await h.database.pool.query("select 1 from calls where task_id = $1", [taskId])).rowCount,
    ).toBe(1);
  });

  it("starts the conversation rule: the same person is not handed out again today", async () => {
    const { caseId, agent, dispose } = await claimedCase();
    expect(
      (await dispose({ outcome: "right_party_contact", notes: "will think about it" })).statusCode,
    ).toBe(200);
    await h.queue(tenantId, [caseId], supervisor.userId);
    const answer = (await h.post(agent.cookie, "/calls/next", {})).json();
    expect(answer.claim).toBeNull();
    const blocks = (await h.get(supervisor.cookie, `/tenants/${tenantId}/call-blocks`)).json();
    const block = blocks.items.find((b: { caseId: string }) => b.caseId === caseId);
    expect(block).toMatchObject({ kind: "defer" });
    expect(block.rule).toMatch(/conversation/);
  });

  it("schedules a callback for the same agent at the time agreed", async () => {
    const { caseId, agent, dispose } = await claimedCase();
    // Tomorrow: the Italian policy allows one conversation a day, a callback today would wait anyway.
    const at = "2026-11-25T14:00:00.000Z";
    const response = await dispose({
      outcome: "callback_requested",
      callbackAt: at,
      notes: "after work",
    });
    expect(response.json().next).toEqual({ kind: "callback", at });
    const task = await one<{
      source: string;
      assigned_user_id: string;
      not_before: Date;
      is_response: boolean;
    }>(
      "select source, assigned_user_id, not_before, is_response from call_tasks where case_id = $1 and status = 'queued'",
      [caseId],
    );
    expect(task).toMatchObject({
      source: "callback",
      assigned_user_id: agent.userId,
      is_response: true,
    });
    expect(task.not_before.toISOString()).toBe(at);
    expect((await h.post(agent.cookie, "/calls/next", {})).json().claim).toBeNull();
    h.clock.set("2026-11-25T14:00:30Z");
    try {
      const claim = (await h.post(agent.cookie, "/calls/next", {})).json().claim;
      expect(claim?.caseId).toBe(caseId);
      const screen = (
        await h.get(agent.cookie, `/tenants/${tenantId}/call-tasks/${claim.taskId}`)
      ).json();
      expect(screen.task.priority.factors.map((f: { key: string }) => f.key)).toContain(
        "callback_due",
      );
      expect(screen.contacts[0]).toMatchObject({
        channel: "call",
        what: "callback_requested",
        notes: "after work",
      });
    } finally {
      h.clock.set("2026-11-24T09:00:00Z");
    }
  });

  it("retries an unanswered number later, and stops after three tries", async () => {
    const { taskId, dispose, agent } = await claimedCase();
    const first = await dispose({ outcome: "no_answer" });
    expect(first.json().next.kind).toBe("retry");
    expect(first.json().next.at).toBe("2026-11-24T11:00:00.000Z");
    const row = await one<{ status: string; attempts: number }>(
      "select status, attempts from call_tasks where id = $1",
      [taskId],
    );
    expect(row).toEqual({ status: "queued", attempts: 1 });
    for (const [i, at] of ["2026-11-24T11:00:00Z", "2026-11-24T13:00:00Z"].entries()) {
      h.clock.set(at);
      const claim = (await h.post(agent.cookie, "/calls/next", {})).json().claim;
      expect(claim?.taskId).toBe(taskId);
      const next = (
        await h.post(agent.cookie, `/tenants/${tenantId}/call-tasks/${taskId}/disposition`, {
          outcome: "no_answer",
        })
      ).json().next;
      expect(next.kind).toBe(i === 0 ? "retry" : "done");
    }
    h.clock.set("2026-11-24T09:00:00Z");
    // Three reserved attempts, one per try.
    expect(
      (
        await h.database.pool.query("select 1 from contact_events where action_key like $1", [
          `call:${taskId}:%`,
        ])
      ).rowCount,
    ).toBe(3);
  });

  it("puts a dispute on hold with the reason and a review task", async () => {
    const { caseId, dispose } = await claimedCase();
    expect((await dispose({ outcome: "dispute", notes: "meter reading wrong" })).statusCode).toBe(
      200,
    );
    const c = await one<{ status: string; hold_reasons: string[] }>(
      "select status, hold_reasons from cases where id = $1",
      [caseId],
    );
    expect(c).toEqual({ status: "on_hold", hold_reasons: ["dispute"] });
    expect(
      await one("select reason, text, source from case_reasons where case_id = $1", [caseId]),
    ).toEqual({
      reason: "billing_error",
      text: "meter reading wrong",
      source: "agent",
    });
    expect(
      await one("select kind from case_tasks where case_id = $1 and status = 'open'", [caseId]),
    ).toEqual({ kind: "review" });
  });

  it("puts a wrong number aside: it is not offered again", async () => {
    const { caseId, agent, taskId, dispose } = await claimedCase();
    const screen = (await h.get(agent.cookie, `/tenants/${tenantId}/call-tasks/${taskId}`)).json();
    expect(
      (await dispose({ outcome: "wrong_number", phone: screen.phones[0].value })).statusCode,
    ).toBe(200);
    const point = await one<{ undeliverable_reason: string }>(
      "select undeliverable_reason from contact_points p join cases c on c.debtor_id = p.debtor_id where c.id = $1",
      [caseId],
    );
    expect(point.undeliverable_reason).toMatch(/wrong number/);
    const after = (await h.get(agent.cookie, `/tenants/${tenantId}/call-tasks/${taskId}`)).json();
    expect(after.phones).toEqual([]);
  });

  it("says what is missing: a promise without amount and date, a callback in the past", async () => {
    const { dispose } = await claimedCase();
    const promise = await dispose({ outcome: "promise_to_pay" });
    expect(promise.statusCode).toBe(400);
    expect(promise.json().error.message).toMatch(/promise/);
    const past = await dispose({
      outcome: "callback_requested",
      callbackAt: "2026-11-23T10:00:00Z",
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toMatch(/callbackAt: the callback time is in the past/);
  });
});

describe("guards from review", () => {
  it("dials once per claim, and not at all once the case is on hold", async () => {
    const { caseId, agent, taskId } = await claimedCase();
    const phone = (await h.get(agent.cookie, `/tenants/${tenantId}/call-tasks/${taskId}`)).json()
      .phones[0].value;
    const dial = () =>
      h.post(agent.cookie, `/tenants/${tenantId}/call-tasks/${taskId}/dial`, { phone });
    expect((await dial()).statusCode).toBe(200);
    expect((await dial()).statusCode).toBe(409);

    const other = await claimedCase();
    const otherPhone = (
      await h.get(other.agent.cookie, `/tenants/${tenantId}/call-tasks/${other.taskId}`)
    ).json().phones[0].value;
    await h.post(supervisor.cookie, `/tenants/${tenantId}/cases/${other.caseId}/holds`, {
      reason: "hardship",
    });
    const refused = await h.post(
      other.agent.cookie,
      `/tenants/${tenantId}/call-tasks/${other.taskId}/dial`,
      {
        phone: otherPhone,
      },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/on hold/);
    void caseId;
  });

  it("records a call only on a case in hand", async () => {
    const [caseId] = await h.seedCases(tenantId, supervisor.cookie, 1);
    const [taskId] = await h.queue(tenantId, [caseId!], supervisor.userId);
    const agent = await h.agent(tenantId);
    const response = await h.post(
      agent.cookie,
      `/tenants/${tenantId}/call-tasks/${taskId}/disposition`,
      {
        outcome: "refused",
      },
    );
    expect(response.statusCode).toBe(409);
    expect(await one("select status from call_tasks where id = $1", [taskId])).toEqual({
      status: "queued",
    });
    // Out of the shared queue: the next tests take their own cases.
    await h.database.pool.query(
      "update call_tasks set status = 'cancelled', closed_at = now() where id = $1",
      [taskId],
    );
  });

  it("counts a strategy call when it is made, not at the step's planned time", async () => {
    const { tenantId: t, supervisor: s } = await h.newTenant();
    const [caseId] = await h.seedCases(t, s.cookie, 1);
    const planned = new Date("2026-11-23T08:00:00Z");
    const key = `${caseId}/test@v1/call_1/1`;
    await h.database.pool.query(
      `insert into case_actions (tenant_id, case_id, idempotency_key, step_id, attempt, channel, template, status, due_at)
       values ($1, $2, $3, 'call_1', 1, 'call', 'call.reminder', 'scheduled', $4)`,
      [t, caseId, key, planned],
    );
    await h.database.pool.query(
      `insert into contact_events (tenant_id, case_id, debtor_id, channel, kind, at, action_key)
       select tenant_id, id, debtor_id, 'call', 'attempt', $2, $3 from cases where id = $1`,
      [caseId, planned, key],
    );
    await h.queue(t, [caseId!], s.userId);
    await h.database.pool.query(
      "update call_tasks set action_id = (select id from case_actions where idempotency_key = $2) where case_id = $1",
      [caseId, key],
    );
    const agent = await h.agent(t);
    expect((await h.post(agent.cookie, "/calls/next", {})).json().claim.caseId).toBe(caseId);
    const events = await h.database.pool.query<{ at: Date }>(
      "select at from contact_events where case_id = $1",
      [caseId],
    );
    expect(events.rows.map((e) => e.at.toISOString())).toEqual([h.clock.now().toISOString()]);
  });
});

describe("the agent's screen", () => {
  it("shows the case, the script with the debtor's name, and that a call is allowed until 21:00 in Rome", async () => {
    const { agent, taskId } = await claimedCase();
    const screen = (await h.get(agent.cookie, `/tenants/${tenantId}/call-tasks/${taskId}`)).json();
    expect(screen.case).toMatchObject({ stage: expect.any(String), currency: "EUR" });
    expect(screen.case.balanceMinor).toBeGreaterThan(0);
    expect(screen.debtor).toMatchObject({ timeZone: "Europe/Rome", localTime: "10:00" });
    expect(screen.script.opening).toContain(screen.debtor.name);
    expect(screen.script.closing).toMatch(/CHIUSURA/);
    expect(
      screen.script.sections.filter((s: { branch: boolean }) => s.branch).length,
    ).toBeGreaterThanOrEqual(4);
    expect(screen.callWindow).toEqual({
      allowedNow: true,
      until: "2026-11-24T20:00:00.000Z",
      rule: null,
    });
    expect(screen.task.claimedByMe).toBe(true);
  });
});

describe("the supervisor", () => {
  it("finds calls in the report, exports them as CSV, and sees the live board; agents may not", async () => {
    const { caseId, agent, dispose } = await claimedCase();
    await dispose({ outcome: "refused", notes: '=HYPERLINK("x")' });
    const report = (
      await h.get(
        supervisor.cookie,
        `/tenants/${tenantId}/calls?agentId=${agent.userId}&outcome=refused`,
      )
    ).json();
    expect(report.total).toBe(1);
    expect(report.items[0]).toMatchObject({
      caseId,
      outcome: "refused",
      agentId: agent.userId,
      source: "agent",
    });
    const csv = await h.get(supervisor.cookie, `/tenants/${tenantId}/calls.csv?outcome=refused`);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toMatch(/^ended_at,started_at,duration_seconds,agent,case_reference/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);

    const live = (await h.get(supervisor.cookie, `/calls/live?tenantId=${tenantId}`)).json();
    const row = live.agents.find((a: { userId: string }) => a.userId === agent.userId);
    expect(row).toMatchObject({ calls: 1, rightPartyContacts: 1, state: "available" });
    expect((await h.get(agent.cookie, `/calls/live?tenantId=${tenantId}`)).statusCode).toBe(403);
    expect((await h.get(agent.cookie, `/tenants/${tenantId}/calls`)).statusCode).toBe(403);
  });

  it("reassigns a case to a named agent, who gets it before the rest of the queue", async () => {
    const [a, b] = await h.seedCases(tenantId, supervisor.cookie, 2, { amountMinor: 2_000 });
    const named = await h.agent(tenantId);
    await h.queue(tenantId, [a!], supervisor.userId);
    const assigned = await h.post(
      supervisor.cookie,
      `/tenants/${tenantId}/cases/${b}/call-assignment`,
      { userId: named.userId },
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    const other = await h.agent(tenantId);
    const otherClaim = (await h.post(other.cookie, "/calls/next", {})).json().claim;
    expect(otherClaim?.caseId).not.toBe(b);
    expect((await h.post(named.cookie, "/calls/next", {})).json().claim.caseId).toBe(b);
    const stranger = await h.post(
      supervisor.cookie,
      `/tenants/${tenantId}/cases/${a}/call-assignment`,
      {
        userId: "00000000-0000-4000-8000-000000000000",
      },
    );
    expect(stranger.statusCode).toBe(400);
  });
});
