import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { uploadInvoiceDocument } from "../app/upload-invoice-document";
import { DOCUMENT_KINDS, MAX_DOCUMENT_BYTES } from "../domain/document-content";
import {
  type InvoiceDocumentInfo,
  listInvoiceDocuments,
  loadInvoiceDocument,
} from "../store/invoice-documents";

const invoiceParams = z.object({ tenantId: z.uuid(), invoiceId: z.uuid() });
const documentParams = invoiceParams.extend({ kind: z.enum(DOCUMENT_KINDS) });
/** octet-stream too, so a wrong type gets a clear answer instead of a stream. */
const RAW_TYPES = [
  "application/pdf",
  "application/xml",
  "text/xml",
  "application/pkcs7-mime",
  "application/x-pkcs7-mime",
  "application/octet-stream",
];

const documentOut = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().describe("hex"),
});
const documentListItem = documentOut.extend({
  source: z.enum(["import", "upload"]),
  createdAt: z.string(),
});

const toOut = (d: InvoiceDocumentInfo) => ({
  kind: d.kind,
  fileName: d.fileName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
});

/** The PDF and the original e-invoice behind an invoice: staff upload, list and download them. */
export const invoiceDocumentRoutes: RouteModule = (app, deps) => {
  const { pool } = deps.database;

  // The document is the body: these routes take the raw bytes, up to 10 MB.
  app.register(async (plain) => {
    const raw = plain.withTypeProvider<ZodTypeProvider>();
    raw.removeContentTypeParser(RAW_TYPES.filter((t) => raw.hasContentTypeParser(t)));
    raw.addContentTypeParser(
      RAW_TYPES,
      { parseAs: "buffer", bodyLimit: MAX_DOCUMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    raw.put(
      "/tenants/:tenantId/invoices/:invoiceId/documents/:kind",
      {
        schema: {
          tags: ["portfolio"],
          summary: "Attach the invoice's PDF or its original e-invoice",
          description:
            "The raw file as the body, 10 MB at most: kind `pdf` as application/pdf (must start " +
            "with %PDF-), kind `einvoice` as application/xml or application/pkcs7-mime (a signed " +
            ".p7m, DER or Base64). Replaces the document of that kind, imported or uploaded. " +
            "201 for a first document of the kind, 200 for a replacement.",
          params: documentParams,
          querystring: z.object({ fileName: z.string().min(1).max(255).optional() }),
          response: { 200: documentOut, 201: documentOut },
        },
      },
      async (request, reply) => {
        const { tenantId, invoiceId, kind } = request.params;
        requireTenant(request, tenantId, "portfolio:import");
        const mediaType = (request.headers["content-type"] ?? "").split(";")[0]!.trim();
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError(
            "unsupported_media_type",
            "send the document as the raw body: application/pdf for a pdf, " +
              "application/xml or application/pkcs7-mime for an einvoice",
          );
        }
        const saved = await uploadInvoiceDocument(deps, {
          tenantId,
          invoiceId,
          kind,
          mediaType: mediaType.toLowerCase(),
          fileName: request.query.fileName,
          bytes: request.body,
        });
        return reply.status(saved.created ? 201 : 200).send(toOut(saved));
      },
    );
  });

  app.get(
    "/tenants/:tenantId/invoices/:invoiceId/documents",
    {
      schema: {
        tags: ["portfolio"],
        summary: "The documents behind an invoice (without their bytes)",
        params: invoiceParams,
        response: { 200: z.object({ items: z.array(documentListItem) }) },
      },
    },
    async (request) => {
      const { tenantId, invoiceId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const documents = await listInvoiceDocuments(pool, tenantId, invoiceId);
      if (!documents) throw new AppError("invoice_not_found", "invoice not found");
      return {
        items: documents.map((d) => ({
          ...toOut(d),
          source: d.source,
          createdAt: d.createdAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    "/tenants/:tenantId/invoices/:invoiceId/documents/:kind",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Download the invoice's PDF or its original e-invoice, byte for byte",
        params: documentParams,
      },
    },
    async (request, reply) => {
      const { tenantId, invoiceId, kind } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const document = await loadInvoiceDocument(pool, { tenantId, invoiceId, kind });
      if (!document) {
        // Which 404: the invoice (of this tenant) or only its document.
        if (!(await listInvoiceDocuments(pool, tenantId, invoiceId))) {
          throw new AppError("invoice_not_found", "invoice not found");
        }
        throw new AppError("not_found", `this invoice has no ${kind} document`);
      }
      return reply
        .header("content-type", document.contentType)
        .header("content-disposition", attachment(document.fileName))
        .header("x-content-type-options", "nosniff")
        .header("etag", `"${document.sha256}"`)
        .send(document.bytes);
    },
  );
};

/** An ASCII name for old clients and the exact one (RFC 6266 / 5987) for the rest. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
