import { describe, expect, it } from "vitest";
import { renderSimulation } from "../../src/cli/strategy";
import { runImport } from "../../src/modules/imports/app/run-import";
import { simulateStrategies } from "../../src/modules/scheduler/app/simulate-strategies";
import { fixedClock } from "../../src/platform/clock";
import { createTenant, invoice, person, phone, sourceOf } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();

describe("strategy dry run", () => {
  it("counts what the strategies would do per day and channel, and writes nothing", async () => {
    const tenant = await createTenant(database.db);
    await runImport(
      { database, clock: fixedClock("2026-11-20T08:00:00Z") },
      {
        tenantId: tenant.id,
        kind: "csv",
        sourceName: "seed",
        sources: [
          sourceOf("seed", [
            person(2, "D1", "Mario Rossi", "RSSMRA85T10A562S"),
            phone(2, "D1", "+393471234567"),
            invoice(2, "F1", "D1", 30_000n, "2026-12-01"),
            // Opted out of SMS: the strategy falls back to another channel or waits.
            person(3, "D2", "Giulia Bianchi", "BNCGLI80A41F205X"),
            phone(3, "D2", "+393331112222", ["sms"]),
            invoice(3, "F2", "D2", 30_000n, "2026-11-01"),
          ]),
        ],
      },
    );
    const result = await simulateStrategies(
      { database },
      {
        tenantId: tenant.id,
        from: new Date("2026-11-24T00:00:00Z"),
        to: new Date("2027-01-31T23:00:00Z"),
      },
    );
    let contacts = 0;
    for (const channels of result.values())
      for (const c of channels.values()) contacts += c.contacts;
    expect(contacts).toBeGreaterThan(3);
    const days = [...result.keys()].sort();
    expect(days[0]! >= "2026-11-24").toBe(true);
    // Nothing to Sundays: Italy forbids them for every electronic and live channel.
    for (const day of days) {
      const sunday = new Date(`${day}T12:00:00Z`).getUTCDay() === 0;
      if (sunday)
        for (const [channel, c] of result.get(day)!)
          if (channel !== "letter" && channel !== "registered_letter") expect(c.contacts).toBe(0);
    }
    expect(renderSimulation(result)).toMatch(/dry run: nothing sent/);
    const written = await database.db
      .selectFrom("case_actions")
      .select("id")
      .where("tenant_id", "=", tenant.id)
      .execute();
    expect(written).toEqual([]);
    expect(
      await database.db
        .selectFrom("strategies")
        .select("id")
        .where("tenant_id", "=", tenant.id)
        .execute(),
    ).toEqual([]);
  });
});
