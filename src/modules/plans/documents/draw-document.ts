/** Layout pieces of the plan documents, in the letters' fonts, colours and page geometry. */
import {
  CONTENT_LEFT,
  CONTENT_RIGHT,
  CONTENT_WIDTH,
  FOOTER_RULE_Y,
  FOOTER_TEXT_Y,
  mm,
} from "../../channels/letters/page-geometry.js";
import {
  FONT_BOLD,
  FONT_REGULAR,
  HAIRLINE,
  INK,
  keepTogether,
  MUTED_INK,
  rule,
} from "../../channels/letters/pdf-style.js";

const BODY_SIZE = 9.5;
const LINE_GAP = 1.5;
const CELL_PADDING = 3;

export function drawTitle(
  doc: PDFKit.PDFDocument,
  lines: { brand: string; title: string; subtitle: string; caseLine: string },
  accent: string,
): void {
  doc.font(FONT_BOLD).fontSize(10).fillColor(accent);
  doc.text(lines.brand, CONTENT_LEFT, doc.page.margins.top, { width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  doc.font(FONT_BOLD).fontSize(15).fillColor(INK).text(lines.title, { width: CONTENT_WIDTH });
  doc.font(FONT_REGULAR).fontSize(10).fillColor(MUTED_INK).text(lines.subtitle);
  doc.moveDown(0.3).fontSize(9).text(lines.caseLine);
  rule(doc, CONTENT_LEFT, CONTENT_RIGHT, doc.y + mm(2), 1.2, accent);
  doc.y += mm(5);
}

/** Two side-by-side boxes: label, name in bold, then details. */
export function drawParties(
  doc: PDFKit.PDFDocument,
  parties: Array<{ label: string; name: string; details: string[] }>,
): void {
  const gap = mm(6);
  const width = (CONTENT_WIDTH - gap) / 2;
  const inner = width - 2 * mm(3);
  const heights = parties.map((party) => {
    doc.font(FONT_BOLD).fontSize(BODY_SIZE);
    const name = doc.heightOfString(party.name, { width: inner });
    doc.font(FONT_REGULAR).fontSize(8.5);
    const details = doc.heightOfString(party.details.join("\n") || " ", { width: inner });
    return name + details + 8.5 * 1.4 + 2 * mm(3);
  });
  const height = Math.max(...heights);
  keepTogether(doc, height);
  const top = doc.y;
  parties.forEach((party, index) => {
    const left = CONTENT_LEFT + index * (width + gap);
    doc
      .save()
      .lineWidth(0.6)
      .strokeColor(HAIRLINE)
      .rect(left, top, width, height)
      .stroke()
      .restore();
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED_INK);
    doc.text(party.label.toUpperCase(), left + mm(3), top + mm(3), {
      width: inner,
      characterSpacing: 0.5,
    });
    doc.font(FONT_BOLD).fontSize(BODY_SIZE).fillColor(INK).text(party.name, { width: inner });
    doc.font(FONT_REGULAR).fontSize(8.5).fillColor(INK);
    doc.text(party.details.join("\n"), { width: inner, lineGap: 0.5 });
  });
  doc.x = CONTENT_LEFT;
  doc.y = top + height + mm(5);
}

export function drawSectionTitle(doc: PDFKit.PDFDocument, title: string, accent: string): void {
  // A title never ends a page: keep it with the first lines of what follows.
  keepTogether(doc, mm(22));
  doc.moveDown(0.4);
  doc.font(FONT_BOLD).fontSize(11).fillColor(accent);
  doc.text(title, CONTENT_LEFT, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
}

/** A paragraph; a lead (a clause's name) goes above it in bold, kept with its first lines. */
export function drawParagraph(doc: PDFKit.PDFDocument, text: string, lead?: string): void {
  const options = { width: CONTENT_WIDTH, align: "justify" as const, lineGap: LINE_GAP };
  doc.fillColor(INK).fontSize(BODY_SIZE);
  if (lead) {
    keepTogether(doc, mm(14));
    doc.font(FONT_BOLD).text(lead, CONTENT_LEFT, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.15);
  }
  doc.font(FONT_REGULAR).text(text, CONTENT_LEFT, doc.y, options);
  doc.moveDown(0.6);
}

export interface Column {
  header: string;
  /** Share of the table's width. */
  weight: number;
  align: "left" | "right";
}

/** A table with a header row, hairlines between rows and a bold total; it goes on across pages. */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: Column[],
  rows: string[][],
  total: string[],
): void {
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (CONTENT_WIDTH * column.weight) / totalWeight);
  const lefts = widths.map((_, index) => CONTENT_LEFT + sumOf(widths.slice(0, index)));
  const header = columns.map((column) => column.header);
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(BODY_SIZE);
    const cellHeights = cells.map((cell, index) =>
      doc.heightOfString(cell || " ", { width: (widths[index] ?? 0) - 2 * CELL_PADDING }),
    );
    return Math.max(...cellHeights) + 2 * CELL_PADDING;
  };
  const drawRow = (cells: string[], top: number, font: string, colour: string) => {
    doc.font(font).fontSize(BODY_SIZE).fillColor(colour);
    cells.forEach((cell, index) => {
      doc.text(cell, (lefts[index] ?? 0) + CELL_PADDING, top + CELL_PADDING, {
        width: (widths[index] ?? 0) - 2 * CELL_PADDING,
        align: columns[index]?.align ?? "left",
      });
    });
  };
  const drawHeader = (top: number) => {
    drawRow(header, top, FONT_BOLD, MUTED_INK);
    const bottom = top + heightOf(header, FONT_BOLD);
    rule(doc, CONTENT_LEFT, CONTENT_RIGHT, bottom, 0.8, INK);
    return bottom;
  };

  const headerHeight = heightOf(header, FONT_BOLD);
  keepTogether(doc, headerHeight + 2 * heightOf(rows[0] ?? total, FONT_REGULAR));
  let y = drawHeader(doc.y);
  rows.forEach((row, index) => {
    const height = heightOf(row, FONT_REGULAR);
    if (y + height > doc.page.maxY()) {
      doc.continueOnNewPage();
      y = drawHeader(doc.y);
    }
    drawRow(row, y, FONT_REGULAR, INK);
    y += height;
    if (index < rows.length - 1) rule(doc, CONTENT_LEFT, CONTENT_RIGHT, y, 0.4, HAIRLINE);
  });
  const totalHeight = heightOf(total, FONT_BOLD);
  if (y + totalHeight > doc.page.maxY()) {
    doc.continueOnNewPage();
    y = doc.y;
  }
  rule(doc, CONTENT_LEFT, CONTENT_RIGHT, y, 0.9, INK);
  drawRow(total, y, FONT_BOLD, INK);
  doc.x = CONTENT_LEFT;
  doc.y = y + totalHeight + mm(4);
}

/** Footer on pages [first, first + count): a left label and a right one (e.g. "Pagina 1 di 3"). */
export function drawFooters(
  doc: PDFKit.PDFDocument,
  first: number,
  count: number,
  left: string,
  right: (page: number) => string,
): void {
  for (let page = 0; page < count; page++) {
    doc.switchToPage(first + page);
    rule(doc, CONTENT_LEFT, CONTENT_RIGHT, FOOTER_RULE_Y, 0.5, HAIRLINE);
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED_INK);
    // A height keeps pdfkit from starting a new page for text written inside the margin.
    const options = { width: CONTENT_WIDTH / 2, height: 10, ellipsis: true };
    doc.text(left, CONTENT_LEFT, FOOTER_TEXT_Y, options);
    doc.text(right(page + 1), CONTENT_LEFT + CONTENT_WIDTH / 2, FOOTER_TEXT_Y, {
      ...options,
      align: "right",
    });
  }
}

const sumOf = (values: number[]) => values.reduce((total, value) => total + value, 0);
