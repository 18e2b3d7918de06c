import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { creditorReference } from "../domain/rf-reference.js";
import { parseStatementCsv } from "./csv-statement.js";
import { parseStatement } from "./parse-statement.js";
import { StatementError } from "./statement-error.js";

const RF = creditorReference("539007547034"); // RF18539007547034

const ITALIAN = [
  "Data contabile;Data valuta;Importo;Divisa;Causale;Ordinante;IBAN ordinante;CRO;Saldo",
  `14/03/2025;14/03/2025;1.234,56;EUR;SALDO FATTURA 12 RF18 5390 0754 7034;Mario Rossi;IT60 X054 2811 1010 0000 0123 456;0306912345678901;9.999,00`,
  "14/03/2025;15/03/2025;-12,50;EUR;COMMISSIONI;;;;",
  "",
  "31/02/2025;15/03/2025;10,00;EUR;data sbagliata;;;;",
  "2025-03-15;;1234,5;;acconto;Anna Bianchi;;;",
  "2025-03-15;;12,345;EUR;troppi decimali;;;;",
].join("\r\n");

describe("statement CSV", () => {
  it("reads an Italian export: dates, signed amounts, references in the description", () => {
    const { statement, problems } = parseStatementCsv("estratto.csv", ITALIAN, {
      accountIban: "IT60X0542811101000000123456",
    });
    expect(statement).toMatchObject({ format: "csv", version: "csv", fileName: "estratto.csv" });
    expect(statement.messageId).toMatch(/^[0-9a-f]{64}$/);
    const [report] = statement.reports;
    expect(report).toMatchObject({
      accountIban: "IT60X0542811101000000123456",
      fromDate: "2025-03-14",
      toDate: "2025-03-15",
    });
    const [credit, fee, deposit] = report!.entries;
    expect(credit).toMatchObject({
      index: 1,
      line: 2,
      amountMinor: 123456n,
      direction: "credit",
      status: "booked",
      bookingDate: "2025-03-14",
      accountServicerReference: "0306912345678901",
    });
    expect(credit!.transactions[0]).toMatchObject({
      unstructured: ["SALDO FATTURA 12 RF18 5390 0754 7034"],
      structuredReferences: [RF],
      debtorName: "Mario Rossi",
      debtorIban: "IT60X0542811101000000123456",
      accountServicerReference: "0306912345678901",
    });
    expect(fee).toMatchObject({
      line: 3,
      amountMinor: 1250n,
      direction: "debit",
      valueDate: "2025-03-15",
    });
    expect(deposit).toMatchObject({ line: 6, amountMinor: 123450n, currency: "EUR" });
    expect(problems).toEqual([
      { line: 1, field: "Saldo", reason: "column not recognised: ignored (see CSV_LAYOUT.md)" },
      {
        line: 5,
        field: "Data contabile",
        reason: '"31/02/2025" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
      },
      { line: 7, field: "Importo", reason: '"12,345" has 3 decimals; EUR allows 2' },
    ]);
  });

  it("reads English names, commas, a BOM, debit/credit columns and several accounts", () => {
    const csv = [
      "\uFEFFbooking_date,amount_ignored,debit,credit,description,account_iban,reference",
      '2025-03-14,x,,"1,234.56","Invoice 7, thanks",IT60X0542811101000000123456,RF18 5390 0754 7034',
      "2025-03-14,x,0.00,99.00,second,DE89370400440532013000,",
      "2025-03-14,x,5.00,,fee,IT60X0542811101000000123456,",
      "2025-03-14,x,5.00,6.00,both,IT60X0542811101000000123456,",
      "2025-03-14,x,,,none,IT60X0542811101000000123457,",
    ].join("\n");
    const { statement, problems } = parseStatementCsv("export.csv", csv);
    expect(statement.reports.map((r) => [r.accountIban, r.entries.length])).toEqual([
      ["IT60X0542811101000000123456", 2],
      ["DE89370400440532013000", 1],
    ]);
    const [credit, fee] = statement.reports[0]!.entries;
    expect(credit).toMatchObject({ amountMinor: 123456n, direction: "credit" });
    expect(credit!.transactions[0]!.structuredReferences).toEqual([RF]);
    expect(credit!.transactions[0]!.unstructured).toEqual(["Invoice 7, thanks"]);
    expect(fee).toMatchObject({ amountMinor: 500n, direction: "debit", line: 4 });
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [1, "amount_ignored"],
      [5, "credit"],
      [6, "amount"],
      [6, "account_iban"],
    ]);
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    const csv = "Data;Importo;Causale;Ordinante\n01/03/2025;10,00;caffè;Niccolò Rè\n";
    const { statement } = parseStatementCsv("w.csv", iconv.encode(csv, "windows-1252"));
    expect(statement.reports[0]!.entries[0]!.transactions[0]).toMatchObject({
      unstructured: ["caffè"],
      debtorName: "Niccolò Rè",
    });
  });

  it("refuses a header that names no date and amount, listing what it found and expects", () => {
    const error = (() => {
      try {
        parseStatementCsv("x.csv", "Nome;Cognome;Email\nMario;Rossi;m@r.it\n");
      } catch (e) {
        return e as StatementError;
      }
    })();
    expect(error).toBeInstanceOf(StatementError);
    expect(error!.message).toMatch(
      /^x\.csv line 1: the header row does not name the columns of a bank statement: found "Nome", "Cognome", "Email"; expected a date \(booking_date\/data contabile/,
    );
    expect(() => parseStatementCsv("x.csv", "\n\n")).toThrow("x.csv line 1: the file is empty");
    expect(() => parseStatementCsv("x.csv", "Data;Data contabile;Importo\n")).toThrow(
      'columns "Data" and "Data contabile" both mean booking_date',
    );
    expect(() => parseStatementCsv("x.csv", ITALIAN, { accountIban: "IT00" })).toThrow(
      /x\.csv, accountIban: "IT00" is not a valid IBAN/,
    );
  });

  it("gives the same keys on re-import, different keys to identical rows", () => {
    const csv = "Data;Importo;Causale\n01/03/2025;10,00;rata\n01/03/2025;10,00;rata\n";
    const keys = (text: string) =>
      parseStatementCsv("k.csv", text).statement.reports[0]!.entries.map(
        (e) => e.transactions[0]!.key,
      );
    const first = keys(csv);
    expect(first[0]).not.toBe(first[1]);
    expect(keys(csv)).toEqual(first);
  });
});

describe("parseStatement", () => {
  it("reads XML as camt and anything else as CSV", () => {
    const csv = parseStatement("a.csv", Buffer.from("Data;Importo\n01/03/2025;1,00\n"));
    expect(csv.statement.format).toBe("csv");
    const xml = `\uFEFF  <?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr><Stmt><Id>S</Id><Acct><Id><Othr><Id>123</Id></Othr></Id></Acct></Stmt></BkToCstmrStmt></Document>`;
    const camt = parseStatement("a.xml", Buffer.from(xml));
    expect(camt).toEqual({
      statement: {
        fileName: "a.xml",
        format: "camt.053",
        version: "001.02",
        messageId: "M",
        reports: [{ id: "S", accountOther: "123", entries: [] }],
      },
      problems: [],
    });
  });
});
