import jsQR from "jsqr";
import * as mupdf from "mupdf";

/** Reads a rendered PDF the way a person would: page sizes, visible text with boxes, pixels. */

export interface TextLine {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function openPdf(pdf: Uint8Array): mupdf.Document {
  return mupdf.Document.openDocument(pdf, "application/pdf");
}

export function pageSize(doc: mupdf.Document, index: number): { width: number; height: number } {
  const [x0, y0, x1, y1] = doc.loadPage(index).getBounds();
  return { width: x1 - x0, height: y1 - y0 };
}

interface StextJson {
  blocks: Array<{
    type: string;
    lines?: Array<{ text: string; bbox: { x: number; y: number; w: number; h: number } }>;
  }>;
}

/** Every text line on the page with its box in points, top-left origin. */
export function pageTextLines(doc: mupdf.Document, index: number): TextLine[] {
  const json = JSON.parse(
    doc.loadPage(index).toStructuredText("preserve-whitespace").asJSON(),
  ) as StextJson;
  return json.blocks.flatMap((block) =>
    (block.lines ?? []).map((line) => ({
      text: line.text,
      x: line.bbox.x,
      y: line.bbox.y,
      width: line.bbox.w,
      height: line.bbox.h,
    })),
  );
}

export function pageText(doc: mupdf.Document, index: number): string {
  return pageTextLines(doc, index)
    .map((line) => line.text)
    .join("\n");
}

export const isInside = (line: Box, area: Box): boolean =>
  line.x >= area.x &&
  line.y >= area.y &&
  line.x + line.width <= area.x + area.width &&
  line.y + line.height <= area.y + area.height;

export const overlaps = (line: Box, area: Box): boolean =>
  line.x < area.x + area.width &&
  area.x < line.x + line.width &&
  line.y < area.y + area.height &&
  area.y < line.y + line.height;

export function renderPage(doc: mupdf.Document, index: number, dpi: number): mupdf.Pixmap {
  const scale = dpi / 72;
  return doc.loadPage(index).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB);
}

/** The page (or a region of it, in points) as RGBA pixels, as jsQR wants them. */
export function pageRgba(doc: mupdf.Document, index: number, dpi: number, region?: Box): RgbaImage {
  const pixmap = renderPage(doc, index, dpi);
  const scale = dpi / 72;
  const stride = pixmap.getStride();
  const channels = pixmap.getNumberOfComponents(); // colours plus alpha
  const pixels = pixmap.getPixels();
  const left = region ? Math.max(0, Math.floor(region.x * scale)) : 0;
  const top = region ? Math.max(0, Math.floor(region.y * scale)) : 0;
  const width = region
    ? Math.min(pixmap.getWidth() - left, Math.ceil(region.width * scale))
    : pixmap.getWidth();
  const height = region
    ? Math.min(pixmap.getHeight() - top, Math.ceil(region.height * scale))
    : pixmap.getHeight();
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      const from = (top + row) * stride + (left + column) * channels;
      const to = (row * width + column) * 4;
      data[to] = pixels[from] ?? 0;
      data[to + 1] = pixels[from + 1] ?? 0;
      data[to + 2] = pixels[from + 2] ?? 0;
      data[to + 3] = 255;
    }
  }
  return { width, height, data };
}

export interface DecodedQr {
  payload: string;
  /** Side of the symbol (quiet zone excluded) in millimetres on paper. */
  sideMm: number;
}

const MM = 72 / 25.4;

/**
 * Scans the QR code printed just above a label, as a person would aim a phone at it:
 * a 40 mm square centred over the label. jsQR is unreliable on a whole page full of text.
 */
export function scanQrAbove(
  doc: mupdf.Document,
  index: number,
  label: string,
  dpi: number,
): DecodedQr | undefined {
  const line = pageTextLines(doc, index).find((candidate) => candidate.text.trim() === label);
  if (!line) return undefined;
  const side = 40 * MM;
  const centre = line.x + line.width / 2;
  const image = pageRgba(doc, index, dpi, {
    x: centre - side / 2,
    y: line.y - side,
    width: side,
    height: side,
  });
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
  if (!code) return undefined;
  const { topLeftCorner, topRightCorner } = code.location;
  const sidePx = Math.hypot(topRightCorner.x - topLeftCorner.x, topRightCorner.y - topLeftCorner.y);
  return { payload: code.data, sideMm: (sidePx / dpi) * 25.4 };
}

/** Pixels whose channels differ: anything that is not black, white or grey. */
export function colouredPixelCount(image: RgbaImage, tolerance = 12): number {
  let count = 0;
  for (let index = 0; index < image.data.length; index += 4) {
    const r = image.data[index] ?? 0;
    const g = image.data[index + 1] ?? 0;
    const b = image.data[index + 2] ?? 0;
    if (Math.max(r, g, b) - Math.min(r, g, b) > tolerance) count++;
  }
  return count;
}
