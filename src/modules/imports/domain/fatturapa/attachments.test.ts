import { describe, expect, it } from "vitest";
import { parseFattura } from "./parse-fattura";
import { sampleText } from "./samples.test-helper";
import { fatturaDocuments } from "./to-documents";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

/** Allegati go last in a body; this puts them in the first one. */
function withAllegati(xml: string, ...allegati: string[]): string {
  return xml.replace("</FatturaElettronicaBody>", `${allegati.join("")}</FatturaElettronicaBody>`);
}

const allegato = (name: string, bytes: Buffer, extra = "") =>
  `<Allegati><NomeAttachment>${name}</NomeAttachment>${extra}<Attachment>${bytes
    .toString("base64")
    .replace(/(.{76})/g, "$1\n")}</Attachment></Allegati>`;

const FPR01 = sampleText("official_IT01234567890_FPR01.xml");
const FPR03 = sampleText("official_IT01234567890_FPR03.xml");

describe("PDF attachments of a FatturaPA body", () => {
  it("takes the first PDF, by format or by name, decoded byte for byte", () => {
    const xml = withAllegati(
      FPR01,
      allegato("logo.png", PNG, "<FormatoAttachment>PNG</FormatoAttachment>"),
      allegato("copia", PDF, "<FormatoAttachment>pdf</FormatoAttachment>"),
      allegato("second.pdf", Buffer.from("%PDF-1.7 another")),
    );
    const [body] = parseFattura(xml, "x.xml").bodies;
    expect(body?.pdfAttachment?.fileName).toBe("copia.pdf");
    expect(body?.pdfAttachment?.bytes.equals(PDF)).toBe(true);
  });

  it("skips compressed files, and files named PDF that are not one", () => {
    const xml = withAllegati(
      FPR01,
      allegato("zipped.pdf", PDF, "<AlgoritmoCompressione>ZIP</AlgoritmoCompressione>"),
      allegato("fake.pdf", PNG),
    );
    expect(parseFattura(xml, "x.xml").bodies[0]?.pdfAttachment).toBeUndefined();
  });

  it("keeps the original for every body of a lot, and each body's PDF for that body only", () => {
    const xml = withAllegati(FPR03, allegato("first.pdf", PDF));
    const doc = parseFattura(xml, "lot.xml");
    const bytes = Buffer.from(xml);
    const documents = fatturaDocuments(doc, { fileName: "lot.xml", bytes, container: "xml" });
    expect(documents).toHaveLength(2);
    const [original, pdf] = documents;
    expect(original).toMatchObject({ kind: "einvoice", contentType: "application/xml" });
    expect(original?.bytes).toBe(bytes);
    expect(original?.invoiceExternalIds).toHaveLength(2);
    expect(pdf).toMatchObject({
      kind: "pdf",
      fileName: "first.pdf",
      contentType: "application/pdf",
    });
    expect(pdf?.invoiceExternalIds).toEqual([original?.invoiceExternalIds[0]]);
  });

  it("calls a signed file application/pkcs7-mime", () => {
    const doc = parseFattura(FPR01, "x.xml.p7m");
    const [original] = fatturaDocuments(doc, {
      fileName: "x.xml.p7m",
      bytes: Buffer.from("0"),
      container: "p7m-der",
    });
    expect(original?.contentType).toBe("application/pkcs7-mime");
  });
});
