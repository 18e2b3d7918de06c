import { isPdf, safeFileName } from "../../../invoices/domain/document-content";
import { childNamed, childrenNamed, type XmlElement } from "./xml-tree";

export interface FatturaPdfAttachment {
  /** NomeAttachment, ending in .pdf. */
  fileName: string;
  bytes: Buffer;
}

/**
 * The first PDF among a body's Allegati: FormatoAttachment "PDF" or a name ending
 * in .pdf, not compressed (AlgoritmoCompressione), decoding to bytes that start
 * with %PDF-. Anything else (images, zipped files, a broken encoding) is skipped:
 * the attachment is a courtesy copy, never a reason to reject the invoice.
 */
export function firstPdfAttachment(body: XmlElement): FatturaPdfAttachment | undefined {
  for (const attachment of childrenNamed(body, "Allegati")) {
    const name = childNamed(attachment, "NomeAttachment")?.text ?? "";
    const format = childNamed(attachment, "FormatoAttachment")?.text ?? "";
    if (format.toUpperCase() !== "PDF" && !/\.pdf$/i.test(name)) continue;
    if (childNamed(attachment, "AlgoritmoCompressione")?.text) continue;
    const base64 = (childNamed(attachment, "Attachment")?.text ?? "").replace(/\s+/g, "");
    const bytes = Buffer.from(base64, "base64");
    if (!isPdf(bytes)) continue;
    const fileName = safeFileName(name, "allegato.pdf");
    return { fileName: /\.pdf$/i.test(fileName) ? fileName : `${fileName}.pdf`, bytes };
  }
  return undefined;
}
