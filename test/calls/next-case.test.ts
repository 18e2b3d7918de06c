import { beforeAll, describe, expect, it } from "vitest";
import { refreshCallQueue } from "../../src/modules/calls/app/refresh-call-queue";
import { callCenterHarness } from "../support/call-harness";

const h = await callCenterHarness();

describe("next case", () => {
  let tenantId: string;
  let supervisor: { cookie: string; userId: string };
  beforeAll(async () => {
    ({ tenantId, supervisor } = await h.newTenant());
  });

  it("hands 100 agents asking at once 60 tasks: each task to one agent, the rest get nothing", async () => {
    const caseIds = await h.seedCases(tenantId, supervisor.cookie, 60);
    await h.queue(tenantId, caseIds, supervisor.userId);
    const agents = await Promise.all(Array.from({ length: 100 }, () => h.agent(tenantId)));

    const answers = await Promise.all(agents.map((a) => h.post(a.cookie, "/calls/next", {})));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
    const claims = answers.map((a) => a.json().claim).filter((c) => c !== null);
    expect(claims).toHaveLength(60);
    expect(new Set(claims.map((c) => c.taskId)).size).toBe(60);
    expect(new Set(claims.map((c) => c.caseId)).size).toBe(60);
    const empty = answers.map((a) => a.json()).filter((a) => a.claim === null);
    expect(empty).toHaveLength(40);
    expect(empty[0].reason).toMatch(/queue has no case/);

    const { rows } = await h.database.pool.query<{ claimed_by: string; n: number }>(
      `select claimed_by, count(*)::int as n from call_tasks where tenant_id = $1 and status = 'claimed' group by claimed_by`,
      [tenantId],
    );
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // Each claim reserved one call attempt against the caps.
    const reserved = await h.database.pool.query(
      "select 1 from contact_events where tenant_id = $1 and channel = 'call' and kind = 'attempt'",
      [tenantId],
    );
    expect(reserved.rowCount).toBe(60);

    // Asking again returns the case already in hand.
    const again = await h.post(agents[0]!.cookie, "/calls/next", {});
    expect(again.json().claim?.taskId ?? null).toBe(answers[0]!.json().claim?.taskId ?? null);
  });

  it("gives the best-scored case first and explains its score", async () => {
    const { tenantId: t, supervisor: s } = await h.newTenant();
    const [small] = await h.seedCases(t, s.cookie, 1, {
      amountMinor: 5_000,
      dueDate: "2026-11-10",
    });
    const [large] = await h.seedCases(t, s.cookie, 1, {
      amountMinor: 900_000,
      dueDate: "2026-06-01",
    });
    await h.queue(t, [small!, large!], s.userId);
    const agent = await h.agent(t);
    const claim = (await h.post(agent.cookie, "/calls/next", {})).json().claim;
    expect(claim.caseId).toBe(large);
    const screen = await h.get(agent.cookie, `/tenants/${t}/call-tasks/${claim.taskId}`);
    expect(screen.statusCode, screen.body).toBe(200);
    const factors = screen.json().task.priority.factors.map((f: { key: string }) => f.key);
    expect(factors).toEqual(expect.arrayContaining(["amount", "days_past_due"]));
    expect(screen.json().task.priority.score).toBeGreaterThanOrEqual(250);
    expect(screen.json().task.priority.band).toBe("medium");
  });

  it("checks the contact policy at claim time: outside the hours the case waits, with the rule logged", async () => {
    const { tenantId: t, supervisor: s } = await h.newTenant();
    const [caseId] = await h.seedCases(t, s.cookie, 1);
    await h.queue(t, [caseId!], s.userId);
    const agent = await h.agent(t);
    h.clock.set("2026-11-24T21:30:00Z"); // 22:30 in Rome: past the 21:00 limit for calls
    try {
      const response = await h.post(agent.cookie, "/calls/next", {});
      expect(response.statusCode, response.body).toBe(200);
      const answer = response.json();
      expect(answer.claim).toBeNull();
      expect(answer.reason).toMatch(/contact policy held back 1/);
      const blocks = (await h.get(s.cookie, `/tenants/${t}/call-blocks`)).json();
      expect(blocks.items[0]).toMatchObject({ kind: "defer", rule: "italy.hours.call", caseId });
      // Deferred to 08:30 the next morning in Rome.
      expect(blocks.items[0].until).toBe("2026-11-25T07:30:00.000Z");
      h.clock.set("2026-11-25T07:31:00Z");
      expect((await h.post(agent.cookie, "/calls/next", {})).json().claim.caseId).toBe(caseId);
    } finally {
      h.clock.set("2026-11-24T09:00:00Z");
    }
  });

  it("never hands out a case on hold: the task is cancelled with the reason", async () => {
    const { tenantId: t, supervisor: s } = await h.newTenant();
    const [caseId] = await h.seedCases(t, s.cookie, 1);
    await h.queue(t, [caseId!], s.userId);
    const hold = await h.post(s.cookie, `/tenants/${t}/cases/${caseId}/holds`, {
      reason: "dispute",
    });
    expect(hold.statusCode, hold.body).toBe(201);
    const agent = await h.agent(t);
    expect((await h.post(agent.cookie, "/calls/next", {})).json().claim).toBeNull();
    const blocks = (await h.get(s.cookie, `/tenants/${t}/call-blocks`)).json();
    expect(blocks.items[0]).toMatchObject({
      kind: "cancel",
      reason: expect.stringMatching(/on hold/),
    });
  });

  it("closes a case with no number to call instead of handing it out", async () => {
    const { tenantId: t, supervisor: s } = await h.newTenant();
    const [caseId] = await h.seedCases(t, s.cookie, 1, { noPhone: true });
    await h.queue(t, [caseId!], s.userId);
    const agent = await h.agent(t);
    expect((await h.post(agent.cookie, "/calls/next", {})).json().claim).toBeNull();
    const blocks = (await h.get(s.cookie, `/tenants/${t}/call-blocks`)).json();
    expect(blocks.items[0]).toMatchObject({ kind: "block", rule: "no_phone", caseId });
  });

  it("returns an abandoned claim to the queue after 15 minutes and takes back the unused attempt", async () => {
    const { tenantId: t, supervisor: s } = await h.newTenant();
    const [caseId] = await h.seedCases(t, s.cookie, 1);
    await h.queue(t, [caseId!], s.userId);
    const first = await h.agent(t);
    const second = await h.agent(t);
    const claim = (await h.post(first.cookie, "/calls/next", {})).json().claim;
    expect((await h.post(second.cookie, "/calls/next", {})).json().claim).toBeNull();
    h.clock.advance(16 * 60_000);
    try {
      const taken = (await h.post(second.cookie, "/calls/next", {})).json().claim;
      expect(taken.taskId).toBe(claim.taskId);
      const attempts = await h.database.pool.query(
        "select 1 from contact_events where case_id = $1 and kind = 'attempt'",
        [caseId],
      );
      expect(attempts.rowCount).toBe(1);
      // The first agent's late disposition is refused: the case is someone else's now.
      const late = await h.post(
        first.cookie,
        `/tenants/${t}/call-tasks/${claim.taskId}/disposition`,
        {
          outcome: "no_answer",
        },
      );
      expect(late.statusCode).toBe(409);
    } finally {
      h.clock.set("2026-11-24T09:00:00Z");
    }
  });

  it("routes by skill: an English-speaking debtor goes only to an agent with lang:en", async () => {
    const { tenantId: t, supervisor: s } = await h.newTenant();
    const [caseId] = await h.seedCases(t, s.cookie, 1, { language: "en" });
    await h.queue(t, [caseId!], s.userId);
    const plain = await h.agent(t);
    const english = await h.agent(t);
    await h.database.pool.query("insert into agents (user_id, skills) values ($1, '{lang:en}')", [
      english.userId,
    ]);
    expect((await h.post(plain.cookie, "/calls/next", {})).json().claim).toBeNull();
    expect((await h.post(english.cookie, "/calls/next", {})).json().claim.caseId).toBe(caseId);
  });

  it("turns the strategy's call steps and the debtor's callback requests into queued tasks", async () => {
    const { tenantId: t, supervisor: s } = await h.newTenant();
    const [stepCase, callbackCase] = await h.seedCases(t, s.cookie, 2);
    const now = h.clock.now();
    await h.database.pool.query(
      `insert into case_actions (tenant_id, case_id, idempotency_key, step_id, attempt, channel, template, status, due_at)
       values ($1, $2, $3, 'call_1', 1, 'call', 'call.reminder', 'scheduled', $4)`,
      [t, stepCase, `${stepCase}/test@v1/call_1/1`, now],
    );
    await h.database.pool.query(
      "insert into case_tasks (tenant_id, case_id, kind, reason, due_at) values ($1, $2, 'callback', 'call me after 10', $3)",
      [t, callbackCase, now],
    );
    const refreshed = await refreshCallQueue({ database: h.database, clock: h.clock });
    expect(refreshed.imported).toBeGreaterThanOrEqual(2);
    const { rows } = await h.database.pool.query<{
      case_id: string;
      source: string;
      is_response: boolean;
    }>("select case_id, source, is_response from call_tasks where tenant_id = $1 order by source", [
      t,
    ]);
    expect(rows).toEqual([
      { case_id: callbackCase, source: "callback", is_response: true },
      { case_id: stepCase, source: "strategy", is_response: false },
    ]);
    // A second refresh adds nothing.
    await refreshCallQueue({ database: h.database, clock: h.clock });
    const count = await h.database.pool.query("select 1 from call_tasks where tenant_id = $1", [t]);
    expect(count.rowCount).toBe(2);
  });
});
