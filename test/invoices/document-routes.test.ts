import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../src/modules/imports/app/run-import";
import { listInvoiceDocumentKinds } from "../../src/modules/invoices/store/invoice-documents";
import { fixedClock } from "../../src/platform/clock";
import { TEST_PDF } from "../support/documents";
import { createTenant, invoice, person, sourceOf } from "../support/factories";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const app = await buildTestApp(database);
afterAll(() => app.close());

const SAMPLES = new URL("../../../shared/samples/fatturapa/", import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, SAMPLES));

/** A tenant with two invoices, and a supervisor of it. */
async function seed() {
  const tenant = await createTenant(database.db);
  await runImport(
    { database, clock: fixedClock("2026-11-24T09:00:00Z") },
    {
      tenantId: tenant.id,
      kind: "json",
      sourceName: "seed",
      sources: [
        sourceOf("seed", [
          person(1, "D1", "Mario Rossi", "RSSMRA85T10A562S"),
          invoice(2, "F1", "D1", 10_000n, "2026-10-01"),
          invoice(3, "F2", "D1", 5_000n, "2026-10-01"),
        ]),
      ],
    },
  );
  const { rows } = await database.pool.query<{ id: string }>(
    "select id from invoices where tenant_id = $1 order by external_id",
    [tenant.id],
  );
  const { cookie } = await loggedInAs(app, database, "supervisor", { tenantIds: [tenant.id] });
  return { tenantId: tenant.id, invoiceIds: rows.map((r) => r.id), cookie };
}

let a: Awaited<ReturnType<typeof seed>>;
let b: Awaited<ReturnType<typeof seed>>;
beforeAll(async () => {
  a = await seed();
  b = await seed();
});

const path = (tenantId: string, invoiceId: string, rest = "") =>
  `/api/v1/tenants/${tenantId}/invoices/${invoiceId}/documents${rest}`;

const put = (cookie: string, url: string, contentType: string, payload: Buffer | string) =>
  app.inject({ method: "PUT", url, headers: { cookie, "content-type": contentType }, payload });

