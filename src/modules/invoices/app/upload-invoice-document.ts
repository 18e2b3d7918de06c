import type { Database } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import {
  contentProblem,
  type DocumentKind,
  documentContentType,
  safeFileName,
} from "../domain/document-content";
import { type InvoiceDocumentInfo, saveUploadedDocument } from "../store/invoice-documents";

const DEFAULT_NAMES: Record<string, string> = {
  "application/pdf": "invoice.pdf",
  "application/xml": "einvoice.xml",
  "application/pkcs7-mime": "einvoice.xml.p7m",
};

/**
 * A person attaches the PDF or the original e-invoice to an invoice, replacing the
 * one of that kind (imported or uploaded). The bytes must be what the media type says.
 */
export async function uploadInvoiceDocument(
  deps: { database: Database },
  input: {
    tenantId: string;
    invoiceId: string;
    kind: DocumentKind;
    /** The request's media type, without parameters. */
    mediaType: string;
    fileName?: string;
    bytes: Buffer;
  },
): Promise<InvoiceDocumentInfo & { created: boolean }> {
  const contentType = documentContentType(input.kind, input.mediaType);
  if (!contentType) {
    const expected =
      input.kind === "pdf" ? "application/pdf" : "application/xml or application/pkcs7-mime";
    throw new AppError(
      "unsupported_media_type",
      `a ${input.kind} document is sent as ${expected}, not ${input.mediaType || "no content type"}`,
    );
  }
  const problem = contentProblem(contentType, input.bytes);
  if (problem) {
    throw new AppError("validation_failed", `body: ${problem}`, [
      { field: "body", reason: problem },
    ]);
  }
  const saved = await saveUploadedDocument(deps.database.pool, {
    tenantId: input.tenantId,
    invoiceId: input.invoiceId,
    kind: input.kind,
    fileName: safeFileName(input.fileName, DEFAULT_NAMES[contentType] ?? "document"),
    contentType,
    bytes: input.bytes,
  });
  if (!saved) throw new AppError("invoice_not_found", "invoice not found");
  return saved;
}
