import { describe, expect, it } from "vitest";
import { runImport } from "../../src/modules/imports/app/run-import";
import { failAbandonedRuns } from "../../src/modules/imports/store/import-runs";
import { fixedClock } from "../../src/platform/clock";
import { createTenant, invoice, person, phone, sourceOf } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const clock = fixedClock("2026-11-24T10:00:00Z");
const deps = { database, clock };

describe("runImport", () => {
  it("creates, then changes nothing on the same input, then updates what changed", async () => {
    const tenant = await createTenant(database.db);
    const records = [
      person(2, "C1", "Mario Rossi", "RSSMRA85T10A562S"),
      phone(2, "C1", "+393471234567"),
      invoice(2, "F1", "C1", 12_345n, "2026-10-01"),
      invoice(3, "F2", "C1", 5_000n, "2026-12-15"),
    ];
    const first = await runImport(deps, {
      tenantId: tenant.id,
      kind: "csv",
      sourceName: "a.csv",
      sources: [sourceOf("a.csv", records)],
    });
    expect(first.counts.rows).toEqual({
      read: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(first.counts.invoices).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.casesOpened).toBe(1);

    const again = await runImport(deps, {
      tenantId: tenant.id,
      kind: "csv",
      sourceName: "a.csv",
      sources: [sourceOf("a.csv", records)],
    });
    expect(again.counts.rows).toEqual({
      read: 2,
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected: 0,
    });
    expect(again.counts.debtors.unchanged).toBe(1);
    expect(again.casesOpened).toBe(0);

    const changed = [...records.slice(0, 3), invoice(3, "F2", "C1", 6_000n, "2026-12-15")];
    const third = await runImport(deps, {
      tenantId: tenant.id,
      kind: "csv",
      sourceName: "a.csv",
      sources: [sourceOf("a.csv", changed)],
    });
    expect(third.counts.rows).toEqual({
      read: 2,
      created: 0,
      updated: 1,
      unchanged: 1,
      rejected: 0,
    });
    const invoices = await database.db
      .selectFrom("invoices")
      .select(["external_id", "amount_minor"])
      .where("tenant_id", "=", tenant.id)
      .orderBy("external_id")
      .execute();
    expect(invoices).toEqual([
      { external_id: "F1", amount_minor: 12_345n },
      { external_id: "F2", amount_minor: 6_000n },
    ]);
    const kase = await database.db
      .selectFrom("cases")
      .selectAll()
      .where("tenant_id", "=", tenant.id)
      .executeTakeFirstOrThrow();
    // Oldest open invoice 54 days past due on 2026-11-24.
    expect(kase.stage).toBe("late");
    expect(kase.reference).toMatch(/^SAL-\d{8}$/);
  });

  it("closes the case when a later import says every invoice is paid", async () => {
    const tenant = await createTenant(database.db);
    await runImport(deps, {
      tenantId: tenant.id,
      kind: "csv",
      sourceName: "a.csv",
      sources: [
        sourceOf("a.csv", [
          person(2, "C9", "Anna Bianchi"),
          invoice(2, "X1", "C9", 1_000n, "2026-11-01"),
        ]),
      ],
    });
    const paid = await runImport(deps, {
      tenantId: tenant.id,
      kind: "csv",
      sourceName: "b.csv",
      sources: [
        sourceOf("b.csv", [
          invoice(2, "X1", "C9", 1_000n, "2026-11-01", { status: "paid", openAmountMinor: 0n }),
        ]),
      ],
    });
    expect(paid.casesClosed).toBe(1);
    const events = await database.db
      .selectFrom("case_events")
      .select("type")
      .where("tenant_id", "=", tenant.id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      "case.opened",
      "invoices.imported",
      "invoices.imported",
      "case.closed",
    ]);
  });

  it("keeps good rows, rejects orphans and parser errors, and the counts add up", async () => {
    const tenant = await createTenant(database.db);
    const result = await runImport(deps, {
      tenantId: tenant.id,
      kind: "csv",
      sourceName: "mixed.csv",
      sources: [
        sourceOf(
          "mixed.csv",
          [
            person(2, "C1", "Mario Rossi"),
            invoice(2, "F1", "C1", 100n, "2026-11-20"),
            invoice(3, "F2", "NOPE", 100n, "2026-11-20"),
            person(4, "C2", "Luca Verdi"),
          ],
          [
            {
              source: "mixed.csv",
              line: 4,
              field: "amount",
              value: "abc",
              reason: "not an amount",
            },
          ],
        ),
      ],
    });
    const { rows, invoices } = result.counts;
    expect(rows).toEqual({ read: 3, created: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(rows.created + rows.updated + rows.unchanged + rows.rejected).toBe(rows.read);
    expect(invoices).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 2 });
    const errors = await database.db
      .selectFrom("import_errors")
      .select(["source", "line", "field", "value"])
      .where("import_id", "=", result.importId)
      .orderBy("line")
      .execute();
    expect(errors).toEqual([
      { source: "mixed.csv", line: 3, field: "debtor_id", value: "NOPE" },
      { source: "mixed.csv", line: 4, field: "amount", value: "abc" },
    ]);
    const run = await database.db
      .selectFrom("imports")
      .selectAll()
      .where("id", "=", result.importId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe("completed");
    expect(run.rejected).toBe(2);
  });

  it("joins the same person across tenants into one identity and merges opt-outs", async () => {
    const a = await createTenant(database.db);
    const b = await createTenant(database.db);
    for (const t of [a, b]) {
      await runImport(deps, {
        tenantId: t.id,
        kind: "csv",
        sourceName: "x.csv",
        sources: [
          sourceOf("x.csv", [
            person(2, `P-${t.slug}`, "Giulia Neri", "NREGLI80A41F205X"),
            phone(2, `P-${t.slug}`, "+393331112222", ["sms"]),
          ]),
        ],
      });
    }
    const debtors = await database.db
      .selectFrom("debtors")
      .select("identity_id")
      .where("tax_code", "=", "NREGLI80A41F205X")
      .execute();
    expect(debtors).toHaveLength(2);
    expect(debtors[0]?.identity_id).toBe(debtors[1]?.identity_id);
    const contact = await database.db
      .selectFrom("contact_points")
      .select("opt_out")
      .where("tenant_id", "=", a.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(contact.opt_out)).toEqual(["sms"]);
  });

  it("fails the whole import atomically when a source breaks mid-stream", async () => {
    const tenant = await createTenant(database.db);
    const broken = {
      name: "broken.csv",
      chunks: (async function* () {
        yield { records: [person(2, "Z1", "Zeno Zeta")], errors: [], rowsRead: 1, bytesRead: 10 };
        throw new Error("undecodable file at line 3");
      })(),
    };
    await expect(
      runImport(deps, {
        tenantId: tenant.id,
        kind: "csv",
        sourceName: "broken.csv",
        sources: [broken],
      }),
    ).rejects.toThrow(/line 3/);
    const run = await database.db
      .selectFrom("imports")
      .selectAll()
      .where("tenant_id", "=", tenant.id)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe("failed");
    expect(run.failure).toMatch(/line 3/);
    expect(
      await database.db
        .selectFrom("debtors")
        .select("id")
        .where("tenant_id", "=", tenant.id)
        .execute(),
    ).toEqual([]);
  });

  it("marks runs abandoned by a dead process failed, and leaves live ones alone", async () => {
    const tenant = await createTenant(database.db);
    const insert = () =>
      database.db
        .insertInto("imports")
        .values({ tenant_id: tenant.id, kind: "csv", source_name: "x.csv" })
        .returning("id")
        .executeTakeFirstOrThrow();
    const dead = await insert();
    const live = await insert();
    const other = await database.pool.connect();
    try {
      await other.query("begin");
      await other.query(
        "select pg_advisory_xact_lock(hashtextextended('saldo.import-run:' || $1, 0))",
        [live.id],
      );
      await failAbandonedRuns(database.db);
      const statuses = await database.db
        .selectFrom("imports")
        .select(["id", "status"])
        .where("tenant_id", "=", tenant.id)
        .execute();
      expect(statuses.find((r) => r.id === dead.id)?.status).toBe("failed");
      expect(statuses.find((r) => r.id === live.id)?.status).toBe("running");
    } finally {
      await other.query("rollback");
      other.release();
    }
  });
});
