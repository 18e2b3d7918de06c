import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { renderPrintBatch } from "./print-batch.js";
import { openPdf, pageText, pageTextLines } from "./test-support/pdf-inspection.js";
import { formalNoticeIt } from "./test-support/sample-letters.js";

const longBody = Array.from(
  { length: 14 },
  (_, index) =>
    `Paragrafo ${index + 1}. La posizione indicata in oggetto risulta ancora aperta: La ` +
    "invitiamo a contattarci per concordare insieme la soluzione più adatta, anche con un " +
    "piano di rientro in più rate, dal lunedì al venerdì dalle 9:00 alle 18:00.",
).join("\n\n");

function threeLetters() {
  return [
    { id: "L-1", input: formalNoticeIt() },
    {
      id: "L-2",
      input: formalNoticeIt({
        body: longBody,
        registered: undefined,
        recipient: {
          name: "Mario Rossi",
          lines: ["Corso Vittorio Emanuele II 45", "10121 TORINO TO"],
        },
      }),
    },
    {
      id: "L-3",
      input: formalNoticeIt({
        registered: {},
        recipient: {
          name: '=HYPERLINK("x")',
          lines: ['Rue de Rivoli 10, "bis"', "75001 PARIS", "FRANCIA"],
        },
      }),
    },
  ];
}

describe("renderPrintBatch", () => {
  it("starts every letter on an odd page, with blank backs where needed", async () => {
    const batch = await renderPrintBatch(threeLetters());
    const doc = openPdf(batch.pdf);

    expect(batch.pages).toEqual([
      { id: "L-1", firstPage: 1, pageCount: 1 },
      { id: "L-2", firstPage: 3, pageCount: 2 },
      { id: "L-3", firstPage: 5, pageCount: 1 },
    ]);
    expect(doc.countPages()).toBe(5);
    expect(pageTextLines(doc, 1)).toEqual([]); // the blank back of letter 1
  });

  it("numbers pages per letter, not per batch", async () => {
    const doc = openPdf((await renderPrintBatch(threeLetters())).pdf);
    const footers = [0, 2, 3, 4].map((index) =>
      pageTextLines(doc, index)
        .map((line) => line.text.trim())
        .find((text) => /^Pagina \d+ di \d+$/.test(text)),
    );
    expect(footers).toEqual(["Pagina 1 di 1", "Pagina 1 di 2", "Pagina 2 di 2", "Pagina 1 di 1"]);
    expect(pageText(doc, 2)).toContain("Mario Rossi");
    expect(pageText(doc, 4)).toContain("75001 PARIS");
  });

  it("needs no blank page when a letter ends on an even page", async () => {
    const [first, second, third] = threeLetters();
    const batch = await renderPrintBatch([second!, first!, third!]);
    expect(batch.pages.map((page) => page.firstPage)).toEqual([1, 3, 5]);
    expect(openPdf(batch.pdf).countPages()).toBe(5);
  });

  it("writes a manifest row per letter with its pages, address and registered mail", async () => {
    const batch = await renderPrintBatch(threeLetters());
    expect(batch.manifestCsv.startsWith("\uFEFF")).toBe(true); // Excel reads it as UTF-8
    const rows = parse(batch.manifestCsv, { bom: true, columns: true }) as Record<string, string>[];

    expect(rows).toHaveLength(3);
    expect(rows.map((row) => [row.seq, row.letter_id, row.first_page, row.page_count])).toEqual([
      ["1", "L-1", "1", "1"],
      ["2", "L-2", "3", "2"],
      ["3", "L-3", "5", "1"],
    ]);
    expect(rows[0]).toMatchObject({
      recipient_name: "Sig.ra Maria Bianchi",
      address: "Via dei Fiori 7, int. 3 | 00184 ROMA RM",
      postal_code: "00184",
      city: "ROMA",
      province: "RM",
      registered: "yes",
      tracking_number: "RR 1234 5678 9012",
    });
    expect(rows[1]).toMatchObject({ postal_code: "10121", city: "TORINO", registered: "no" });
    expect(rows[2]).toMatchObject({ postal_code: "75001", city: "PARIS", country: "FRANCIA" });
    expect(rows[2]?.address).toBe('Rue de Rivoli 10, "bis" | 75001 PARIS | FRANCIA');
  });

  it("neutralises a recipient name that Excel would run as a formula", async () => {
    const batch = await renderPrintBatch(threeLetters());
    expect(batch.manifestCsv).toContain(`"'=HYPERLINK(""x"")"`);
    const rows = parse(batch.manifestCsv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[2]?.recipient_name).toBe(`'=HYPERLINK("x")`);
  });

  it("refuses an empty batch", async () => {
    await expect(renderPrintBatch([])).rejects.toThrow(/at least one letter/);
  });
});
