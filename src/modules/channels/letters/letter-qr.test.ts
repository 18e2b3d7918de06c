import { describe, expect, it } from "vitest";
import type { PaymentQrCode } from "./letter.js";
import { renderLetterPdf } from "./render-letter.js";
import { openPdf, scanQrAbove } from "./test-support/pdf-inspection.js";
import { EPC_PAYLOAD, formalNoticeIt, PAGOPA_PAYLOAD } from "./test-support/sample-letters.js";

const DPI = 200;

async function scanAll(qrCodes: PaymentQrCode[], body?: string) {
  const base = formalNoticeIt();
  const letter = formalNoticeIt({
    ...(body ? { body } : {}),
    payment: { lines: base.payment?.lines ?? [], qrCodes },
  });
  const doc = openPdf(await renderLetterPdf(letter));
  expect(doc.countPages()).toBe(1);
  return qrCodes.map((qr) => scanQrAbove(doc, 0, qr.label, DPI));
}

describe("payment QR codes printed on the letter", () => {
  it("uses real vectors: an EPC QR with UTF-8 umlauts and a checked pagoPA notice", () => {
    expect(EPC_PAYLOAD.startsWith("BCD\n002\n1\nSCT\n")).toBe(true);
    expect(EPC_PAYLOAD).toContain("Fördergesellschaft");
    expect(PAGOPA_PAYLOAD).toMatch(/^PAGOPA\|002\|\d{18}\|\d{11}\|\d{2,11}$/);
  });

  it("scan back, above their labels, to exactly the payloads given, at 25 mm or more", async () => {
    const qrCodes = [
      { label: "Bonifico (EPC QR)", payload: EPC_PAYLOAD },
      { label: "pagoPA", payload: PAGOPA_PAYLOAD },
    ];
    const scanned = await scanAll(qrCodes);
    scanned.forEach((scan, index) => {
      expect(scan?.payload).toBe(qrCodes[index]?.payload);
      expect(scan?.sideMm).toBeGreaterThanOrEqual(25);
    });
  });

  it("still scan when a third code goes onto a second row", async () => {
    const qrCodes = [
      { label: "Bonifico (EPC QR)", payload: EPC_PAYLOAD },
      { label: "pagoPA", payload: PAGOPA_PAYLOAD },
      { label: "Paga online", payload: "https://pagamenti.esempio-servizi.it/p/PR-2026-000417" },
    ];
    const scanned = await scanAll(qrCodes, "Gentile Signora,\n\nLe scriviamo per la posizione.");
    expect(scanned.map((scan) => scan?.payload)).toEqual(qrCodes.map((qr) => qr.payload));
  });
});
