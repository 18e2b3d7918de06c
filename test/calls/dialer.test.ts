import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DIALER_LIST_COLUMNS } from "../../src/modules/calls/domain/dialer-list";
import { TUESDAY_10_ROME } from "../support/call-harness";
import { csvOf, type DialerRow, dialerHarness, ENDED, HEADER } from "../support/dialer-harness";

// Tuesday 24 November 2026, 10:00 in Rome: calls are allowed there until 21:00 (UNIREC hours).
const h = await dialerHarness();

describe("dialer list", () => {
  it("lists only what the policy allows now, with the window to 21:00 in Rome; the rest waits in call-blocks", async () => {
    const { tenantId, supervisor } = await h.newTenant();
    const rome = await h.seedCases(tenantId, supervisor.cookie, 2);
    const [newYork] = await h.seedCases(tenantId, supervisor.cookie, 1, {
      timeZone: "America/New_York",
    });
    const [noPhone] = await h.seedCases(tenantId, supervisor.cookie, 1);
    await h.database.pool.query(
      `update contact_points set undeliverable_at = now()
       where debtor_id = (select debtor_id from cases where id = $1)`,
      [noPhone],
    );
    const tasks = await h.queue(tenantId, [...rome, newYork!, noPhone!], supervisor.userId);

    const { response, rows, heldBack } = await h.exportList(tenantId, supervisor.cookie);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.body.split("\r\n")[0]).toBe(DIALER_LIST_COLUMNS.join(","));
    expect(heldBack).toBe(2);
    expect(rows.map((r) => r.task_id).sort()).toEqual(tasks.slice(0, 2).sort());
    expect(rows[0]).toMatchObject({
      phone_e164: expect.stringMatching(/^\+39347\d{7}$/),
      language: "it",
      time_zone: "Europe/Rome",
      window_start_local: "2026-11-24T10:00",
      window_end_local: "2026-11-24T21:00",
      window_start_utc: "2026-11-24T09:00:00Z",
      window_end_utc: "2026-11-24T20:00:00Z",
      currency: "EUR",
      attempt: "1",
    });
    expect(Number(rows[0]!.priority)).toBeGreaterThanOrEqual(Number(rows[1]!.priority));
    expect(rows.map((r) => r.balance_minor).sort()).toEqual(["10000", "10100"]);

    // 04:00 in New York: deferred to 08:30 there; no usable number: closed with the rule.
    const blocks = (await h.get(supervisor.cookie, `/tenants/${tenantId}/call-blocks`)).json();
    expect(blocks.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: newYork,
          kind: "defer",
          rule: "italy.hours.call",
          until: "2026-11-24T13:30:00.000Z",
        }),
        expect.objectContaining({ caseId: noPhone, kind: "block", rule: "no_phone" }),
      ]),
    );

    const { rows: claimed } = await h.database.pool.query(
      `select claimed_via, claimed_by, claim_expires_at, dialed_at = claimed_at as dialed
       from call_tasks where id = any($1::uuid[])`,
      [tasks.slice(0, 2)],
    );
    for (const task of claimed) {
      expect(task).toEqual({
        claimed_via: "dialer",
        claimed_by: null,
        claim_expires_at: new Date("2026-11-24T20:00:00Z"),
        dialed: true,
      });
    }
    const attempts = await h.database.pool.query(
      "select 1 from contact_events where tenant_id = $1 and kind = 'attempt' and channel = 'call'",
      [tenantId],
    );
    expect(attempts.rowCount).toBe(2);

    // The dialer has them: no agent is handed one, and a second list is empty.
    const agent = await h.agent(tenantId);
    expect((await h.post(agent.cookie, "/calls/next", {})).json().claim).toBeNull();
    expect((await h.exportList(tenantId, supervisor.cookie)).rows).toHaveLength(0);
  });

  it("never puts one task in two places: two exports and ten agents at once", async () => {
    const { tenantId, supervisor } = await h.newTenant();
    await h.queue(tenantId, await h.seedCases(tenantId, supervisor.cookie, 30), supervisor.userId);
    const agents = await Promise.all(Array.from({ length: 10 }, () => h.agent(tenantId)));
    const [first, second, ...answers] = await Promise.all([
      h.get(supervisor.cookie, `/tenants/${tenantId}/dialer/export.csv?limit=12`),
      h.get(supervisor.cookie, `/tenants/${tenantId}/dialer/export.csv?limit=12`),
      ...agents.map((a) => h.post(a.cookie, "/calls/next", {})),
    ]);
    const listed = [first!, second!].flatMap((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return (parse(r.body, { columns: true }) as DialerRow[]).map((row) => row.task_id);
    });
    const taken = answers.flatMap((a) => (a.json().claim ? [a.json().claim.taskId] : []));
    const everywhere = [...listed, ...taken];
    expect(new Set(everywhere).size).toBe(everywhere.length);
    expect(listed.length).toBeGreaterThanOrEqual(12);
    const { rows } = await h.database.pool.query<{ via: string; n: number }>(
      `select claimed_via as via, count(*)::int as n from call_tasks
       where tenant_id = $1 and status = 'claimed' group by claimed_via order by 1`,
      [tenantId],
    );
    expect(rows).toEqual([
      ...(taken.length ? [{ via: "agent", n: taken.length }] : []),
      { via: "dialer", n: listed.length },
    ]);
  });

  it("gives a task back when its window has closed, with the attempt counted, and lists it again", async () => {
    const { tenantId, supervisor, rows } = await h.exportedTenant(1);
    h.clock.set("2026-11-25T08:00:00Z"); // Wednesday 09:00 in Rome
    try {
      const again = await h.exportList(tenantId, supervisor.cookie);
      expect(again.rows.map((r) => [r.task_id, r.attempt])).toEqual([[rows[0]!.task_id, "2"]]);
      expect(again.rows[0]!.window_end_local).toBe("2026-11-25T21:00");
      const attempts = await h.database.pool.query(
        "select action_key from contact_events where tenant_id = $1 and kind = 'attempt' order by at",
        [tenantId],
      );
      expect(attempts.rows.map((r) => r.action_key)).toEqual([
        `call:${rows[0]!.task_id}:1`,
        `call:${rows[0]!.task_id}:2`,
      ]);
    } finally {
      h.clock.set(TUESDAY_10_ROME);
    }
  });
});

