import { describe, expect, it } from "vitest";
import { renderLetterPdf } from "./render-letter.js";
import { openPdf, pageSize, pageTextLines, type TextLine } from "./test-support/pdf-inspection.js";
import { formalNoticeIt } from "./test-support/sample-letters.js";

const PARAGRAPH =
  "Paragrafo {n}. Le ricordiamo che la posizione indicata in oggetto risulta ancora aperta. " +
  "La invitiamo cortesemente a contattarci per verificare insieme i dettagli, perché siamo " +
  "certi che si possa trovare una soluzione adatta alle Sue esigenze, anche con un piano di " +
  "rientro in più rate. Il nostro personale è a Sua disposizione dal lunedì al venerdì.";

const longBody = (paragraphs: number) =>
  Array.from({ length: paragraphs }, (_, index) =>
    PARAGRAPH.replace("{n}", String(index + 1)),
  ).join("\n\n");

const isFooter = (line: TextLine) =>
  /^Pagina \d+ di \d+$/.test(line.text.trim()) || line.text.includes("P.IVA 01234567890");
const isRunningHeader = (line: TextLine) =>
  line.text.includes("Rif. PR-2026-000417") && line.y < 50;

async function renderLong(paragraphs: number) {
  const doc = openPdf(await renderLetterPdf(formalNoticeIt({ body: longBody(paragraphs) })));
  const pages = Array.from({ length: doc.countPages() }, (_, index) => ({
    height: pageSize(doc, index).height,
    lines: pageTextLines(doc, index),
  }));
  return pages;
}

describe("a long letter", () => {
  it("flows onto further pages, each with its footer 'Pagina n di N'", async () => {
    const pages = await renderLong(16);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, index) => {
      const label = `Pagina ${index + 1} di ${pages.length}`;
      const footer = page.lines.find((line) => line.text.trim() === label);
      expect(footer, label).toBeDefined();
      expect(footer!.y).toBeGreaterThan(page.height - 25 * (72 / 25.4));
    });
  });

  it("never puts body text over the footer", async () => {
    for (const page of await renderLong(16)) {
      const footerTop = Math.min(...page.lines.filter(isFooter).map((line) => line.y));
      const content = page.lines.filter((line) => !isFooter(line));
      expect(content.length).toBeGreaterThan(0);
      for (const line of content) {
        expect(line.y + line.height, line.text).toBeLessThan(footerTop - 2);
      }
    }
  });

  it("keeps every paragraph, in order, across the pages", async () => {
    const pages = await renderLong(16);
    const text = pages.flatMap((page) => page.lines.map((line) => line.text)).join(" ");
    const order = Array.from({ length: 16 }, (_, index) => text.indexOf(`Paragrafo ${index + 1}.`));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("marks continuation pages with the sender and reference, clear of the body", async () => {
    const [, ...continuation] = await renderLong(16);
    for (const page of continuation) {
      const header = page.lines.find(isRunningHeader);
      expect(header).toBeDefined();
      const below = page.lines.filter((line) => line !== header && !isFooter(line));
      for (const line of below) expect(line.y).toBeGreaterThan(header!.y + header!.height);
    }
  });

  it("keeps the amounts table and the payment box whole on one page", async () => {
    for (const paragraphs of [6, 8, 10, 12]) {
      const pages = await renderLong(paragraphs);
      const pageOf = (text: string) =>
        pages.findIndex((page) => page.lines.some((line) => line.text.includes(text)));
      expect(pageOf("Capitale (fatture")).toBe(pageOf("Totale da pagare"));
      expect(pageOf("Modalità di pagamento")).toBe(pageOf("Bonifico (EPC QR)"));
      expect(pageOf("Modalità di pagamento")).toBe(pageOf("Oppure con l'avviso pagoPA"));
    }
  });
});