describe("invoice documents over HTTP", () => {
  it("uploads, lists, downloads and replaces a PDF", async () => {
    const url = path(a.tenantId, a.invoiceIds[0]!, "/pdf");
    const created = await put(
      a.cookie,
      `${url}?fileName=Fattura%20n.1%20%E2%82%AC.pdf`,
      "application/pdf",
      TEST_PDF,
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({
      kind: "pdf",
      fileName: "Fattura n.1 €.pdf",
      contentType: "application/pdf",
      sizeBytes: TEST_PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const download = await app.inject({ method: "GET", url, headers: { cookie: a.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="Fattura n.1 _.pdf"; filename*=UTF-8''Fattura%20n.1%20%E2%82%AC.pdf`,
    );
    expect(download.rawPayload.equals(TEST_PDF)).toBe(true);

    const again = Buffer.concat([TEST_PDF, Buffer.from("% v2\n")]);
    const replaced = await put(a.cookie, url, "application/pdf", again);
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ fileName: "invoice.pdf", sizeBytes: again.length });

    const list = await app.inject({
      method: "GET",
      url: path(a.tenantId, a.invoiceIds[0]!),
      headers: { cookie: a.cookie },
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({ kind: "pdf", source: "upload", sizeBytes: again.length }),
    ]);
  });

  it("takes the original e-invoice as XML or as a signed .p7m, byte for byte", async () => {
    const invoiceId = a.invoiceIds[1]!;
    const xml = sample("official_IT01234567890_FPR01.xml");
    const asXml = await put(
      a.cookie,
      `${path(a.tenantId, invoiceId, "/einvoice")}?fileName=IT01234567890_FPR01.xml`,
      "text/xml",
      xml,
    );
    expect(asXml.statusCode, asXml.body).toBe(201);
    expect(asXml.json().contentType).toBe("application/xml");

    for (const name of [
      "fenet_IT02182030391_31.xml.p7m",
      "oca_IT01234567890_FPR04.base64.xml.p7m",
    ]) {
      const p7m = sample(name);
      const url = path(a.tenantId, invoiceId, "/einvoice");
      const response = await put(
        a.cookie,
        `${url}?fileName=${name}`,
        "application/pkcs7-mime",
        p7m,
      );
      expect(response.statusCode, response.body).toBe(200);
      const download = await app.inject({ method: "GET", url, headers: { cookie: a.cookie } });
      expect(download.headers["content-type"]).toBe("application/pkcs7-mime");
      expect(download.rawPayload.equals(p7m)).toBe(true);
    }
    const kinds = await listInvoiceDocumentKinds(database.pool, a.tenantId, [
      ...a.invoiceIds,
      randomUUID(),
    ]);
    expect([...kinds.values()]).toEqual([["pdf"], ["einvoice"], []]);
  });

  it("refuses bytes that are not what the kind says, naming the field", async () => {
    const url = path(a.tenantId, a.invoiceIds[0]!, "/pdf");
    const notPdf = await put(a.cookie, url, "application/pdf", "<html>hello</html>");
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json().error).toMatchObject({
      code: "validation_failed",
      message: 'body: not a PDF: a PDF file starts with "%PDF-"',
      details: [{ field: "body", reason: expect.stringContaining("%PDF-") }],
    });
    const einvoice = path(a.tenantId, a.invoiceIds[0]!, "/einvoice");
    const notXml = await put(a.cookie, einvoice, "application/xml", TEST_PDF);
    expect(notXml.json().error.message).toMatch(/^body: not XML/);
    const notP7m = await put(a.cookie, einvoice, "application/pkcs7-mime", "hello, world");
    expect(notP7m.json().error.message).toMatch(/^body: not a signed \.p7m/);

    const empty = await put(a.cookie, url, "application/pdf", "");
    expect(empty.json().error.message).toBe("body: the file is empty");

    const wrongType = await put(a.cookie, url, "application/xml", TEST_PDF);
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.message).toMatch(/application\/pdf/);
    const csv = await put(a.cookie, url, "text/csv", "a;b\n");
    expect(csv.statusCode).toBe(415);

    const tooLarge = Buffer.concat([TEST_PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await put(a.cookie, url, "application/pdf", tooLarge)).statusCode).toBe(413);
  });

  it("answers another tenant's invoice exactly like a missing one", async () => {
    const other = b.invoiceIds[0]!;
    await put(b.cookie, path(b.tenantId, other, "/pdf"), "application/pdf", TEST_PDF);
    for (const invoiceId of [other, randomUUID()]) {
      const calls = [
        put(a.cookie, path(a.tenantId, invoiceId, "/pdf"), "application/pdf", TEST_PDF),
        app.inject({
          method: "GET",
          url: path(a.tenantId, invoiceId, "/pdf"),
          headers: { cookie: a.cookie },
        }),
        app.inject({
          method: "GET",
          url: path(a.tenantId, invoiceId),
          headers: { cookie: a.cookie },
        }),
      ];
      for (const response of await Promise.all(calls)) {
        expect(response.statusCode).toBe(404);
        expect(response.json().error).toEqual({
          code: "invoice_not_found",
          message: "invoice not found",
        });
      }
    }
    // Untouched by the attempt.
    const theirs = await app.inject({
      method: "GET",
      url: path(b.tenantId, other, "/pdf"),
      headers: { cookie: b.cookie },
    });
    expect(theirs.rawPayload.equals(TEST_PDF)).toBe(true);
    // An invoice of one's own without that document is a different 404.
    const none = await app.inject({
      method: "GET",
      url: path(b.tenantId, b.invoiceIds[1]!, "/einvoice"),
      headers: { cookie: b.cookie },
    });
    expect(none.json().error.code).toBe("not_found");
  });

  it("lets read-only roles download but not upload", async () => {
    for (const role of ["agent", "client_viewer", "auditor"] as const) {
      const { cookie } = await loggedInAs(app, database, role, { tenantIds: [a.tenantId] });
      const url = path(a.tenantId, a.invoiceIds[0]!, "/pdf");
      const upload = await put(cookie, url, "application/pdf", TEST_PDF);
      expect(upload.statusCode, role).toBe(403);
      expect(upload.json().error.message).toContain("portfolio:import");
      const download = await app.inject({ method: "GET", url, headers: { cookie } });
      expect(download.statusCode, role).toBe(200);
    }
    const anonymous = await app.inject({ method: "GET", url: path(a.tenantId, a.invoiceIds[0]!) });
    expect(anonymous.statusCode).toBe(401);
  });
});
