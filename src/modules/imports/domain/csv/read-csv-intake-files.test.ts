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

describe("readCsvIntake: separate debtors, contacts and invoices files", () => {
  it("reads a debtors file", async () => {
    const csv = [
      "codice_cliente;nome;cognome;ragione_sociale;codice_fiscale;partita_iva;tipo_soggetto;lingua;segmento;classe_rischio",
      "D1;Mario;Rossi;;RSSMRA80A01H501U;;;it;retail;B",
      "D2;;;Verdi Impianti S.p.A.;;IT12345678903;;EN;pmi;",
      "D3;;;Studio Bianchi;;;PG;;;",
      "D4;;;Gianni Neri;;;;;;",
    ].join("\n");
    const { records, errors } = await intake(csv);
    expect(errors).toEqual([]);
    expect(records.every((r) => r.type === "debtor")).toBe(true);
    expect(ofType(records, "debtor")).toEqual([
      {
        externalId: "D1",
        kind: "person",
        name: "Mario Rossi",
        firstName: "Mario",
        lastName: "Rossi",
        taxCode: "RSSMRA80A01H501U",
        language: "it",
        segment: "retail",
        riskClass: "B",
      },
      {
        externalId: "D2",
        kind: "company",
        name: "Verdi Impianti S.p.A.",
        vatNumber: "12345678903",
        language: "en",
        segment: "pmi",
      },
      { externalId: "D3", kind: "company", name: "Studio Bianchi" },
      { externalId: "D4", kind: "person", name: "Gianni Neri" },
    ]);
  });

  it("reads a contacts file, one contact per row", async () => {
    const csv = [
      "codice_cliente;tipo_contatto;contatto;opt_out",
      "D1;email;Mario.Rossi@Example.it;",
      "D1;cellulare;+39 347 1234567;sms",
      "D1;telefono;02 12345678;tutti",
      "D2;pec;verdi@pec.it;",
      'D2;indirizzo;"Via Roma 1, Scala B, 20121 Milano (MI)";',
      "D3;;mario@example.com;",
      "D3;fax;02 1234;",
    ].join("\n");
    const { records, errors } = await intake(csv);
    expect(ofType(records, "contact")).toEqual([
      { debtorExternalId: "D1", kind: "email", value: "mario.rossi@example.it", source: "import" },
      {
        debtorExternalId: "D1",
        kind: "phone",
        value: "+393471234567",
        phoneType: "mobile",
        source: "import",
        optOut: ["sms"],
      },
      {
        debtorExternalId: "D1",
        kind: "phone",
        value: "+390212345678",
        phoneType: "fixed",
        source: "import",
        optOut: ["sms", "call", "voice"],
      },
      { debtorExternalId: "D2", kind: "pec", value: "verdi@pec.it", source: "import" },
      {
        debtorExternalId: "D2",
        kind: "postal",
        value: "Via Roma 1, Scala B, 20121 Milano (MI)",
        address: {
          line1: "Via Roma 1",
          line2: "Scala B",
          postalCode: "20121",
          city: "Milano",
          province: "MI",
          country: "IT",
        },
        source: "import",
      },
      { debtorExternalId: "D3", kind: "email", value: "mario@example.com", source: "import" },
    ]);
    expect(errors).toEqual([
      {
        source: "file.csv",
        line: 8,
        field: "contact_type",
        value: "fax",
        reason: "not a known contact type: expected email, pec, telefono, cellulare or indirizzo",
      },
    ]);
  });

  it("reads an invoices file with statuses, credit notes and defaults", async () => {
    const csv = [
      "codice_cliente;id_fattura;numero_fattura;data_emissione;data_scadenza;importo;residuo;stato;tipo_documento;valuta",
      "D1;F1;2024/001;10/01/2024;10/02/2024;1.220,00;;;;",
      "D1;F2;;;28/02/2024;500,00;;pagata;fattura;",
      "D1;NC1;2024/NC1;;31/03/2024;100,00;100,00;aperta;Nota di credito;EUR",
      "D2;F3;;;15/04/2024;-50,00;;annullata;;",
    ].join("\n");
    const { records, errors } = await intake(csv, { mapping: { defaults: { currency: "chf" } } });
    expect(errors).toEqual([]);
    expect(ofType(records, "invoice")).toEqual([
      {
        externalId: "F1",
        debtorExternalId: "D1",
        number: "2024/001",
        issueDate: "2024-01-10",
        dueDate: "2024-02-10",
        amountMinor: 122000n,
        openAmountMinor: 122000n,
        currency: "CHF",
        status: "open",
        documentType: "invoice",
      },
      expect.objectContaining({
        externalId: "F2",
        number: "F2",
        issueDate: "2024-02-28",
        openAmountMinor: 0n,
        status: "paid",
      }),
      expect.objectContaining({
        externalId: "NC1",
        amountMinor: -10000n,
        openAmountMinor: -10000n,
        currency: "EUR",
        documentType: "credit_note",
      }),
      expect.objectContaining({
        externalId: "F3",
        amountMinor: -5000n,
        openAmountMinor: 0n,
        status: "cancelled",
      }),
    ]);
  });
});

