import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderLetterPdf } from "./render-letter.js";
import { openPdf, pageSize, pageText, renderPage } from "./test-support/pdf-inspection.js";
import { formalNoticeIt } from "./test-support/sample-letters.js";

const FIXED_DATE = new Date("2026-03-12T09:00:00Z");

describe("renderLetterPdf — what the reader sees", () => {
  it("puts a formal notice on one A4 portrait page", async () => {
    const doc = openPdf(await renderLetterPdf(formalNoticeIt()));
    expect(doc.countPages()).toBe(1);
    const size = pageSize(doc, 0);
    expect(size.width).toBeCloseTo(595, 0);
    expect(size.height).toBeCloseTo(842, 0);
  });

  it("shows the subject, the itemised amounts, the total and the page footer", async () => {
    const text = pageText(openPdf(await renderLetterPdf(formalNoticeIt())), 0);
    expect(text).toContain(
      "Oggetto: Diffida ad adempiere e costituzione in mora – fatture n. 2025/1187 e 2025/1342",
    );
    for (const amount of ["€ 1.120,00", "€ 74,56", "€ 40,00", "€ 1.234,56"]) {
      expect(text).toContain(amount);
    }
    expect(text).toContain("Totale da pagare");
    expect(text).toContain("Pagina 1 di 1");
    expect(text).toContain("P.IVA 01234567890");
  });

  it("keeps Italian accents and the euro sign intact", async () => {
    const text = pageText(openPdf(await renderLetterPdf(formalNoticeIt())), 0);
    expect(text).toContain("€ 1.234,56");
    expect(text).toContain("perché");
    expect(text).toContain("lunedì");
    expect(text).toContain("Modalità di pagamento");
    expect(text).toContain("Raccomandata A/R");
    expect(text).toContain("N. RR 1234 5678 9012");
  });

  it("writes an English letter with English labels", async () => {
    const letter = formalNoticeIt({
      language: "en",
      subject: "Formal notice",
      body: "Dear Ms Bianchi,\n\nPlease settle the balance below within 15 days.",
    });
    const text = pageText(openPdf(await renderLetterPdf(letter)), 0);
    for (const label of ["Registered letter", "Ref. PR-2026-000417", "Subject: Formal notice"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("How to pay");
    expect(text).toContain("VAT No. 01234567890");
    expect(text).toContain("Page 1 of 1");
  });

  it("leaves out the registered mark, amounts and payment box when the letter has none", async () => {
    const letter = formalNoticeIt({
      registered: undefined,
      amounts: undefined,
      payment: undefined,
    });
    const text = pageText(openPdf(await renderLetterPdf(letter)), 0);
    expect(text).not.toContain("Raccomandata");
    expect(text).not.toContain("Totale da pagare");
    expect(text).not.toContain("Modalità di pagamento");
    expect(text).toContain("Pagina 1 di 1");
  });

  it("sets the PDF metadata", async () => {
    const doc = openPdf(await renderLetterPdf(formalNoticeIt()));
    expect(doc.getMetaData("info:Title")).toContain("PR-2026-000417");
    expect(doc.getMetaData("info:Author")).toBe("Esempio Servizi S.r.l.");
    expect(doc.getMetaData("info:Creator")).toBe("Saldo");
  });

  it("gives the same bytes for the same input and creation date", async () => {
    const letter = formalNoticeIt();
    const first = await renderLetterPdf(letter, { creationDate: FIXED_DATE });
    const second = await renderLetterPdf(letter, { creationDate: FIXED_DATE });
    const later = await renderLetterPdf(letter, { creationDate: new Date("2026-03-13T09:00:00Z") });
    expect(first.equals(second)).toBe(true);
    expect(first.equals(later)).toBe(false);
  });

  it("refuses a return address that would show a debt through the window", async () => {
    const letter = formalNoticeIt({ returnAddress: "Ufficio Recupero Crediti · CP 12 · Milano" });
    await expect(renderLetterPdf(letter)).rejects.toThrow(/must not reveal a debt/);
  });

  it("renders to a PNG a person can look at (kept when SALDO_KEEP_RENDERS is set)", async () => {
    const doc = openPdf(await renderLetterPdf(formalNoticeIt(), { creationDate: FIXED_DATE }));
    const png = renderPage(doc, 0, 110).asPNG();
    expect(Buffer.from(png.subarray(1, 4)).toString("latin1")).toBe("PNG");
    if (process.env.SALDO_KEEP_RENDERS) {
      const file = path.join(
        mkdtempSync(path.join(tmpdir(), "saldo-letter-")),
        "letter-page-1.png",
      );
      writeFileSync(file, png);
      console.log(`Rendered letter page: ${file}`);
    }
  });
});
