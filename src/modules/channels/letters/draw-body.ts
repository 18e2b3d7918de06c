import type { LetterInput } from "./letter.js";
import type { LetterStrings } from "./letter-strings.js";
import { CONTENT_LEFT, CONTENT_WIDTH, FIRST_PAGE_BODY_TOP, mm } from "./page-geometry.js";
import { FONT_BOLD, FONT_REGULAR, INK } from "./pdf-style.js";

const BODY_SIZE = 10;
const BODY_LINE_GAP = 2;

/** Reference and place/date on one line, then the subject in bold. */
export function drawOpening(
  doc: PDFKit.PDFDocument,
  input: LetterInput,
  strings: LetterStrings,
): void {
  const half = CONTENT_WIDTH / 2;
  doc.font(FONT_REGULAR).fontSize(10).fillColor(INK);
  doc.text(`${strings.reference} ${input.reference}`, CONTENT_LEFT, FIRST_PAGE_BODY_TOP, {
    width: half - mm(2),
  });
  const belowReference = doc.y;
  const dateLine = input.place.trim() ? `${input.place}, ${input.date}` : input.date;
  doc.text(dateLine, CONTENT_LEFT + half, FIRST_PAGE_BODY_TOP, {
    width: half,
    align: "right",
  });
  // Either side may wrap: the subject starts below the longer one.
  const subjectTop = Math.max(belowReference, doc.y) + mm(4);

  doc.font(FONT_BOLD).fontSize(BODY_SIZE);
  doc.text(`${strings.subject}: ${input.subject}`, CONTENT_LEFT, subjectTop, {
    width: CONTENT_WIDTH,
    lineGap: BODY_LINE_GAP,
  });
  doc.moveDown(1);
}

/** Paragraphs flow onto further pages by themselves; single newlines stay line breaks. */
export function drawBody(doc: PDFKit.PDFDocument, body: string): void {
  doc.font(FONT_REGULAR).fontSize(BODY_SIZE).fillColor(INK);
  for (const paragraph of splitParagraphs(body)) {
    doc.text(paragraph, CONTENT_LEFT, doc.y, {
      width: CONTENT_WIDTH,
      // A long link cannot break where justification needs it: such paragraphs stay ragged.
      align: /https?:\/\//.test(paragraph) ? "left" : "justify",
      lineGap: BODY_LINE_GAP,
    });
    doc.moveDown(0.6);
  }
}

/** A closing that comes after the amounts and the payment box, as in a paper letter. */
const CLOSING =
  /^(distinti saluti|cordiali saluti|con osservanza|yours sincerely|yours faithfully|kind regards)/i;

/** The body before its closing paragraphs ("Distinti saluti…"), and the closing. */
export function splitClosing(body: string): { main: string; closing: string } {
  const parts = splitParagraphs(body);
  const at = parts.findIndex((part) => CLOSING.test(part.trim()));
  if (at <= 0) return { main: body, closing: "" };
  return { main: parts.slice(0, at).join("\n\n"), closing: parts.slice(at).join("\n\n") };
}

export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.trim())
        .join("\n")
        .trim(),
    )
    .filter((paragraph) => paragraph.length > 0);
}
