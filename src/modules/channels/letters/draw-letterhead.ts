import type { LetterInput } from "./letter.js";
import type { LetterStrings } from "./letter-strings.js";
import {
  CONTENT_LEFT,
  CONTENT_RIGHT,
  LETTERHEAD_ACCENT_Y,
  LETTERHEAD_TOP,
  mm,
} from "./page-geometry.js";
import { accentColour, FONT_BOLD, FONT_REGULAR, INK, MUTED_INK, rule } from "./pdf-style.js";

const LOGO_BOX: [number, number] = [mm(38), mm(18)];
const REGISTERED_WIDTH = mm(60);

/** The first page's top band: logo, sender, contacts, the registered-mail mark and an accent rule. */
export function drawLetterhead(
  doc: PDFKit.PDFDocument,
  input: LetterInput,
  strings: LetterStrings,
): void {
  const { letterhead } = input;
  const accent = accentColour(letterhead.colour);

  let textLeft = CONTENT_LEFT;
  if (letterhead.logoPng) {
    doc.image(letterhead.logoPng, CONTENT_LEFT, LETTERHEAD_TOP, { fit: LOGO_BOX });
    textLeft = CONTENT_LEFT + LOGO_BOX[0] + mm(5);
  }
  const textRight = input.registered ? CONTENT_RIGHT - REGISTERED_WIDTH - mm(4) : CONTENT_RIGHT;
  const width = textRight - textLeft;
  // The band ends above the accent rule, which ends above the envelope window.
  const bottom = LETTERHEAD_ACCENT_Y - mm(2);

  doc.font(FONT_BOLD).fontSize(13).fillColor(accent);
  doc.text(letterhead.name, textLeft, LETTERHEAD_TOP, { width, height: mm(12), ellipsis: true });

  doc.font(FONT_REGULAR).fontSize(8.5).fillColor(MUTED_INK);
  const details = [...letterhead.addressLines, ...contactLines(doc, letterhead, width)].join("\n");
  doc.text(details, textLeft, doc.y + 2, {
    width,
    height: Math.max(bottom - doc.y - 2, 0),
    ellipsis: true,
    lineGap: 1,
  });

  if (input.registered) drawRegisteredMark(doc, input.registered.trackingNumber, strings);
  rule(doc, CONTENT_LEFT, CONTENT_RIGHT, LETTERHEAD_ACCENT_Y, 1.2, accent);
}

/** Phone, email and website packed onto as few lines as fit, never breaking one of them apart. */
function contactLines(
  doc: PDFKit.PDFDocument,
  letterhead: LetterInput["letterhead"],
  width: number,
): string[] {
  const phone = letterhead.phone ? `Tel. ${letterhead.phone}` : undefined;
  const items = [phone, letterhead.email, letterhead.website].filter((item) => item !== undefined);
  const lines: string[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    const joined = last === undefined ? item : `${last}${CONTACT_SEPARATOR}${item}`;
    if (last !== undefined && doc.widthOfString(joined) <= width) lines[lines.length - 1] = joined;
    else lines.push(item);
  }
  return lines;
}

const CONTACT_SEPARATOR = "  ·  ";

function drawRegisteredMark(
  doc: PDFKit.PDFDocument,
  trackingNumber: string | undefined,
  strings: LetterStrings,
): void {
  const left = CONTENT_RIGHT - REGISTERED_WIDTH;
  doc.font(FONT_BOLD).fontSize(10).fillColor(INK);
  doc.text(strings.registered, left, LETTERHEAD_TOP + 1, {
    width: REGISTERED_WIDTH,
    height: mm(6),
    align: "right",
  });
  if (trackingNumber) {
    doc.font(FONT_REGULAR).fontSize(8.5).fillColor(MUTED_INK);
    doc.text(`${strings.trackingNumber} ${trackingNumber}`, left, doc.y + 1, {
      width: REGISTERED_WIDTH,
      height: mm(5),
      align: "right",
      ellipsis: true,
    });
  }
}
