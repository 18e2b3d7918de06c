import { describe, expect, it } from "vitest";
import { importStatement } from "../../src/modules/payments/app/import-statement";
import { caseCreditorReference } from "../../src/modules/payments/domain";
import { breakOverduePromises } from "../../src/modules/promises/app/break-overdue-promises";
import { recordPromise } from "../../src/modules/promises/app/record-promise";
import { runSweep } from "../../src/modules/scheduler/app/run-sweep";
import { fixedClock } from "../../src/platform/clock";
import { camt053 } from "../support/camt-builder";
import { actionsOf, timelineOf } from "../support/channel-harness";
import { caseRow, seedPortfolio } from "../support/payment-harness";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const at = (iso: string) => ({ database, clock: fixedClock(iso) });

async function promiseOf(caseId: string) {
  const { rows } = await database.pool.query(
    "select status, paid_minor, amount_minor from promises where case_id = $1 order by created_at desc limit 1",
    [caseId],
  );
  return rows[0];
}

describe("promises to pay", () => {
  it("hold reminders back until their date, and a reconciled payment keeps them", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      {
        name: "Rita Sole",
        invoices: [{ amountMinor: 15_000n, dueDate: "2026-10-01" }],
        email: "rita@example.org",
      },
    ]);
    const { caseId, reference } = cases[0]!;
    await recordPromise(at("2026-11-24T10:00:00Z"), {
      tenantId,
      caseId,
      dueDate: "2026-11-30",
      source: "agent",
      createdBy: "user:agent-1",
    });
    const before = (await actionsOf(database, caseId)).length;
    await runSweep(at("2026-11-25T09:00:00Z"));
    expect((await actionsOf(database, caseId)).length).toBe(before);
    await importStatement(at("2026-11-28T10:00:00Z"), {
      tenantId,
      fileName: "day.xml",
      content: Buffer.from(
        camt053({
          entries: [
            {
              bankRef: "P1",
              amountMinor: 15_000n,
              rf: caseCreditorReference(reference),
              bookingDate: "2026-11-27",
            },
          ],
        }),
      ),
    });
    expect(await promiseOf(caseId)).toMatchObject({ status: "kept", paid_minor: 15_000n });
    expect((await timelineOf(database, caseId)).map((e) => e.type)).toEqual(
      expect.arrayContaining(["promise.recorded", "payment.received", "case.closed"]),
    );
  });

  it("refuse a date beyond the tenant's limit or an amount above the balance, saying which field", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      { name: "Ugo Luna", invoices: [{ amountMinor: 9_000n, dueDate: "2026-10-01" }] },
    ]);
    await expect(
      recordPromise(at("2026-11-24T10:00:00Z"), {
        tenantId,
        caseId: cases[0]!.caseId,
        dueDate: "2027-03-01",
        amountMinor: 10_000n,
        source: "portal",
        createdBy: "debtor",
      }),
    ).rejects.toThrow(/dueDate: is more than 30 days ahead.*amountMinor: is more than the balance/);
  });

  it("are broken past their date plus grace: priority goes up and reminders resume", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      {
        name: "Ivo Stella",
        invoices: [{ amountMinor: 22_000n, dueDate: "2026-10-01" }],
        email: "ivo@example.org",
      },
    ]);
    const { caseId } = cases[0]!;
    const priority = (await caseRow(database, caseId)).priority;
    await recordPromise(at("2026-11-24T10:00:00Z"), {
      tenantId,
      caseId,
      dueDate: "2026-11-26",
      amountMinor: 10_000n,
      source: "api",
      createdBy: "api",
    });
    await runSweep(at("2026-11-25T09:00:00Z"));
    expect((await actionsOf(database, caseId)).filter((a) => a.status === "scheduled")).toEqual([]);
    // Grace is 3 days: still holding on the 29th (Rome), broken on the 30th.
    expect(await breakOverduePromises(at("2026-11-29T12:00:00Z"))).toBe(0);
    expect(await breakOverduePromises(at("2026-11-30T09:00:00Z"))).toBe(1);
    expect(await promiseOf(caseId)).toMatchObject({ status: "broken" });
    expect((await caseRow(database, caseId)).priority).toBe(priority + 100);
    const before = (await actionsOf(database, caseId)).filter(
      (a) => a.status === "scheduled",
    ).length;
    await runSweep(at("2026-11-30T09:05:00Z"));
    const after = (await actionsOf(database, caseId)).filter(
      (a) => a.status === "scheduled",
    ).length;
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(0);
    expect((await timelineOf(database, caseId)).map((e) => e.type)).toContain("promise.broken");
  });
});
