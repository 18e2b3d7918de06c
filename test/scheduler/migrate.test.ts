import { describe, expect, it } from "vitest";
import { runImport } from "../../src/modules/imports/app/run-import";
import { runSweep } from "../../src/modules/scheduler/app/run-sweep";
import { migrateCases } from "../../src/modules/strategies/app/migrate-cases";
import { DEFAULT_STRATEGIES } from "../../src/modules/strategies/domain";
import { saveStrategyVersion } from "../../src/modules/strategies/store/strategy-versions";
import { fixedClock } from "../../src/platform/clock";
import { createTenant, invoice, person, phone, sourceOf } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();

describe("strategy versions and running cases", () => {
  it("keeps running cases on their version until they are migrated explicitly", async () => {
    const tenant = await createTenant(database.db);
    const clock = fixedClock("2026-11-24T10:00:00Z");
    await runImport(
      { database, clock },
      {
        tenantId: tenant.id,
        kind: "csv",
        sourceName: "seed",
        sources: [
          sourceOf("seed", [
            person(2, "M1", "Mario Rossi", "RSSMRA85T10A562S"),
            phone(2, "M1", "+393471234567"),
            invoice(2, "F1", "M1", 40_000n, "2026-11-20"),
          ]),
        ],
      },
    );
    await runSweep({ database, clock });
    const consumer = DEFAULT_STRATEGIES.find((d) => d.key === "consumer-utility");
    if (!consumer) throw new Error("default consumer strategy missing");
    const client = await database.pool.connect();
    try {
      await saveStrategyVersion(client, tenant.id, {
        ...consumer,
        name: { ...consumer.name, en: `${consumer.name.en} (v2)` },
      });
    } finally {
      client.release();
    }
    const versionOf = async () => {
      const row = await database.db
        .selectFrom("cases")
        .innerJoin("strategy_versions", "strategy_versions.id", "cases.strategy_version_id")
        .select("strategy_versions.version")
        .where("cases.tenant_id", "=", tenant.id)
        .executeTakeFirstOrThrow();
      return row.version;
    };
    await runSweep({ database, clock: fixedClock("2026-11-25T10:00:00Z") });
    expect(await versionOf()).toBe(1);

    const result = await migrateCases(
      { database, clock },
      { tenantId: tenant.id, strategyKey: "consumer-utility", actor: "test" },
    );
    expect(result).toMatchObject({ migrated: 1, toVersion: 2 });
    expect(await versionOf()).toBe(2);
    const event = await database.db
      .selectFrom("case_events")
      .select("data")
      .where("tenant_id", "=", tenant.id)
      .where("type", "=", "strategy.migrated")
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ from: 1, version: 2 });
    const keysOf = async () =>
      (
        await database.db
          .selectFrom("case_actions")
          .select("idempotency_key")
          .where("tenant_id", "=", tenant.id)
          .execute()
      ).map((k) => k.idempotency_key);
    expect((await keysOf()).some((k) => k.includes("@v2/"))).toBe(false);
    for (let day = 26; day <= 60; day++) {
      await runSweep({ database, clock: fixedClock(new Date(Date.UTC(2026, 10, day, 10))) });
    }
    expect((await keysOf()).some((k) => k.includes("consumer-utility@v2/"))).toBe(true);
  });
});
