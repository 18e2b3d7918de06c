import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { parseAmount } from "../../../platform/money.js";
import {
  openPdf,
  pageText,
  pageTextLines,
  renderPage,
} from "../../channels/letters/test-support/pdf-inspection.js";
import { splitInstallments } from "../domain/split-installments.js";
import {
  renderAcknowledgmentOfDebt,
  renderSignedAcknowledgment,
  sha256Hex,
} from "./acknowledgment-of-debt.js";
import { ACKNOWLEDGMENT_STRINGS } from "./acknowledgment-strings.js";
import { sampleAcknowledgment, sampleSignature } from "./test-support/sample-acknowledgment.js";

/** All the text a reader sees, lines joined with spaces so wrapped sentences read whole. */
async function readAll(pdf: Buffer): Promise<{ text: string; lines: string[]; pages: number }> {
  const doc = openPdf(pdf);
  const pages = doc.countPages();
  const lines = Array.from({ length: pages }, (_, index) =>
    pageTextLines(doc, index).map((line) => line.text.trim()),
  ).flat();
  return { text: lines.join(" ").replace(/\s+/g, " "), lines, pages };
}

/** The amounts in the plan table, between its header and its total. */
function planAmounts(lines: string[], header: string, totalLabel: string, comma: boolean) {
  const start = lines.indexOf(header);
  const end = lines.indexOf(totalLabel);
  const parse = (text: string) => parseAmount(text, 2, comma ? "comma" : "dot")!;
  const rows = lines.slice(start + 1, end).filter((line) => line.startsWith("€"));
  return { rows: rows.map(parse), total: parse(lines[end + 1]!) };
}

