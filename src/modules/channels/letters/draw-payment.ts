import {
  QR_QUIET_ZONE_MODULES,
  type QrMatrix,
  qrCodeMatrix as qrMatrix,
} from "../../payments/domain/qr-image.js";
import type { LetterPayment, PaymentQrCode } from "./letter.js";
import { CONTENT_LEFT, CONTENT_WIDTH, mm, QR_SYMBOL_SIZE } from "./page-geometry.js";
import { FONT_BOLD, FONT_REGULAR, HAIRLINE, INK, keepTogether, MUTED_INK } from "./pdf-style.js";

const PADDING = mm(5);
/** The QR quiet zone is white space already: the grid needs less padding than the text. */
const QR_PADDING = mm(2);
const QR_GAP = mm(2);
const LABEL_SIZE = 7.5;
const LABEL_HEIGHT = mm(7);
const TEXT_SIZE = 9.5;
/** The payment text keeps at least this width; further QR codes go on a new row. */
const MIN_TEXT_WIDTH = mm(60);

interface PlacedQr {
  code: PaymentQrCode;
  matrix: QrMatrix;
  /** Symbol plus quiet zone: nothing else may be drawn there. */
  outerSize: number;
}

/** A framed box: how to pay on the left, the QR codes (≥ 25 mm) with their labels on the right. */
export function drawPayment(
  doc: PDFKit.PDFDocument,
  payment: LetterPayment,
  title: string,
  accent: string,
): void {
  const qrs = payment.qrCodes.map(placeQr);
  const cell = Math.max(0, ...qrs.map((qr) => qr.outerSize));
  const roomForQrs = CONTENT_WIDTH - 2 * PADDING - QR_PADDING - MIN_TEXT_WIDTH;
  const columns = Math.max(
    1,
    Math.min(qrs.length, Math.floor((roomForQrs + QR_GAP) / (cell + QR_GAP))),
  );
  const rows = Math.ceil(qrs.length / columns);
  const gridWidth = columns * cell + (columns - 1) * QR_GAP;
  const qrHeight = rows * (cell + LABEL_HEIGHT);
  const textWidth =
    CONTENT_WIDTH - PADDING - (qrs.length ? gridWidth + QR_PADDING + PADDING : PADDING);

  const text = payment.lines.join("\n");
  doc.font(FONT_BOLD).fontSize(10.5);
  const titleHeight = doc.heightOfString(title, { width: textWidth }) + mm(2);
  doc.font(FONT_REGULAR).fontSize(TEXT_SIZE);
  const linesHeight = doc.heightOfString(text, { width: textWidth, lineGap: 2 });
  const boxHeight = Math.max(titleHeight + linesHeight + 2 * PADDING, qrHeight + 2 * QR_PADDING);

  keepTogether(doc, boxHeight);
  const top = doc.y + mm(2);
  doc.save().lineWidth(0.8).strokeColor(HAIRLINE).rect(CONTENT_LEFT, top, CONTENT_WIDTH, boxHeight);
  doc.stroke().restore();
  doc.save().rect(CONTENT_LEFT, top, 3, boxHeight).fill(accent).restore();

  const textLeft = CONTENT_LEFT + PADDING;
  doc.font(FONT_BOLD).fontSize(10.5).fillColor(accent);
  doc.text(title, textLeft, top + PADDING, { width: textWidth, height: titleHeight });
  doc.font(FONT_REGULAR).fontSize(TEXT_SIZE).fillColor(INK);
  doc.text(text, textLeft, top + PADDING + titleHeight, {
    width: textWidth,
    height: linesHeight + 1,
    lineGap: 2,
  });

  const gridLeft = CONTENT_LEFT + CONTENT_WIDTH - QR_PADDING - gridWidth;
  qrs.forEach((qr, index) => {
    const cellLeft = gridLeft + (index % columns) * (cell + QR_GAP);
    const cellTop = top + QR_PADDING + Math.floor(index / columns) * (cell + LABEL_HEIGHT);
    // Smaller symbols sit centred in their cell; all labels line up under the cells.
    const centring = (cell - qr.outerSize) / 2;
    drawQr(doc, qr, cellLeft + centring, cellTop + centring);
    drawQrLabel(doc, qr.code.label, cellLeft, cellTop + cell, cell);
  });

  doc.x = CONTENT_LEFT;
  doc.y = top + boxHeight + mm(4);
}

function placeQr(code: PaymentQrCode): PlacedQr {
  const matrix = qrMatrix(code.payload);
  const moduleSize = QR_SYMBOL_SIZE / matrix.size;
  return { code, matrix, outerSize: QR_SYMBOL_SIZE + 2 * QR_QUIET_ZONE_MODULES * moduleSize };
}

function drawQr(doc: PDFKit.PDFDocument, qr: PlacedQr, left: number, top: number): void {
  const moduleSize = QR_SYMBOL_SIZE / qr.matrix.size;
  const quiet = QR_QUIET_ZONE_MODULES * moduleSize;
  doc.save().rect(left, top, qr.outerSize, qr.outerSize).fill("#ffffff").restore();

  // One path of horizontal runs, filled once: no hairline seams between modules when rasterised.
  doc.save();
  for (let row = 0; row < qr.matrix.size; row++) {
    let column = 0;
    while (column < qr.matrix.size) {
      if (!qr.matrix.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < qr.matrix.size && qr.matrix.isDark(row, column)) column++;
      const x = left + quiet + start * moduleSize;
      const y = top + quiet + row * moduleSize;
      doc.rect(x, y, (column - start) * moduleSize, moduleSize);
    }
  }
  doc.fill("#000000").restore();
}

function drawQrLabel(
  doc: PDFKit.PDFDocument,
  label: string,
  left: number,
  top: number,
  width: number,
) {
  doc.font(FONT_REGULAR).fontSize(LABEL_SIZE).fillColor(MUTED_INK);
  doc.text(label, left, top, { width, height: LABEL_HEIGHT, align: "center", ellipsis: true });
}
