import type { LetterInput, PdfRenderOptions } from "./letter.js";
import { buildPrintManifest, type PrintedLetterPages } from "./print-manifest.js";
import {
  createLetterDocument,
  finishPdf,
  LETTER_PAGE_OPTIONS,
  pagesSoFar,
  renderLetter,
} from "./render-letter.js";

export interface PrintBatchLetter {
  id: string;
  input: LetterInput;
}

export interface PrintBatch {
  pdf: Buffer;
  manifestCsv: string;
  pages: PrintedLetterPages[];
}

/**
 * All letters in one PDF for duplex printing: each letter starts on an odd page (a blank
 * back is inserted when needed), plus the manifest the print shop works from.
 */
export async function renderPrintBatch(
  letters: PrintBatchLetter[],
  options: PdfRenderOptions = {},
): Promise<PrintBatch> {
  const first = letters[0];
  if (!first) throw new Error("A print batch needs at least one letter");
  const doc = createLetterDocument(
    {
      title: `Print batch (${letters.length} letters)`,
      author: first.input.letterhead.name,
      language: first.input.language,
    },
    options,
  );

  const pages: PrintedLetterPages[] = [];
  for (const letter of letters) {
    if (pagesSoFar(doc) % 2 === 1) doc.addPage(LETTER_PAGE_OPTIONS);
    const placement = renderLetter(doc, letter.input);
    pages.push({
      id: letter.id,
      firstPage: placement.firstPageIndex + 1,
      pageCount: placement.pageCount,
    });
    // The letter's footers are written: its pages can leave memory, so big batches stay flat.
    doc.flushPages();
  }

  const pdf = await finishPdf(doc);
  return { pdf, manifestCsv: buildPrintManifest(letters, pages), pages };
}
