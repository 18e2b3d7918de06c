/**
 * QR symbols for payment payloads. EPC069-12 asks for error correction level M; the
 * pagoPA notice spec uses M too (symbol version 4). A quiet zone of 4 modules is the
 * margin the QR standard requires for scanners to find the symbol.
 */
import { create, type QRCodeSegment, toBuffer, toString as toQrString } from "qrcode";

export const QR_ERROR_CORRECTION = "M";
export const QR_QUIET_ZONE_MODULES = 4;
/** The pagoPA notice spec fixes symbol version 4 (33 × 33 modules). */
export const PAGOPA_QR_SYMBOL_VERSION = 4;

/**
 * One UTF-8 byte segment, as EPC QR (character set 1) and pagoPA expect, rather
 * than the library's mixed-mode optimisation (a pagoPA notice then fits version 4).
 */
function utf8Segments(payload: string): QRCodeSegment[] {
  return [{ mode: "byte", data: Buffer.from(payload, "utf8") }];
}

export interface QrImageOptions {
  /** QR symbol version (1–40); chosen from the payload when absent. */
  readonly version?: number | undefined;
}

export interface QrPngOptions extends QrImageOptions {
  /** Width and height in pixels, quiet zone included. */
  readonly sizePx: number;
}

/** Dark and light modules, for drawing the symbol as vectors (e.g. in a PDF). */
export interface QrMatrix {
  /** Modules per side, quiet zone excluded. */
  readonly size: number;
  /** The symbol version the payload needed (EPC QR allows up to 13). */
  readonly version: number;
  isDark(row: number, column: number): boolean;
}

export function qrCodeMatrix(payload: string, options: QrImageOptions = {}): QrMatrix {
  const symbol = create(utf8Segments(payload), {
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    version: options.version,
  });
  return {
    size: symbol.modules.size,
    version: symbol.version,
    isDark: (row, column) => symbol.modules.get(row, column) === 1,
  };
}

export async function qrCodePng(payload: string, options: QrPngOptions): Promise<Buffer> {
  if (!Number.isInteger(options.sizePx) || options.sizePx <= 0) {
    throw new RangeError(`sizePx must be a positive integer, got ${options.sizePx}`);
  }
  return toBuffer(utf8Segments(payload), {
    type: "png",
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE_MODULES,
    width: options.sizePx,
    version: options.version,
  });
}

/** A standalone `<svg>` element, scalable for email or the debtor portal. */
export function qrCodeSvg(payload: string, options: QrImageOptions = {}): Promise<string> {
  return toQrString(utf8Segments(payload), {
    type: "svg",
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE_MODULES,
    version: options.version,
  });
}
