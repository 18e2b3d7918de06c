/** A one-page PDF small enough to read in a test. */
export const TEST_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

/** The FatturaPA text with a PDF in the Allegati of its first body (after any it has). */
export function withPdfAttachment(xml: string, name: string, pdf: Buffer = TEST_PDF): string {
  const allegati =
    `<Allegati><NomeAttachment>${name}</NomeAttachment><FormatoAttachment>PDF</FormatoAttachment>` +
    `<Attachment>${pdf.toString("base64")}</Attachment></Allegati>`;
  return xml.replace("</FatturaElettronicaBody>", `${allegati}</FatturaElettronicaBody>`);
}
