import type { DocumentRecord } from "../records";
import { invoiceKey } from "./external-ids";
import type { FatturaDocument } from "./types";
import type { FatturaContainer } from "./unwrap";

/**
 * The files an imported FatturaPA leaves behind its invoices: the original, byte for
 * byte as uploaded, for every body of the file; and each body's first PDF attachment.
 */
export function fatturaDocuments(
  doc: FatturaDocument,
  file: { fileName: string; bytes: Buffer; container: FatturaContainer },
): DocumentRecord[] {
  const documents: DocumentRecord[] = [
    {
      kind: "einvoice",
      invoiceExternalIds: doc.bodies.map((body) => invoiceKey(doc, body)),
      fileName: file.fileName,
      contentType: file.container === "xml" ? "application/xml" : "application/pkcs7-mime",
      bytes: file.bytes,
    },
  ];
  for (const body of doc.bodies) {
    if (!body.pdfAttachment) continue;
    documents.push({
      kind: "pdf",
      invoiceExternalIds: [invoiceKey(doc, body)],
      fileName: body.pdfAttachment.fileName,
      contentType: "application/pdf",
      bytes: body.pdfAttachment.bytes,
    });
  }
  return documents;
}
