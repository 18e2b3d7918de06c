import { describe, expect, it } from "vitest";
import { runImport } from "../../src/modules/imports/app/run-import";
import { isoWeekday, wallClockAt } from "../../src/modules/policy/domain";
import { runSweep } from "../../src/modules/scheduler/app/run-sweep";
import { fixedClock } from "../../src/platform/clock";
import { createTenant, invoice, person, phone, sourceOf } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();

async function seedCase(
  tenantId: string,
  externalId: string,
  taxCode: string,
  dueDate: string,
  at: string,
) {
  await runImport(
    { database, clock: fixedClock(at) },
    {
      tenantId,
      kind: "csv",
      sourceName: "seed",
      sources: [
        sourceOf("seed", [
          person(2, externalId, "Mario Rossi", taxCode),
          phone(2, externalId, "+393471234567"),
          {
            type: "contact",
            line: 2,
            record: {
              debtorExternalId: externalId,
              kind: "email",
              value: `${externalId.toLowerCase()}@example.it`,
            },
          },
          {
            type: "contact",
            line: 2,
            record: {
              debtorExternalId: externalId,
              kind: "postal",
              value: "Via Roma 1, 20121 Milano (MI), IT",
              address: {
                line1: "Via Roma 1",
                postalCode: "20121",
                city: "Milano",
                province: "MI",
                country: "IT",
              },
            },
          },
          invoice(2, `F-${externalId}`, externalId, 25_000n, dueDate),
        ]),
      ],
    },
  );
}

describe("the scheduler sweep", () => {
  it("walks a consumer case from before the due date to legal hand-off, inside the Italian contact rules", async () => {
    const tenant = await createTenant(database.db);
    await seedCase(tenant.id, "S1", "RSSMRA85T10A562S", "2026-12-01", "2026-11-20T08:00:00Z");
    // Twice a day for three months, as a worker's minute sweeps would find it.
    for (let day = 0; day < 100; day++) {
      for (const hour of ["07:45", "13:15"]) {
        const date = new Date(Date.UTC(2026, 10, 20 + day)).toISOString().slice(0, 10);
        await runSweep({ database, clock: fixedClock(`${date}T${hour}:00Z`) });
      }
    }
    const actions = await database.db
      .selectFrom("case_actions")
      .select(["step_id", "channel", "status", "due_at", "rule"])
      .where("tenant_id", "=", tenant.id)
      .orderBy("due_at")
      .execute();
    const scheduled = actions.filter((a) => a.status === "scheduled");
    expect(scheduled.length).toBeGreaterThanOrEqual(4);
    // Pre-due caring comes first, before the due date.
    expect(scheduled[0]?.due_at.getTime()).toBeLessThan(Date.parse("2026-12-01T00:00:00Z"));
    for (const a of scheduled) {
      const local = wallClockAt(a.due_at, "Europe/Rome");
      const minutes = local.hour * 60 + local.minute;
      const weekday = isoWeekday(local); // 1 Monday … 7 Sunday
      if (a.channel === "call" || a.channel === "voice") {
        expect(weekday).toBeLessThan(7);
        expect(minutes).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(minutes).toBeLessThan(weekday === 6 ? 15 * 60 : 21 * 60);
      }
      if (a.channel === "sms" || a.channel === "email") {
        expect(weekday).toBeLessThan(7);
        expect(minutes).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(minutes).toBeLessThan(20 * 60);
      }
    }
    const kase = await database.db
      .selectFrom("cases")
      .select(["stage", "variant", "strategy_version_id"])
      .where("tenant_id", "=", tenant.id)
      .executeTakeFirstOrThrow();
    expect(kase.stage).toBe("legal");
    expect(kase.strategy_version_id).not.toBeNull();
    const events = await database.db
      .selectFrom("case_events")
      .select("type")
      .where("tenant_id", "=", tenant.id)
      .execute();
    const types = new Set(events.map((e) => e.type));
    expect(types).toContain("strategy.assigned");
    expect(types).toContain("contact.scheduled");
    expect(types).toContain("stage.changed");
  });

  it("with several workers at once creates no action twice and exceeds no cap", async () => {
    const a = await createTenant(database.db);
    const b = await createTenant(database.db);
    // The same 30 people owe both creditors: caps count per person across tenants.
    const codes = ["RSSMRA85T10A562S", "BNCGLI80A41F205X", "VRDLCU75C12H501Q"];
    for (let i = 0; i < 30; i++) {
      const taxCode = `${codes[i % 3]?.slice(0, 15)}${i}`; // distinct identities, format irrelevant here
      for (const tenant of [a, b])
        await seedCase(tenant.id, `P${i}`, taxCode, "2026-11-10", "2026-11-20T08:00:00Z");
    }
    // Both tenants tighten Italy to one contact a day per person, on any channel.
    const oneADay = {
      caps: [{ id: "tenant.one-a-day", channels: "all", max: 1, windowHours: 24, scope: "person" }],
    };
    for (const tenant of [a, b]) {
      await database.db
        .insertInto("tenant_policies")
        .values({ tenant_id: tenant.id, preset: "IT", overrides: JSON.stringify(oneADay) })
        .execute();
    }
    const clock = fixedClock("2026-11-24T10:00:00Z"); // a Tuesday, 11:00 in Rome
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => runSweep({ database, clock }, { batchSize: 7 })),
    );
    expect(results.reduce((n, r) => n + r.cases, 0)).toBe(60);
    const duplicates = await database.db
      .selectFrom("case_actions")
      .select(({ fn }) => ["idempotency_key", fn.countAll<string>().as("n")])
      .groupBy("idempotency_key")
      .having(({ fn }) => fn.countAll(), ">", 1)
      .execute();
    expect(duplicates).toEqual([]);
    // One contact per person that day, whichever tenant's worker got there first.
    const perPerson = await database.db
      .selectFrom("contact_events")
      .select(({ fn }) => ["identity_id", fn.countAll<string>().as("n")])
      .where("at", ">=", new Date("2026-11-24T00:00:00Z"))
      .where("at", "<", new Date("2026-11-25T00:00:00Z"))
      .groupBy("identity_id")
      .execute();
    expect(perPerson.length).toBe(30);
    for (const row of perPerson) expect(Number(row.n)).toBe(1);
    const deferred = await database.db
      .selectFrom("case_actions")
      .select(["rule"])
      .where("status", "=", "deferred")
      .where("tenant_id", "in", [a.id, b.id])
      .execute();
    expect(deferred.length).toBe(30);
    expect(new Set(deferred.map((d) => d.rule))).toEqual(new Set(["tenant.one-a-day"]));
  });
});