describe("readCsvIntake: rows with errors", () => {
  it("rejects only the record a bad field belongs to, with exact row errors", async () => {
    const csv = [
      "codice_cliente;ragione_sociale;codice_fiscale;id_fattura;scadenza;importo",
      "D1;Mario Rossi;RSSMRA80A01H501U;F1;31/01/2024;100,00",
      "D2;Giuseppe Verdi;VRDGPP80A01F205A;F2;31/01/2024;200,00",
      "D3;Laura Bianchi;BNCLRA85M41H501Z;F3;31/01/2024;trecento",
      "D4;Lorenzo Niccolò;NCCLNZ75C12L219Y;F4;31/04/2024;400,00",
      "D5;Anna Gialli;;F5;31/05/2024;500,00",
    ].join("\n");
    const { records, errors, summary } = await intake(csv);
    expect(errors).toEqual([
      {
        source: "file.csv",
        line: 3,
        field: "tax_code",
        value: "VRDGPP80A01F205A",
        reason: "not a valid Italian tax code: check digit mismatch",
      },
      {
        source: "file.csv",
        line: 4,
        field: "amount",
        value: "trecento",
        reason: "not a valid amount: expected a number such as 1.234,56, with at most 2 decimals",
      },
      {
        source: "file.csv",
        line: 5,
        field: "due_date",
        value: "31/04/2024",
        reason: "not a real calendar date",
      },
    ]);
    expect(records.map((r) => `${r.type}@${r.line}`)).toEqual([
      "debtor@2",
      "invoice@2",
      "invoice@3",
      "debtor@4",
      "debtor@5",
      "debtor@6",
      "invoice@6",
    ]);
    expect(summary).toMatchObject({
      rowsRead: 5,
      errors: 3,
      records: { debtor: 4, contact: 0, invoice: 3 },
    });
  });

  it("rejects a bad phone alone, keeping the debtor, its other contacts and the invoice", async () => {
    const csv = [
      "codice_cliente;ragione_sociale;telefono;email;id_fattura;scadenza;importo",
      "D1;Rossi S.r.l.;12;info@rossi.it;F1;31/01/2024;10,00",
      ";;;;F9;31/01/2024;10,00",
      ";;;;;;",
    ].join("\n");
    const { records, errors, summary } = await intake(csv);
    expect(records.map((r) => r.type)).toEqual(["debtor", "contact", "invoice"]);
    expect(errors).toEqual([
      expect.objectContaining({ line: 2, field: "phone", value: "12" }),
      { source: "file.csv", line: 3, field: "debtor_id", reason: "debtor_id is required" },
    ]);
    expect(summary.rowsRead).toBe(2);
  });

  it("emits a debtor's cells once while they repeat, and again when they change", async () => {
    const row = (invoice: string, mobile: string) =>
      `D1;Rossi S.r.l.;${mobile};${invoice};31/01/2024;10,00`;
    const csv = [
      "codice_cliente;ragione_sociale;cellulare;id_fattura;scadenza;importo",
      row("F1", "347 1234567"),
      row("F2", "347 1234567"),
      row("F3", "348 7654321"),
      row("F4", "348 7654321"),
    ].join("\n");
    const { records } = await intake(csv);
    expect(records.map((r) => `${r.type}@${r.line}`)).toEqual([
      "debtor@2",
      "contact@2",
      "invoice@2",
      "invoice@3",
      "debtor@4",
      "contact@4",
      "invoice@4",
      "invoice@5",
    ]);
  });
});
