import type { AmountRow, LetterAmounts } from "./letter.js";
import { CONTENT_LEFT, CONTENT_WIDTH, mm } from "./page-geometry.js";
import { FONT_BOLD, FONT_REGULAR, HAIRLINE, INK, keepTogether, rule } from "./pdf-style.js";

const TABLE_WIDTH = Math.min(CONTENT_WIDTH, mm(125));
const AMOUNT_WIDTH = mm(38);
const LABEL_WIDTH = TABLE_WIDTH - AMOUNT_WIDTH - mm(4);
const CELL_PADDING = 3;
const SIZE = 10;

/** Itemised amounts: labels left, amounts right-aligned, the total in bold under a rule. */
export function drawAmounts(doc: PDFKit.PDFDocument, amounts: LetterAmounts): void {
  const rowHeights = amounts.rows.map((row) => rowHeight(doc, row, FONT_REGULAR));
  const totalHeight = rowHeight(doc, amounts.total, FONT_BOLD);
  keepTogether(doc, sum(rowHeights) + totalHeight + mm(2));

  const right = CONTENT_LEFT + TABLE_WIDTH;
  let y = doc.y + mm(1);
  amounts.rows.forEach((row, index) => {
    const height = rowHeights[index] ?? 0;
    y = rowTop(doc, y, height);
    drawRow(doc, row, y, FONT_REGULAR);
    y += height;
    if (index < amounts.rows.length - 1) rule(doc, CONTENT_LEFT, right, y, 0.4, HAIRLINE);
  });
  y = rowTop(doc, y, totalHeight);
  rule(doc, CONTENT_LEFT, right, y, 0.9, INK);
  drawRow(doc, amounts.total, y, FONT_BOLD);
  y += totalHeight;

  doc.x = CONTENT_LEFT;
  doc.y = y + mm(4);
}

/** A table longer than a page goes on row by row. */
function rowTop(doc: PDFKit.PDFDocument, y: number, height: number): number {
  if (y + height <= doc.page.maxY()) return y;
  doc.continueOnNewPage();
  return doc.y;
}

function drawRow(doc: PDFKit.PDFDocument, row: AmountRow, top: number, font: string): void {
  doc.font(font).fontSize(SIZE).fillColor(INK);
  doc.text(row.label, CONTENT_LEFT, top + CELL_PADDING, { width: LABEL_WIDTH });
  doc.text(row.amount, CONTENT_LEFT + TABLE_WIDTH - AMOUNT_WIDTH, top + CELL_PADDING, {
    width: AMOUNT_WIDTH,
    align: "right",
  });
}

function rowHeight(doc: PDFKit.PDFDocument, row: AmountRow, font: string): number {
  doc.font(font).fontSize(SIZE);
  const label = doc.heightOfString(row.label, { width: LABEL_WIDTH });
  const amount = doc.heightOfString(row.amount, { width: AMOUNT_WIDTH });
  return Math.max(label, amount) + 2 * CELL_PADDING;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
