import { createHash } from "node:crypto";
import { createReadStream, readdirSync, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/modules/imports/app/import-files";
import {
  invoiceKey,
  parseFattura,
  unwrapFatturaFile,
} from "../../src/modules/imports/domain/fatturapa";
import { fixedClock } from "../../src/platform/clock";
import { TEST_PDF, withPdfAttachment } from "../support/documents";
import { createTenant } from "../support/factories";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const deps = { database, clock: fixedClock("2026-11-24T09:00:00Z") };
const app = await buildTestApp(database);
afterAll(() => app.close());

const SAMPLES = new URL("../../../shared/samples/fatturapa/", import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, SAMPLES));
const onDisk = (name: string) => ({
  name,
  open: () => createReadStream(fileURLToPath(new URL(name, SAMPLES))),
});
const inMemory = (name: string, bytes: Buffer) => ({ name, open: () => Readable.from([bytes]) });
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Every document of a tenant, by invoice external id and kind. */
async function documentsOf(tenantId: string) {
  const { rows } = await database.pool.query<{
    external_id: string;
    kind: string;
    file_name: string;
    content_type: string;
    sha256: string;
    bytes: Buffer;
    source: string;
    created_at: Date;
  }>(
    `select i.external_id, d.kind, d.file_name, d.content_type, d.sha256, d.bytes, d.source,
       d.created_at
     from invoice_documents d join invoices i on i.id = d.invoice_id
     where d.tenant_id = $1 order by i.external_id, d.kind`,
    [tenantId],
  );
  return rows;
}

/** The invoice keys a sample carries, read the way the import reads them. */
function keysOf(name: string): string[] {
  const doc = parseFattura(unwrapFatturaFile(sample(name), name).xml, name);
  return doc.bodies.map((body) => invoiceKey(doc, body));
}

describe("FatturaPA imports keep the original file", () => {
  it("stores every sample byte for byte behind its invoices, and a re-import changes nothing", async () => {
    const tenant = await createTenant(database.db);
    const names = readdirSync(SAMPLES).sort();
    const first = await importFiles(deps, { tenantId: tenant.id, files: names.map(onDisk) });
    // Several samples repeat an invoice: the last file wins, for the invoice and its original.
    const fileOf = new Map<string, string>();
    for (const name of names) for (const key of keysOf(name)) fileOf.set(key, name);

    const documents = await documentsOf(tenant.id);
    const originals = documents.filter((d) => d.kind === "einvoice");
    expect(originals).toHaveLength(first.counts.invoices.created);
    for (const d of originals) {
      const name = fileOf.get(d.external_id)!;
      expect(d.file_name).toBe(name);
      expect(d.bytes.equals(sample(name)), name).toBe(true);
      expect(d.sha256).toBe(sha256(sample(name)));
      expect(d.content_type).toBe(
        name.endsWith(".p7m") ? "application/pkcs7-mime" : "application/xml",
      );
      expect(d.source).toBe("import");
    }
    // Both bodies of a lot share their file.
    const lot = keysOf("official_IT01234567890_FPA03.xml");
    expect(lot).toHaveLength(2);
    expect(originals.filter((d) => lot.includes(d.external_id))).toHaveLength(2);
    // The one sample with Allegati carries a PNG: no PDF comes of it.
    expect(documents.filter((d) => d.kind === "pdf")).toEqual([]);

    await importFiles(deps, { tenantId: tenant.id, files: names.map(onDisk) });
    expect(await documentsOf(tenant.id)).toEqual(documents);
  });

  it("keeps the first PDF attachment of an upload, after the PNG before it", async () => {
    const tenant = await createTenant(database.db);
    const { cookie } = await loggedInAs(app, database, "supervisor", { tenantIds: [tenant.id] });
    const name = "oca_IT02780790107_11004.xml";
    const xml = Buffer.from(withPdfAttachment(sample(name).toString("utf8"), "fattura 11004.pdf"));
    const upload = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenant.id}/imports?fileName=${name}`,
      headers: { cookie, "content-type": "application/xml" },
      payload: xml,
    });
    expect(upload.statusCode, upload.body).toBe(201);

    const documents = await documentsOf(tenant.id);
    const [key] = keysOf(name);
    expect(documents.map((d) => [d.external_id, d.kind])).toEqual([
      [key, "einvoice"],
      [key, "pdf"],
    ]);
    const [original, pdf] = documents;
    expect(original?.bytes.equals(xml)).toBe(true);
    expect(pdf).toMatchObject({
      file_name: "fattura 11004.pdf",
      content_type: "application/pdf",
      sha256: sha256(TEST_PDF),
      source: "import",
    });
    expect(pdf?.bytes.equals(TEST_PDF)).toBe(true);

    // The same bytes through the staff API.
    const { rows } = await database.pool.query<{ id: string }>(
      "select id from invoices where tenant_id = $1",
      [tenant.id],
    );
    const download = await app.inject({
      method: "GET",
      url: `/api/v1/tenants/${tenant.id}/invoices/${rows[0]?.id}/documents/pdf`,
      headers: { cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(TEST_PDF)).toBe(true);
  });

  it("replaces an imported original with a changed file, never a person's upload", async () => {
    const tenant = await createTenant(database.db);
    const name = "official_IT01234567890_FPR01.xml";
    const original = sample(name);
    await importFiles(deps, { tenantId: tenant.id, files: [inMemory(name, original)] });
    const changed = Buffer.concat([original, Buffer.from("\n<!-- re-sent -->\n")]);
    await importFiles(deps, { tenantId: tenant.id, files: [inMemory("resent.xml", changed)] });
    const [replaced] = await documentsOf(tenant.id);
    expect(replaced?.file_name).toBe("resent.xml");
    expect(replaced?.bytes.equals(changed)).toBe(true);

    await database.pool.query(
      "update invoice_documents set source = 'upload' where tenant_id = $1",
      [tenant.id],
    );
    await importFiles(deps, { tenantId: tenant.id, files: [inMemory(name, original)] });
    const [kept] = await documentsOf(tenant.id);
    expect(kept).toMatchObject({ file_name: "resent.xml", source: "upload" });
  });

  it("a file whose customer cannot be identified leaves no document", async () => {
    const tenant = await createTenant(database.db);
    const xml = sample("official_IT01234567890_FPR01.xml")
      .toString("utf8")
      .replace(/<CessionarioCommittente>[\s\S]*?<DatiAnagrafici>[\s\S]*?<Anagrafica>/, (m) =>
        m.replace(
          /<IdFiscaleIVA>[\s\S]*?<\/IdFiscaleIVA>|<CodiceFiscale>[^<]*<\/CodiceFiscale>/g,
          "",
        ),
      );
    const result = await importFiles(deps, {
      tenantId: tenant.id,
      files: [inMemory("anonymous.xml", Buffer.from(xml))],
    });
    expect(result.counts.invoices.created).toBe(0);
    expect(await documentsOf(tenant.id)).toEqual([]);
  });

  it("a CSV import keeps no document", async () => {
    const tenant = await createTenant(database.db);
    const csv =
      "debtor_id;name;tax_code;invoice_id;amount;due_date\nC1;Mario Rossi;RSSMRA85T10A562S;F1;100,00;01/10/2026\n";
    const result = await importFiles(deps, {
      tenantId: tenant.id,
      files: [inMemory("portfolio.csv", Buffer.from(csv))],
    });
    expect(result.counts.invoices.created).toBe(1);
    expect(result.timings.documents).toBeUndefined();
    expect(await documentsOf(tenant.id)).toEqual([]);
  });
});
