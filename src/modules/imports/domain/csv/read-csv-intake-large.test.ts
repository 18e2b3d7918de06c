import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCsvIntake } from "./read-csv-intake.js";

const ROWS = 50_000;
const INVOICES_PER_DEBTOR = 5;

/** A wide export: debtor and contact columns repeat on each of a debtor's invoice rows. */
function* wideFile(): Generator<Buffer> {
  let text =
    "Codice cliente;Ragione sociale;Cellulare;Email;ID fattura;Data documento;Scadenza;Importo;Residuo\r\n";
  for (let row = 0; row < ROWS; row++) {
    // Rows of one debtor are spread through the file, not adjacent.
    const debtor = row % (ROWS / INVOICES_PER_DEBTOR);
    const mobile = `+39 347 ${String(1_000_000 + debtor)}`;
    text += `C${debtor};Cliente ${debtor} S.r.l.;${mobile};c${debtor}@example.it;F${row};01/02/2024;15/03/2024;1.234,56;234,56\r\n`;
    if (text.length > 60_000) {
      yield Buffer.from(text);
      text = "";
    }
  }
  yield Buffer.from(text);
}

describe("readCsvIntake: a large file", () => {
  it("streams in batches of 2,000 rows and emits each debtor once", async () => {
    const batchSizes: number[] = [];
    const debtorIds = new Set<string>();
    let debtors = 0;
    let contacts = 0;
    let invoices = 0;
    let errors = 0;
    let previousLines = 0;
    let summary: unknown;
    for await (const batch of readCsvIntake(Readable.from(wideFile()), { source: "big.csv" })) {
      expect(batch.linesRead).toBeGreaterThanOrEqual(previousLines);
      previousLines = batch.linesRead;
      batchSizes.push(batch.records.filter((r) => r.type === "invoice").length);
      errors += batch.errors.length;
      for (const record of batch.records) {
        if (record.type === "debtor") {
          debtors++;
          debtorIds.add(record.record.externalId);
        } else if (record.type === "contact") contacts++;
        else invoices++;
      }
      if (batch.last) summary = batch.summary;
    }
    expect(errors).toBe(0);
    expect(batchSizes.slice(0, -1).every((size) => size === 2_000)).toBe(true);
    expect(batchSizes).toHaveLength(ROWS / 2_000 + 1);
    expect(invoices).toBe(ROWS);
    expect(debtors).toBe(ROWS / INVOICES_PER_DEBTOR);
    expect(debtorIds.size).toBe(ROWS / INVOICES_PER_DEBTOR);
    expect(contacts).toBe((2 * ROWS) / INVOICES_PER_DEBTOR);
    expect(summary).toMatchObject({
      rowsRead: ROWS,
      linesRead: ROWS + 1,
      records: { debtor: debtors, contact: contacts, invoice: invoices },
    });
  });

  it("stops reading the input when the consumer stops early", async () => {
    let pulled = 0;
    async function* counted() {
      for (const chunk of wideFile()) {
        pulled++;
        yield chunk;
      }
    }
    for await (const batch of readCsvIntake(counted(), { source: "big.csv", batchSize: 100 })) {
      expect(batch.records.length).toBeGreaterThan(0);
      break;
    }
    expect(pulled).toBeLessThan(20);
  });
});
