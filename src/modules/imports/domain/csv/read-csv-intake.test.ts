import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { IntakeRecord } from "../records.js";
import { CsvIntakeError } from "./csv-intake-error.js";
import type { CsvIntakeOptions, IntakeBatch } from "./fields.js";
import { readCsvIntake } from "./read-csv-intake.js";

/** Feeds the file in small chunks, so BOMs, CRLFs and accented letters get cut in two. */
async function intake(
  content: Buffer | string,
  options: Partial<CsvIntakeOptions> = {},
  chunk = 7,
) {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
  }
  const batches: IntakeBatch[] = [];
  for await (const batch of readCsvIntake(chunks(), { source: "test.csv", ...options })) {
    batches.push(batch);
  }
  const last = batches.at(-1)!;
  return {
    records: batches.flatMap((b) => b.records),
    errors: batches.flatMap((b) => b.errors),
    summary: last.summary!,
    batches,
  };
}

const ofType = <T extends IntakeRecord["type"]>(records: IntakeRecord[], type: T) =>
  records.filter((r): r is Extract<IntakeRecord, { type: T }> => r.type === type);

describe("readCsvIntake: formats", () => {
  it("reads a semicolon, Windows-1252, decimal-comma export from Italian Excel", async () => {
    const csv = [
      "Codice cliente;Ragione sociale;Indirizzo;CAP;Città;Prov;Numero documento;Data documento;Scadenza;Importo;Residuo",
      "C001;Società Città Niccolò S.r.l.;Via Niccolò Tommaseo 5;35131;Padova;PD;FT 1/2024;15/01/2024;15/02/2024;1.234,56;1.000,00",
      "C002;Caffè Müller;Piazza Duomo 1;20121;Milano;MI;FT 2/2024;16/01/2024;16/02/2024;€ 99,90;",
      "",
    ].join("\r\n");
    const { records, errors, summary } = await intake(iconv.encode(csv, "windows-1252"));
    expect(errors).toEqual([]);
    expect(summary).toMatchObject({
      encoding: "windows-1252",
      delimiter: ";",
      rowsRead: 2,
      linesRead: 3,
    });
    expect(ofType(records, "debtor").map((r) => r.record)).toEqual([
      { externalId: "C001", kind: "company", name: "Società Città Niccolò S.r.l." },
      { externalId: "C002", kind: "person", name: "Caffè Müller" },
    ]);
    expect(ofType(records, "contact")[0]?.record).toEqual({
      debtorExternalId: "C001",
      kind: "postal",
      value: "Via Niccolò Tommaseo 5, 35131 Padova (PD)",
      address: {
        line1: "Via Niccolò Tommaseo 5",
        postalCode: "35131",
        city: "Padova",
        province: "PD",
        country: "IT",
      },
      source: "import",
    });
    expect(ofType(records, "invoice").map((r) => r.record)).toEqual([
      {
        externalId: "FT 1/2024",
        debtorExternalId: "C001",
        number: "FT 1/2024",
        issueDate: "2024-01-15",
        dueDate: "2024-02-15",
        amountMinor: 123456n,
        openAmountMinor: 100000n,
        currency: "EUR",
        status: "open",
        documentType: "invoice",
      },
      expect.objectContaining({
        externalId: "FT 2/2024",
        amountMinor: 9990n,
        openAmountMinor: 9990n,
      }),
    ]);
  });

  it("reads a comma, UTF-8 with BOM, ISO-dated export", async () => {
    const csv =
      "\uFEFFdebtor_id,name,email,invoice_id,issue_date,due_date,amount,currency\n" +
      "D1,Niccolò Bianchi,NICCOLO@example.it,INV-1,2024-03-01,2024-03-31,1234.56,EUR\n" +
      'D2,"Verdi, Giuseppe",,INV-2,2024-03-02,2024-04-01,"1,234.50",usd\n';
    const { records, errors, summary } = await intake(csv, {}, 3);
    expect(errors).toEqual([]);
    expect(summary).toMatchObject({ encoding: "utf-8", delimiter: ",", rowsRead: 2 });
    expect(summary.columns[0]).toEqual({ header: "debtor_id", field: "debtor_id" });
    expect(ofType(records, "debtor").map((r) => r.record.name)).toEqual([
      "Niccolò Bianchi",
      "Verdi, Giuseppe",
    ]);
    expect(ofType(records, "contact").map((r) => r.record.value)).toEqual(["niccolo@example.it"]);
    expect(
      ofType(records, "invoice").map((r) => [
        r.record.dueDate,
        r.record.amountMinor,
        r.record.currency,
      ]),
    ).toEqual([
      ["2024-03-31", 123456n, "EUR"],
      ["2024-04-01", 123450n, "USD"],
    ]);
  });

  it("keeps quoted delimiters, doubled quotes and multi-line cells, and counts physical lines", async () => {
    const csv = [
      "codice_cliente;ragione_sociale;indirizzo;cap;citta;id_fattura;scadenza;importo",
      'C1;"Bar ""Da Mario""; di Rossi";"Via Roma 1',
      'Scala B; interno 3";00184;Roma;F1;31/01/2024;10,00',
      "",
      "C2;Luigi Neri;Via Po 2;10121;Torino;F2;31/02/2024;20,00",
    ].join("\r\n");
    const { records, errors, summary } = await intake(csv);
    expect(ofType(records, "debtor")[0]?.record.name).toBe('Bar "Da Mario"; di Rossi');
    expect(ofType(records, "contact")[0]?.record.address).toEqual({
      line1: "Via Roma 1",
      line2: "Scala B; interno 3",
      postalCode: "00184",
      city: "Roma",
      country: "IT",
    });
    expect(records.map((r) => [r.type, r.line])).toEqual([
      ["debtor", 2],
      ["contact", 2],
      ["invoice", 2],
      ["debtor", 5],
      ["contact", 5],
    ]);
    expect(errors).toEqual([
      {
        source: "test.csv",
        line: 5,
        field: "due_date",
        value: "31/02/2024",
        reason: "not a real calendar date",
      },
    ]);
    expect(summary.linesRead).toBe(5);
  });

  it("reports undecodable bytes after the first 256 KB of UTF-8 without stopping", async () => {
    const header = "codice_cliente;ragione_sociale;id_fattura;scadenza;importo\n";
    const good = Array.from(
      { length: 8000 },
      (_, i) => `C${i};Società ${i};F${i};31/01/2024;10,00\n`,
    ).join("");
    const bad = Buffer.concat([
      Buffer.from("CX;Caff"),
      Buffer.from([0xe8]),
      Buffer.from(" Rossi;FX;31/01/2024;5,00\n"),
    ]);
    const file = Buffer.concat([
      Buffer.from(header + good),
      bad,
      Buffer.from("CY;Ultimo;FY;31/01/2024;1,00\n"),
    ]);
    expect(file.length).toBeGreaterThan(256 * 1024);
    const { records, errors, summary } = await intake(file, {}, 64 * 1024);
    expect(summary.encoding).toBe("utf-8");
    expect(errors).toEqual([
      expect.objectContaining({ line: 8002, field: "name", value: "Caff\uFFFD Rossi" }),
    ]);
    expect(errors[0]?.reason).toMatch(/not valid UTF-8/);
    // The debtor is rejected; its invoice and the rows after it are kept.
    expect(records.filter((r) => r.line === 8002).map((r) => r.type)).toEqual(["invoice"]);
    expect(ofType(records, "debtor").at(-1)?.record.name).toBe("Ultimo");
  });

  it("stops at an unclosed quote with a row error, keeping the rows before it", async () => {
    const csv = 'debtor_id;name\nD1;Rossi\nD2;"Bianchi\nD3;Verdi\n';
    const { records, errors } = await intake(csv);
    expect(ofType(records, "debtor").map((r) => r.record.name)).toEqual(["Rossi"]);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 3,
        field: "(row)",
        reason: expect.stringMatching(/never closed/),
      }),
    ]);
  });
});

