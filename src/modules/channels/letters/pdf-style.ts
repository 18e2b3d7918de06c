/** Fonts and colours shared by the letter's parts. Standard fonts only: WinAnsi covers Italian and €. */
export const FONT_REGULAR = "Helvetica";
export const FONT_BOLD = "Helvetica-Bold";

export const INK = "#1a1a1a";
export const MUTED_INK = "#555555";
export const HAIRLINE = "#b4b4b4";
export const DEFAULT_ACCENT = "#1f4e79";

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The letterhead's accent colour when it is a valid hex colour, a sober default otherwise. */
export function accentColour(colour: string | undefined): string {
  return colour && HEX_COLOUR.test(colour) ? colour : DEFAULT_ACCENT;
}

/** Starts a new page when `height` points do not fit above the bottom margin. */
export function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  const fitsOnAnEmptyPage = height <= doc.page.maxY() - doc.page.margins.top;
  if (doc.y + height > doc.page.maxY() && fitsOnAnEmptyPage) doc.continueOnNewPage();
}

/** Draws a horizontal rule without moving the text cursor. */
export function rule(
  doc: PDFKit.PDFDocument,
  fromX: number,
  toX: number,
  y: number,
  width: number,
  colour: string,
): void {
  doc
    .save()
    .moveTo(fromX, y)
    .lineTo(toX, y)
    .lineWidth(width)
    .strokeColor(colour)
    .stroke()
    .restore();
}
