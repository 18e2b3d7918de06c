import PDFDocument from "pdfkit";
import { drawAddressWindow } from "./draw-address-window.js";
import { drawAmounts } from "./draw-amounts.js";
import { drawBody, drawOpening, splitClosing } from "./draw-body.js";
import { drawLetterhead } from "./draw-letterhead.js";
import { drawPageFurniture } from "./draw-page-furniture.js";
import { drawPayment } from "./draw-payment.js";
import type { LetterInput, LetterLanguage, LetterPlacement, PdfRenderOptions } from "./letter.js";
import { LETTER_STRINGS } from "./letter-strings.js";
import { PAGE_MARGINS } from "./page-geometry.js";
import { accentColour } from "./pdf-style.js";
import { assertNeutralReturnAddress } from "./window-neutrality.js";

/** Every page of a letter; pdfkit reuses these for the pages text flows onto. */
export const LETTER_PAGE_OPTIONS: PDFKit.PDFDocumentOptions = {
  size: "A4",
  layout: "portrait",
  margins: { ...PAGE_MARGINS },
};

export interface LetterDocumentInfo {
  title: string;
  author: string;
  language: LetterLanguage;
}

/** A document letters can be drawn into: no automatic first page, pages buffered for the footers. */
export function createLetterDocument(
  info: LetterDocumentInfo,
  options: PdfRenderOptions = {},
): PDFKit.PDFDocument {
  return new PDFDocument({
    ...LETTER_PAGE_OPTIONS,
    autoFirstPage: false,
    bufferPages: true,
    lang: info.language === "it" ? "it-IT" : "en-GB",
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Creator: "Saldo",
      CreationDate: options.creationDate ?? new Date(),
    },
  });
}

/**
 * Draws one letter starting on a new page of `doc` (made by createLetterDocument, so
 * batches can share one) and writes its page footers. Leaves `doc` on the letter's last page.
 */
export function renderLetter(doc: PDFKit.PDFDocument, input: LetterInput): LetterPlacement {
  if (!doc.options.bufferPages) {
    throw new Error("renderLetter needs a document with bufferPages: true (createLetterDocument)");
  }
  assertNeutralReturnAddress(input.returnAddress);
  const strings = LETTER_STRINGS[input.language];

  doc.addPage(LETTER_PAGE_OPTIONS);
  const firstPageIndex = pagesSoFar(doc) - 1;
  drawLetterhead(doc, input, strings);
  drawAddressWindow(doc, input);
  drawOpening(doc, input, strings);
  const { main, closing } = splitClosing(input.body);
  drawBody(doc, main);
  if (input.amounts) drawAmounts(doc, input.amounts);
  if (input.payment) {
    drawPayment(doc, input.payment, strings.paymentTitle, accentColour(input.letterhead.colour));
  }
  if (closing) drawBody(doc, closing);

  const placement = { firstPageIndex, pageCount: pagesSoFar(doc) - firstPageIndex };
  drawPageFurniture(doc, input, strings, placement);
  doc.switchToPage(firstPageIndex + placement.pageCount - 1);
  return placement;
}

/** One letter as a PDF file. */
export async function renderLetterPdf(
  input: LetterInput,
  options: PdfRenderOptions = {},
): Promise<Buffer> {
  const doc = createLetterDocument(
    {
      title: `${input.subject} (${input.reference})`,
      author: input.letterhead.name,
      language: input.language,
    },
    options,
  );
  renderLetter(doc, input);
  return finishPdf(doc);
}

/** Pages added to `doc` so far, flushed ones included. */
export function pagesSoFar(doc: PDFKit.PDFDocument): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count;
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