describe("renderAcknowledgmentOfDebt — Italian", () => {
  it("states the acknowledgment, the itemised debt and the plan in Italian formats", async () => {
    const { text } = await readAll(await renderAcknowledgmentOfDebt(sampleAcknowledgment()));
    for (const phrase of [
      "Riconoscimento di debito e piano di rientro",
      "Luce & Gas Italia S.p.A.",
      "P.IVA 01234567890",
      "C.F. BNCMRA80A41H501X",
      "Pratica PR-2026-000417 · Documento del 10 marzo 2026",
      "Maria Bianchi (di seguito «il Debitore») riconosce di essere debitore di Luce & Gas Italia S.p.A.",
      "per la somma complessiva di € 1.234,56",
      "dell’art. 1988 del Codice civile",
      "Fattura n. 2025/1187 15/10/2025 14/11/2025 € 1.120,00",
      "Fattura n. 2025/1342 15/11/2025 15/12/2025 € 114,56",
      "Totale riconosciuto € 1.234,56",
      "dopo un acconto di € 200,00, in 6 rate mensili alle scadenze seguenti",
      "Acconto 17/03/2026 € 200,00",
      "1 30/04/2026 € 172,43",
      "6 30/09/2026 € 172,42",
      "IBAN: IT60 X054 2811 1010 0000 0123 456",
      "Causale: RF18 5390 0754 7034",
      "Decadenza dal beneficio del termine (art. 1186 c.c.)",
      "Se il Debitore non paga due rate, anche non consecutive, entro 5 giorni dalla rispettiva scadenza, oppure lascia una rata non pagata per oltre 30 giorni dalla sua scadenza, decade dal beneficio del termine",
      "Nessuna novazione",
      "non estingue né sostituisce l’obbligazione originaria",
      "Ogni pagamento è imputato alle rate del piano",
      "Regolamento (UE) 2016/679",
      "scrivendo a privacy@lucegas.example",
      "codice monouso",
      "l’impronta SHA-256 di questo documento",
      "Pagina 1 di 2",
      "Pagina 2 di 2",
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it("prints installment rows that add up to the total, to the cent", async () => {
    const { lines } = await readAll(await renderAcknowledgmentOfDebt(sampleAcknowledgment()));
    const { rows, total } = planAmounts(lines, "Importo", "Totale del piano", true);
    expect(rows).toHaveLength(7);
    expect(rows.reduce((sum, amount) => sum + amount, 0n)).toBe(total);
    expect(total).toBe(123_456n);
  });

  it("carries a long plan across pages, repeating the table header and numbering every page", async () => {
    const installments = splitInstallments({
      totalMinor: 123_456n,
      count: 60,
      frequency: "weekly",
      firstDueDate: "2026-03-16",
    });
    const input = sampleAcknowledgment();
    const pdf = await renderAcknowledgmentOfDebt({
      ...input,
      plan: { ...input.plan, frequency: "weekly", installments },
    });
    const doc = openPdf(pdf);
    const pages = doc.countPages();
    expect(pages).toBeGreaterThan(2);
    for (let page = 0; page < pages; page++) {
      expect(pageText(doc, page)).toContain(`Pagina ${page + 1} di ${pages}`);
    }
    expect(pageText(doc, 1)).toMatch(/^Rata$/m);
    const { lines, text } = await readAll(pdf);
    expect(text).toContain("in 60 rate settimanali");
    const { rows, total } = planAmounts(lines, "Importo", "Totale del piano", true);
    expect(rows.reduce((sum, amount) => sum + amount, 0n)).toBe(total);
  });
});

describe("renderAcknowledgmentOfDebt — English", () => {
  it("reads naturally in English with English number and date formats", async () => {
    const pdf = await renderAcknowledgmentOfDebt(sampleAcknowledgment({ language: "en" }));
    const { text, lines } = await readAll(pdf);
    for (const phrase of [
      "Acknowledgment of debt and repayment plan",
      "Maria Bianchi (the “Debtor”) acknowledges owing Luce & Gas Italia S.p.A. (the “Creditor”) the total sum of €1,234.56",
      "Article 1988 of the Italian Civil Code",
      "Invoice no. 2025/1187 15 October 2025 14 November 2025 €1,120.00",
      "after a down payment of €200.00, in 6 monthly installments on the following dates",
      "Down payment 17 March 2026 €200.00",
      "Loss of the benefit of the term (Article 1186 of the Italian Civil Code)",
      "If the Debtor fails to pay two installments, consecutive or not, within 5 days of their due dates",
      "No novation",
      "Payment reference: RF18 5390 0754 7034",
      "Privacy notice",
      "one-time code",
      "Page 2 of 2",
    ]) {
      expect(text).toContain(phrase);
    }
    const { rows, total } = planAmounts(lines, "Amount", "Plan total", false);
    expect(rows.reduce((sum, amount) => sum + amount, 0n)).toBe(total);
  });

  it("states the plan's own break rule in both languages", () => {
    const rule = { missedInstallments: 1, graceDays: 0, brokenAfterDays: 30 };
    expect(ACKNOWLEDGMENT_STRINGS.it.forfeiture(rule)).toMatch(
      /^Se il Debitore non paga una rata alla sua scadenza, decade/,
    );
    expect(ACKNOWLEDGMENT_STRINGS.en.forfeiture(rule)).toMatch(
      /^If the Debtor fails to pay an installment by its due date, the Debtor loses/,
    );
    const three = { missedInstallments: 3, graceDays: 1, brokenAfterDays: 1 };
    expect(ACKNOWLEDGMENT_STRINGS.it.forfeiture(three)).toContain(
      "non paga tre rate, anche non consecutive, entro 1 giorno dalla rispettiva scadenza, decade",
    );
  });
});

describe("determinism and signature", () => {
  it("renders the same bytes for the same input, and other bytes for another date", async () => {
    const input = sampleAcknowledgment();
    const first = await renderAcknowledgmentOfDebt(input);
    const second = await renderAcknowledgmentOfDebt(sampleAcknowledgment());
    expect(first.equals(second)).toBe(true);
    expect(sha256Hex(first)).toBe(createHash("sha256").update(second).digest("hex"));
    const later = await renderAcknowledgmentOfDebt(
      sampleAcknowledgment({ generatedAt: new Date("2026-03-11T09:00:00Z") }),
    );
    expect(later.equals(first)).toBe(false);
  });

  it("appends a signature record to the very pages that were signed", async () => {
    const input = sampleAcknowledgment();
    const unsigned = await renderAcknowledgmentOfDebt(input);
    const hash = sha256Hex(unsigned);
    const signed = await renderSignedAcknowledgment(input, sampleSignature(hash));
    expect((await renderSignedAcknowledgment(input, sampleSignature(hash))).equals(signed)).toBe(
      true,
    );

    const before = openPdf(unsigned);
    const after = openPdf(signed);
    expect(after.countPages()).toBe(before.countPages() + 1);
    for (let page = 0; page < before.countPages(); page++) {
      expect(pageText(after, page)).toBe(pageText(before, page));
      const pixels = (doc: typeof before) => Buffer.from(renderPage(doc, page, 40).getPixels());
      expect(pixels(after).equals(pixels(before))).toBe(true);
    }
    const record = pageText(after, before.countPages()).replace(/\s+/g, " ");
    for (const phrase of [
      "Registro della firma elettronica",
      "il documento che precede (pagine 1–2) è stato sottoscritto dal Debitore",
      hash,
      "Maria Bianchi – BNCMRA80A41H501X",
      "10/03/2026 alle 10:15:32 (ora italiana) 2026-03-10T09:15:32Z",
      "via SMS al numero +39 *** *** 4567",
      "203.0.113.24",
      "otp_01HZX5K2M8",
    ]) {
      expect(record).toContain(phrase);
    }
  });

  it("writes the record in English too", async () => {
    const input = sampleAcknowledgment({ language: "en" });
    const hash = sha256Hex(await renderAcknowledgmentOfDebt(input));
    const signature = {
      ...sampleSignature(hash),
      channel: "email" as const,
      destinationMasked: "m***@example.com",
    };
    const doc = openPdf(await renderSignedAcknowledgment(input, signature));
    const record = pageText(doc, doc.countPages() - 1).replace(/\s+/g, " ");
    expect(record).toContain("Electronic signature record");
    expect(record).toContain("10 March 2026 at 10:15:32 (Italian time)");
    expect(record).toContain("by email to m***@example.com");
  });

  it("refuses a signature record made for another version of the document", async () => {
    const input = sampleAcknowledgment();
    const other = sha256Hex(
      await renderAcknowledgmentOfDebt(sampleAcknowledgment({ caseReference: "PR-2026-000418" })),
    );
    await expect(renderSignedAcknowledgment(input, sampleSignature(other))).rejects.toMatchObject({
      code: "conflict",
    });
  });
});

describe("input checks", () => {
  it("refuses a plan that does not add up to the debt, and bad bank details", async () => {
    const input = sampleAcknowledgment();
    const short = input.plan.installments.slice(0, -1);
    const attempt = renderAcknowledgmentOfDebt({
      ...input,
      plan: { ...input.plan, installments: short },
      payment: { ...input.payment, iban: "IT00X0542811101000000123456", rfReference: "RF00123" },
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((caught: AppError) => caught)) as AppError;
    expect(error.code).toBe("validation_failed");
    const fields = (error.details as { problems: Array<{ field: string }> }).problems.map(
      (problem) => problem.field,
    );
    expect(fields).toEqual(["plan.installments", "payment.iban", "payment.rfReference"]);
  });
});
