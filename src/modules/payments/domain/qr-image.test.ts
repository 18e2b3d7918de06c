import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { epcQrPayload } from "./epc-qr.js";
import { pagoPaNoticeNumber, pagoPaQrPayload } from "./pagopa.js";
import {
  PAGOPA_QR_SYMBOL_VERSION,
  QR_QUIET_ZONE_MODULES,
  type QrMatrix,
  qrCodeMatrix,
  qrCodePng,
  qrCodeSvg,
} from "./qr-image.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const EPC_PAYLOAD = epcQrPayload({
  name: "Società Recupero Crediti S.r.l.",
  iban: "IT60X0542811101000000123456",
  amountMinor: 123_45n,
  currency: "EUR",
  text: "Pratica SAL-00000123 – saldo",
});

/** Renders the modules with the quiet zone as RGBA pixels and decodes them as a scanner would. */
function scan(matrix: QrMatrix): Uint8Array | undefined {
  const scale = 4;
  const side = (matrix.size + 2 * QR_QUIET_ZONE_MODULES) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - QR_QUIET_ZONE_MODULES;
      const column = Math.floor(x / scale) - QR_QUIET_ZONE_MODULES;
      const inside = row >= 0 && column >= 0 && row < matrix.size && column < matrix.size;
      if (inside && matrix.isDark(row, column))
        pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  const code = jsQR(pixels, side, side);
  return code ? Uint8Array.from(code.binaryData) : undefined;
}

describe("QR images", () => {
  it("renders a PNG of the requested size", async () => {
    const png = await qrCodePng(EPC_PAYLOAD, { sizePx: 300 });
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR width and height, big-endian, right after the signature and chunk header.
    expect(png.readUInt32BE(16)).toBe(300);
    expect(png.readUInt32BE(20)).toBe(300);
  });

  it("refuses a size that is not a positive integer", async () => {
    await expect(qrCodePng(EPC_PAYLOAD, { sizePx: 0 })).rejects.toThrow(RangeError);
  });

  it("renders a standalone svg element", async () => {
    const svg = await qrCodeSvg(EPC_PAYLOAD);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
  });

  it("encodes the EPC payload as UTF-8 bytes a scanner reads back", () => {
    const matrix = qrCodeMatrix(EPC_PAYLOAD);
    expect(scan(matrix)).toEqual(new TextEncoder().encode(EPC_PAYLOAD));
  });

  it("fits the largest EPC payload (331 bytes) in symbol version 13 at level M", () => {
    // Lower-case text keeps qrcode in byte mode, the least compact one.
    const fields = {
      name: "n".repeat(70),
      iban: "IT60X0542811101000000123456",
      amountMinor: 99_999_999_999n,
      currency: "EUR" as const,
      information: "i".repeat(70),
    };
    const shortest = epcQrPayload({ ...fields, text: "t" });
    const room = 331 - new TextEncoder().encode(shortest).length;
    const largest = epcQrPayload({ ...fields, text: "t".repeat(1 + room) });
    expect(new TextEncoder().encode(largest)).toHaveLength(331);
    expect(qrCodeMatrix(largest).version).toBeLessThanOrEqual(13);
  });

  it("draws pagoPA payloads at symbol version 4 (33 × 33 modules) when asked", () => {
    const payload = pagoPaQrPayload({
      noticeNumber: pagoPaNoticeNumber({ segregationCode: "02", iuvBase: "0000000123000" }),
      creditorFiscalCode: "03334231200",
      amountMinor: 99_999_999_999n,
    });
    const matrix = qrCodeMatrix(payload, { version: PAGOPA_QR_SYMBOL_VERSION });
    expect(matrix.size).toBe(33);
    expect(scan(matrix)).toEqual(new TextEncoder().encode(payload));
  });
});