describe("caps across the dialer and the agents", () => {
  it("after the dialer's conversation with a person, their other case waits for tomorrow", async () => {
    const { tenantId, supervisor } = await h.newTenant();
    const person = { name: "Mario Rossi", taxCode: "RSSMRA85T10A562S", language: "it" };
    const imported = await h.post(supervisor.cookie, `/tenants/${tenantId}/imports/bulk`, {
      debtors: [
        { externalId: "P1", ...person },
        { externalId: "P2", ...person },
      ],
      contacts: [
        { debtorExternalId: "P1", kind: "phone", value: "+393471112233" },
        { debtorExternalId: "P2", kind: "phone", value: "+393479998877" },
      ],
      invoices: [
        { externalId: "F1", debtorExternalId: "P1", dueDate: "2026-10-01", amountMinor: 90_000 },
        { externalId: "F2", debtorExternalId: "P2", dueDate: "2026-10-01", amountMinor: 20_000 },
      ],
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { rows: cases } = await h.database.pool.query<{ id: string }>(
      "select id from cases where tenant_id = $1",
      [tenantId],
    );
    await h.queue(
      tenantId,
      cases.map((c) => c.id),
      supervisor.userId,
    );

    // One row per person in a list: the dialer never calls one person on two lines.
    const list = await h.exportList(tenantId, supervisor.cookie);
    expect(list.rows).toHaveLength(1);
    const talked = csvOf([HEADER, [list.rows[0]!.task_id, "XFER", ENDED, "180", "C-1", ""]]);
    expect((await h.importCsv(tenantId, supervisor.cookie, talked)).json().recorded).toBe(1);

    // One conversation a day (Italy): the other case is held back, from agents and the dialer.
    const agent = await h.agent(tenantId);
    const next = (await h.post(agent.cookie, "/calls/next", {})).json();
    expect(next.claim).toBeNull();
    expect(next.reason).toMatch(/held back 1/);
    const blocks = (await h.get(supervisor.cookie, `/tenants/${tenantId}/call-blocks`)).json();
    expect(blocks.items[0]).toMatchObject({ kind: "defer", rule: "conversations.per_day" });
    expect(new Date(blocks.items[0].until).getTime()).toBeGreaterThan(h.clock.now().getTime());
    expect((await h.exportList(tenantId, supervisor.cookie)).rows).toHaveLength(0);
  });
});
