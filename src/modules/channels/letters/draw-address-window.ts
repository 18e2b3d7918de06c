import type { LetterInput } from "./letter.js";
import { ENVELOPE_WINDOWS, mm, WINDOW_PADDING } from "./page-geometry.js";
import { FONT_REGULAR, HAIRLINE, INK, MUTED_INK, rule } from "./pdf-style.js";

const RETURN_LINE_SIZE = 7;
const RECIPIENT_SIZE = 10.5;
const SMALLEST_RECIPIENT_SIZE = 7.5;

/**
 * The part of the page seen through the envelope window: the neutral return line and the
 * recipient, in black and grey only, and nothing else.
 */
export function drawAddressWindow(doc: PDFKit.PDFDocument, input: LetterInput): void {
  const window = ENVELOPE_WINDOWS[input.window ?? "right"];
  const left = window.x + WINDOW_PADDING;
  const width = window.width - 2 * WINDOW_PADDING;
  const bottom = window.y + window.height - mm(3);

  let y = window.y + mm(4);
  doc.font(FONT_REGULAR).fontSize(RETURN_LINE_SIZE).fillColor(MUTED_INK);
  doc.text(input.returnAddress, left, y, {
    width,
    height: RETURN_LINE_SIZE * 1.3,
    ellipsis: true,
    lineBreak: true,
  });
  y += RETURN_LINE_SIZE * 1.3;
  const ruleWidth = Math.min(width, doc.widthOfString(input.returnAddress));
  rule(doc, left, left + ruleWidth, y, 0.4, HAIRLINE);
  y += mm(3);

  const lines = [input.recipient.name, ...input.recipient.lines].map((line) => line.trim());
  const size = recipientFontSize(doc, lines, width, bottom - y);
  doc.font(FONT_REGULAR).fontSize(size).fillColor(INK);
  const lineHeight = doc.currentLineHeight(true) + 1;
  for (const line of lines) {
    if (y + lineHeight > bottom) break;
    // One line each: an address must never wrap into a different shape than the post expects.
    doc.text(line, left, y, { width, height: lineHeight, ellipsis: true });
    y += lineHeight;
  }
}

/** Shrinks the address (down to a legible minimum) when it is too wide or too tall for the window. */
function recipientFontSize(
  doc: PDFKit.PDFDocument,
  lines: string[],
  width: number,
  height: number,
): number {
  doc.font(FONT_REGULAR).fontSize(RECIPIENT_SIZE);
  const widest = Math.max(...lines.map((line) => doc.widthOfString(line)));
  const tallest = lines.length * (doc.currentLineHeight(true) + 1);
  const scale = Math.min(1, width / widest, height / tallest);
  return Math.max(SMALLEST_RECIPIENT_SIZE, Math.floor(RECIPIENT_SIZE * scale * 10) / 10);
}
