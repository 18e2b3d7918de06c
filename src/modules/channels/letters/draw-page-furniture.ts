import type { LetterInput, LetterPlacement } from "./letter.js";
import type { LetterStrings } from "./letter-strings.js";
import {
  CONTENT_LEFT,
  CONTENT_RIGHT,
  CONTENT_WIDTH,
  FOOTER_RULE_Y,
  FOOTER_TEXT_Y,
  mm,
  RUNNING_HEADER_Y,
} from "./page-geometry.js";
import { FONT_REGULAR, HAIRLINE, MUTED_INK, rule } from "./pdf-style.js";

const PAGE_LABEL_WIDTH = mm(32);
const FOOTER_SIZE = 7;

/**
 * Footer on every page of the letter (legal line and "Pagina n di N") and a running header
 * on continuation pages. Drawn after the letter is laid out, when its page count is known.
 */
export function drawPageFurniture(
  doc: PDFKit.PDFDocument,
  input: LetterInput,
  strings: LetterStrings,
  placement: LetterPlacement,
): void {
  const legal = legalLine(input, strings);
  for (let page = 1; page <= placement.pageCount; page++) {
    doc.switchToPage(placement.firstPageIndex + page - 1);
    rule(doc, CONTENT_LEFT, CONTENT_RIGHT, FOOTER_RULE_Y, 0.5, HAIRLINE);
    doc.font(FONT_REGULAR).fontSize(FOOTER_SIZE).fillColor(MUTED_INK);
    // A height keeps pdfkit from starting a new page for text written inside the margin.
    doc.text(legal, CONTENT_LEFT, FOOTER_TEXT_Y, {
      width: CONTENT_WIDTH - PAGE_LABEL_WIDTH - mm(4),
      height: FOOTER_SIZE * 3.6,
      ellipsis: true,
    });
    doc.fontSize(FOOTER_SIZE + 0.5);
    doc.text(
      strings.pageOf(page, placement.pageCount),
      CONTENT_RIGHT - PAGE_LABEL_WIDTH,
      FOOTER_TEXT_Y,
      { width: PAGE_LABEL_WIDTH, height: FOOTER_SIZE * 1.5, align: "right" },
    );
    if (page > 1) drawRunningHeader(doc, input, strings);
  }
}

function drawRunningHeader(
  doc: PDFKit.PDFDocument,
  input: LetterInput,
  strings: LetterStrings,
): void {
  doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED_INK);
  doc.text(
    `${input.letterhead.name}  ·  ${strings.reference} ${input.reference}`,
    CONTENT_LEFT,
    RUNNING_HEADER_Y,
    { width: CONTENT_WIDTH, height: 10, ellipsis: true },
  );
}

function legalLine(input: LetterInput, strings: LetterStrings): string {
  const { letterhead } = input;
  const vat = letterhead.vatNumber ? `${strings.vatNumber} ${letterhead.vatNumber}` : undefined;
  return [letterhead.name, letterhead.addressLines.join(", "), vat]
    .filter((part) => part && part.length > 0)
    .join("  ·  ");
}
