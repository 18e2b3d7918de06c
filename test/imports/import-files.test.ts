import { createReadStream, readdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { importFiles } from "../../src/modules/imports/app/import-files";
import { fixedClock } from "../../src/platform/clock";
import { createTenant } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const deps = { database, clock: fixedClock("2026-11-24T09:00:00Z") };
const SAMPLES = path.resolve("../shared/samples/fatturapa");
const fromText = (name: string, text: string, encoding = "utf8") => ({
  name,
  open: () =>
    Readable.from([encoding === "utf8" ? Buffer.from(text) : iconv.encode(text, encoding)]),
});

describe("FatturaPA files through the whole pipeline", () => {
  it("imports every shared sample, credit notes negative, and a re-import changes nothing", async () => {
    const tenant = await createTenant(database.db);
    const names = readdirSync(SAMPLES).sort();
    expect(names).toHaveLength(15);
    const files = names.map((name) => ({
      name,
      open: () => createReadStream(path.join(SAMPLES, name)),
    }));
    const first = await importFiles(deps, { tenantId: tenant.id, files });
    const { invoices, debtors } = first.counts;
    // Lots carry two bodies, and several samples repeat one invoice (same supplier,
    // year, number and type: one identity, the last file wins): 14 distinct invoices.
    expect(invoices.created).toBe(14);
    expect(debtors.created).toBeGreaterThan(0);
    const rows = await database.db
      .selectFrom("invoices")
      .select(["document_type", "amount_minor", "open_amount_minor"])
      .where("tenant_id", "=", tenant.id)
      .execute();
    const credits = rows.filter((r) => r.document_type === "credit_note");
    expect(credits.length).toBeGreaterThanOrEqual(3); // eigor plain-vanilla, A10, oca FPR06
    for (const c of credits) expect(c.amount_minor).toBeLessThan(0n);
    const installments = await database.db
      .selectFrom("invoice_installments")
      .select("invoice_id")
      .where("tenant_id", "=", tenant.id)
      .execute();
    expect(installments.length).toBeGreaterThan(0);

    const again = await importFiles(deps, { tenantId: tenant.id, files });
    expect(again.counts.invoices).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: invoices.created,
    });
    expect(again.counts.rows.created + again.counts.rows.updated).toBe(0);
  });

  it("reports an unreadable file against itself and imports the others", async () => {
    const tenant = await createTenant(database.db);
    const good = "official_IT01234567890_FPR01.xml";
    const result = await importFiles(deps, {
      tenantId: tenant.id,
      files: [
        { name: good, open: () => createReadStream(path.join(SAMPLES, good)) },
        fromText("broken.xml", "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'boom'>]><x>&a;</x>"),
      ],
    });
    expect(result.counts.invoices.created).toBe(1);
    const errors = await database.db
      .selectFrom("import_errors")
      .select(["source", "reason"])
      .where("import_id", "=", result.importId)
      .execute();
    expect(errors.some((e) => e.source === "broken.xml")).toBe(true);
    expect(
      errors.some((e) => e.source === good && /codice fiscale|tax code|check/i.test(e.reason)),
    ).toBe(true);
  });
});

describe("CSV files through the whole pipeline", () => {
  it("takes debtors, contacts and invoices from separate files in one import", async () => {
    const tenant = await createTenant(database.db);
    const result = await importFiles(deps, {
      tenantId: tenant.id,
      files: [
        fromText(
          "debtors.csv",
          "Codice Cliente;Nome;Cognome;Codice Fiscale\nC1;Mario;Rossi;RSSMRA85T10A562S\n",
          "win1252",
        ),
        fromText(
          "contacts.csv",
          "codice_cliente,tipo_contatto,contatto\nC1,email,MARIO@example.it\nC1,cellulare,+39 347 1234567\n",
        ),
        fromText(
          "invoices.csv",
          "\uFEFFid_cliente;numero_fattura;data_scadenza;importo;residuo\nC1;FT/1;01/10/2026;1.234,56;1.000,00\n",
        ),
      ],
    });
    expect(result.counts.rows).toEqual({
      read: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const debtor = await database.db
      .selectFrom("debtors")
      .selectAll()
      .where("tenant_id", "=", tenant.id)
      .executeTakeFirstOrThrow();
    expect(debtor).toMatchObject({
      name: "Mario Rossi",
      kind: "person",
      tax_code: "RSSMRA85T10A562S",
    });
    const contacts = await database.db
      .selectFrom("contact_points")
      .select(["kind", "value", "phone_type"])
      .where("tenant_id", "=", tenant.id)
      .orderBy("kind")
      .execute();
    expect(contacts).toEqual([
      { kind: "email", value: "mario@example.it", phone_type: null },
      { kind: "phone", value: "+393471234567", phone_type: "mobile" },
    ]);
    const invoice = await database.db
      .selectFrom("invoices")
      .selectAll()
      .where("tenant_id", "=", tenant.id)
      .executeTakeFirstOrThrow();
    expect(invoice).toMatchObject({
      number: "FT/1",
      amount_minor: 123_456n,
      open_amount_minor: 100_000n,
      due_date: "2026-10-01",
    });
  });

  it("rejects a file without a debtor column, clearly, and imports nothing", async () => {
    const tenant = await createTenant(database.db);
    await expect(
      importFiles(deps, { tenantId: tenant.id, files: [fromText("x.csv", "foo;bar\n1;2\n")] }),
    ).rejects.toThrow(/debtor_id/);
    const run = await database.db
      .selectFrom("imports")
      .select(["status", "failure"])
      .where("tenant_id", "=", tenant.id)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe("failed");
  });

  it("closes on paid, never reopens on a file without status, and rejects an open amount above the amount", async () => {
    const tenant = await createTenant(database.db);
    const header = "codice_cliente;nome;cognome;id_fattura;scadenza;importo;residuo;stato\n";
    await importFiles(deps, {
      tenantId: tenant.id,
      files: [
        fromText(
          "a.csv",
          `${header}P1;Anna;Neri;X1;01/10/2026;100,00;100,00;aperta\nP1;Anna;Neri;X2;01/10/2026;50,00;60,00;aperta\n`,
        ),
      ],
    }).then((r) => {
      expect(r.counts.invoices).toMatchObject({ created: 1, rejected: 1 });
    });
    const paid = await importFiles(deps, {
      tenantId: tenant.id,
      files: [fromText("b.csv", `${header}P1;Anna;Neri;X1;01/10/2026;100,00;100,00;pagata\n`)],
    });
    expect(paid.casesClosed).toBe(1);
    const noStatus = "codice_cliente;id_fattura;scadenza;importo\nP1;X1;01/10/2026;100,00\n";
    const again = await importFiles(deps, {
      tenantId: tenant.id,
      files: [fromText("c.csv", noStatus)],
    });
    expect(again.casesOpened).toBe(0);
    const x1 = await database.db
      .selectFrom("invoices")
      .select(["status", "open_amount_minor"])
      .where("tenant_id", "=", tenant.id)
      .where("external_id", "=", "X1")
      .executeTakeFirstOrThrow();
    expect(x1).toEqual({ status: "paid", open_amount_minor: 0n });
  });
});