describe("readCsvIntake: file-level problems", () => {
  it("refuses a file without a debtor_id column, naming the line and the columns", async () => {
    const attempt = intake("ragione_sociale;importo\nRossi;10,00\n");
    await expect(attempt).rejects.toThrowError(CsvIntakeError);
    await expect(attempt).rejects.toThrowError(
      /header \(line 1\) has no debtor_id column.*"ragione_sociale", "importo"/,
    );
  });

  it("refuses two columns mapped to one field", async () => {
    await expect(intake("codice_cliente;cellulare;cell\nC1;347 1234567;\n")).rejects.toThrowError(
      /"cellulare" \(column 2\) and "cell" \(column 3\).*both mean mobile/,
    );
  });

  it("refuses empty, binary and UTF-16 files", async () => {
    await expect(intake("")).rejects.toThrowError(/empty/);
    await expect(intake(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).rejects.toThrowError(
      /Excel workbook/,
    );
    await expect(intake(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).rejects.toThrowError(/UTF-16/);
    await expect(intake(Buffer.from("a;b\n1;\u0000\n"))).rejects.toThrowError(/NUL byte on line 2/);
  });

  it("refuses an invalid mapping option", async () => {
    const mapping = { dateOrder: "dym" } as unknown as CsvIntakeOptions["mapping"];
    await expect(intake("debtor_id;name\nD1;X\n", { mapping })).rejects.toThrowError(
      /mapping.dateOrder/,
    );
  });
});
