import { describe, expect, it } from "vitest";
import type { IntakeRecord } from "../records.js";
import type { CsvIntakeOptions, IntakeBatch } from "./fields.js";
import { readCsvIntake } from "./read-csv-intake.js";

async function intake(csv: string, options: Partial<CsvIntakeOptions> = {}) {
  async function* chunks() {
    yield Buffer.from(csv);
  }
  const batches: IntakeBatch[] = [];
  for await (const batch of readCsvIntake(chunks(), { source: "file.csv", ...options })) {
    batches.push(batch);
  }
  return {
    records: batches.flatMap((b) => b.records),
    errors: batches.flatMap((b) => b.errors),
    summary: batches.at(-1)!.summary!,
  };
}

const ofType = <T extends IntakeRecord["type"]>(records: IntakeRecord[], type: T) =>
  records
    .filter((r): r is Extract<IntakeRecord, { type: T }> => r.type === type)
    .map((r) => r.record);

describe("readCsvIntake: custom mapping", () => {
  it("follows a mapping for strange headers, date order and decimal style", async () => {
    const csv = [
      "Cliente #,Chi è,Quanto (CHF),Quando?,Mail?,Colonna X,Doc",
      "A-1,Rossi Mario,1234.5,03/15/2024,mario@example.ch,xyz,DOC-1",
      "A-2,Bianchi Sagl,1.234,12/31/2024,,xyz,DOC-2",
    ].join("\n");
    const { records, errors, summary } = await intake(csv, {
      mapping: {
        columns: {
          "Cliente #": "debtor_id",
          "Chi è": "name",
          "Quanto (CHF)": "amount",
          "Quando?": "due_date",
          "Mail?": "email",
          Doc: "invoice_id",
          Riferimento: "invoice_number",
        },
        dateOrder: "mdy",
        decimal: "dot",
        defaults: {
          currency: "CHF",
          country: "CH",
          language: "de",
          timeZone: "Europe/Zurich",
          debtor_type: "company",
        },
      },
    });
    expect(summary.ignoredColumns).toEqual(["Colonna X"]);
    expect(summary.unmatchedMappingColumns).toEqual(["Riferimento"]);
    expect(ofType(records, "debtor")[0]).toEqual({
      externalId: "A-1",
      kind: "company",
      name: "Rossi Mario",
      language: "de",
      timeZone: "Europe/Zurich",
    });
    expect(ofType(records, "invoice")[0]).toMatchObject({
      dueDate: "2024-03-15",
      amountMinor: 123450n,
      currency: "CHF",
    });
    // With the dot forced, "1.234" has three decimals: rejected rather than rounded.
    expect(errors).toEqual([expect.objectContaining({ line: 3, field: "amount", value: "1.234" })]);
  });

  it("forces the delimiter and encoding when asked", async () => {
    const csv = "debtor_id|x;name\nD1|1;Rossi\n";
    const { records, summary } = await intake(csv, {
      mapping: {
        delimiter: ";",
        encoding: "windows-1252",
        columns: { "debtor_id|x": "debtor_id" },
      },
    });
    expect(summary).toMatchObject({ delimiter: ";", encoding: "windows-1252" });
    expect(ofType(records, "debtor")[0]).toMatchObject({ externalId: "D1|1", name: "Rossi" });
  });
});
