import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "../../src/platform/db/migrate";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();

describe("migrations", () => {
  it("are all applied to the test template and re-running applies nothing", async () => {
    const { rows } = await sql<{
      version: number;
    }>`select version from schema_migrations order by version`.execute(database.db);
    expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
    expect(await migrate(database.pool)).toEqual([]);
  });

  it("keep the case timeline append-only", async () => {
    const tenant = await database.db
      .insertInto("tenants")
      .values({ slug: "t-append", name: "T" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const debtor = await database.db
      .insertInto("debtors")
      .values({ tenant_id: tenant.id, external_id: "D1", kind: "person", name: "Mario Rossi" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const kase = await database.db
      .insertInto("cases")
      .values({ tenant_id: tenant.id, debtor_id: debtor.id, reference: "SAL-T-1" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("case_events")
      .values({ tenant_id: tenant.id, case_id: kase.id, type: "case.opened" })
      .execute();
    await expect(
      database.db.updateTable("case_events").set({ type: "x" }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom("case_events").execute()).rejects.toThrow(/append-only/);
  });
});
