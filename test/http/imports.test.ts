import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../support/factories";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const app = await buildTestApp(database);
afterAll(() => app.close());

let tenantId: string;
let cookie: string;

beforeAll(async () => {
  tenantId = (await createTenant(database.db)).id;
  cookie = (await loggedInAs(app, database, "supervisor", { tenantIds: [tenantId] })).cookie;
});

describe("imports over HTTP", () => {
  it("takes a multipart upload with a custom mapping and serves the rejected rows as CSV", async () => {
    const form = new FormData();
    form.append(
      "mapping",
      JSON.stringify({
        columns: {
          "Cod. Anagrafica": "debtor_id",
          "Totale Doc.": "amount",
          Scad: "due_date",
          Rif: "invoice_id",
        },
      }),
    );
    const csv =
      "Cod. Anagrafica;Ragione Sociale;Rif;Scad;Totale Doc.;Note\nA1;Alfa Srl;R1;10/11/2026;500,00;x\nA2;Beta Srl;R2;10/11/2026;cinquecento;y\n";
    form.append("file", new Blob([csv], { type: "text/csv" }), "portafoglio.csv");
    const response = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/imports`,
      headers: { cookie },
      payload: form,
    });
    expect(response.statusCode, response.body).toBe(201);
    const run = response.json();
    expect(run).toMatchObject({
      status: "completed",
      rowsRead: 2,
      created: 1,
      rejected: 1,
      kind: "csv",
    });
    expect(run.files[0].ignoredColumns).toEqual(["Note"]);

    const status = await app.inject({
      method: "GET",
      url: `/api/v1/tenants/${tenantId}/imports/${run.id}`,
      headers: { cookie },
    });
    expect(status.json()).toMatchObject({ id: run.id, status: "completed" });

    const report = await app.inject({
      method: "GET",
      url: `/api/v1/tenants/${tenantId}/imports/${run.id}/errors.csv`,
      headers: { cookie },
    });
    expect(report.headers["content-type"]).toMatch(/text\/csv/);
    const lines = report.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("file,line,field,value,reason");
    expect(lines[1]).toMatch(/^portafoglio\.csv,3,amount,cinquecento,/);
  });

  it("answers a file it cannot read with 400 and what is wrong", async () => {
    const response = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/imports?fileName=bad.csv`,
      headers: { cookie, "content-type": "text/csv" },
      payload: "colonna1;colonna2\n1;2\n",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/debtor_id/);
  });

  it("validates the JSON bulk API item by item", async () => {
    const response = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/imports/bulk`,
      headers: { cookie },
      payload: {
        debtors: [
          { externalId: "J1", name: "Gamma Spa", vatNumber: "IT01234567897" },
          { externalId: "J2", name: "Delta", taxCode: "NOTACODE" },
        ],
        contacts: [{ debtorExternalId: "J1", kind: "phone", value: "347 765 4321" }],
        invoices: [
          { externalId: "I1", debtorExternalId: "J1", dueDate: "2026-12-01", amountMinor: 5000 },
          { externalId: "I2", debtorExternalId: "J1", dueDate: "2026-13-01", amountMinor: 5000 },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const run = response.json();
    expect(run.counts.debtors).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(run.counts.invoices).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 1 });
    const errors = await database.db
      .selectFrom("import_errors")
      .select(["source", "line", "field"])
      .where("import_id", "=", run.id)
      .orderBy("source")
      .execute();
    expect(errors).toEqual([
      { source: "api:debtors", line: 2, field: "taxCode" },
      { source: "api:invoices", line: 2, field: "dueDate" },
    ]);
  });
});
