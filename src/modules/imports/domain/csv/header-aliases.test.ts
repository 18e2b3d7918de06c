import { describe, expect, it } from "vitest";
import { buildColumnPlan } from "./column-plan.js";
import { CsvIntakeError } from "./csv-intake-error.js";
import { sniffDelimiter } from "./delimiter-sniffing.js";
import { CANONICAL_FIELDS, type CanonicalField } from "./fields.js";
import { describeDefaultMapping, normalizeHeader, resolveHeaderAlias } from "./header-aliases.js";
import {
  parseContactType,
  parseDebtorKind,
  parseDocumentType,
  parseInvoiceStatus,
  parseOptOut,
} from "./value-vocabularies.js";

describe("header aliases", () => {
  it.each<[string, CanonicalField | undefined]>([
    ["codice_cliente", "debtor_id"],
    ["Codice Cliente", "debtor_id"],
    ["ID_CLIENTE", "debtor_id"],
    ["customer_id", "debtor_id"],
    ["Tipo soggetto", "debtor_type"],
    ["tipo", "debtor_type"],
    ["Ragione sociale", "name"],
    ["Nominativo", "name"],
    ["Denominazione", "name"],
    ["Nome", "first_name"],
    ["Cognome", "last_name"],
    ["Codice Fiscale", "tax_code"],
    ["C.F.", "tax_code"],
    ["Partita IVA", "vat_number"],
    ["P.IVA", "vat_number"],
    ["piva", "vat_number"],
    ["Lingua", "language"],
    ["Segmento", "segment"],
    ["Classe rischio", "risk_class"],
    ["Rischio", "risk_class"],
    ["E-mail", "email"],
    ["PEC", "pec"],
    ["Telefono", "phone"],
    ["Tel.", "phone"],
    ["Cellulare", "mobile"],
    ["Cell", "mobile"],
    ["Indirizzo", "address"],
    ["Via", "address"],
    ["CAP", "postal_code"],
    ["Città", "city"],
    ["CITTA'", "city"],
    ["Comune", "city"],
    ["Provincia", "province"],
    ["Prov.", "province"],
    ["Nazione", "country"],
    ["Paese", "country"],
    ["ID fattura", "invoice_id"],
    ["id_documento", "invoice_id"],
    ["Numero fattura", "invoice_number"],
    ["N° documento", "invoice_number"],
    ["n_documento", "invoice_number"],
    ["Data emissione", "issue_date"],
    ["Data documento", "issue_date"],
    ["Data Fattura", "issue_date"],
    ["Data scadenza", "due_date"],
    ["Scadenza", "due_date"],
    ["Importo", "amount"],
    ["Importo totale", "amount"],
    ["Totale", "amount"],
    ["Residuo", "open_amount"],
    ["Importo residuo", "open_amount"],
    ["Saldo", "open_amount"],
    ["Da pagare", "open_amount"],
    ["Valuta", "currency"],
    ["Divisa", "currency"],
    ["Stato", "status"],
    ["Tipo documento", "document_type"],
    ["contact_opt_out", "contact_opt_out"],
    ["Note", undefined],
    ["Agente", undefined],
  ])("%j → %s", (header, field) => {
    expect(resolveHeaderAlias(header)).toBe(field);
  });

  it("recognises every canonical name in any spelling", () => {
    for (const field of CANONICAL_FIELDS) {
      expect(resolveHeaderAlias(field)).toBe(field);
      expect(resolveHeaderAlias(field.toUpperCase().replace(/_/g, " "))).toBe(field);
    }
  });

  it("folds case, accents, spaces and punctuation", () => {
    expect(normalizeHeader("  N° Documento ")).toBe("ndocumento");
    expect(normalizeHeader("Partita I.V.A.")).toBe("partitaiva");
    expect(normalizeHeader("Città")).toBe("citta");
  });

  it("describes the default table for the docs", () => {
    const table = describeDefaultMapping();
    expect(table.map((row) => row.field)).toEqual([...CANONICAL_FIELDS]);
    const status = table.find((row) => row.field === "status");
    expect(status?.aliases).toContain("stato");
    expect(status?.record).toBe("invoice");
    expect(status?.values?.paid).toContain("saldata");
    expect(table.find((row) => row.field === "debtor_id")?.record).toBe("key");
  });
});

describe("coded values", () => {
  it.each<[string, string | undefined]>([
    ["persona", "person"],
    ["PF", "person"],
    ["Privato", "person"],
    ["azienda", "company"],
    ["Società", "company"],
    ["PG", "company"],
    ["impresa", "company"],
    ["alieno", undefined],
  ])("debtor type %j → %s", (text, kind) => {
    expect(parseDebtorKind(text)).toBe(kind);
  });

  it("reads statuses, document types, contact types and opt-outs", () => {
    expect(parseInvoiceStatus("Aperta")).toBe("open");
    expect(parseInvoiceStatus("SALDATA")).toBe("paid");
    expect(parseInvoiceStatus("stornata")).toBe("cancelled");
    expect(parseDocumentType("Nota di credito")).toBe("credit_note");
    expect(parseDocumentType("nota_credito")).toBe("credit_note");
    expect(parseDocumentType("TD04")).toBe("credit_note");
    expect(parseDocumentType("fattura")).toBe("invoice");
    expect(parseContactType("Cellulare")).toBe("mobile");
    expect(parseOptOut("sms;email")).toEqual(["sms", "email"]);
    expect(parseOptOut("tutti")).toEqual(["email", "sms", "call", "letter", "pec", "voice"]);
    expect(parseOptOut("no")).toEqual([]);
    expect(parseOptOut("piccione")).toBeUndefined();
  });
});

describe("column plan and delimiter", () => {
  it("sniffs the delimiter from the header line, outside quotes", () => {
    expect(sniffDelimiter("a;b;c\n1,2;3")).toBe(";");
    expect(sniffDelimiter("a,b,c\n")).toBe(",");
    expect(sniffDelimiter("a\tb\tc")).toBe("\t");
    expect(sniffDelimiter('"x;y",b,c')).toBe(",");
    expect(sniffDelimiter("codice_cliente")).toBe(",");
  });

  it("lets the user mapping win over aliases and lists unknown headers", () => {
    const plan = buildColumnPlan(["Cod", "Telefono", "Boh", "Note"], {
      columns: { Cod: "debtor_id", Telefono: "mobile", Note: "ignore" },
    });
    expect(plan.columns.map((c) => [c.header, c.field])).toEqual([
      ["Cod", "debtor_id"],
      ["Telefono", "mobile"],
    ]);
    expect(plan.ignoredColumns).toEqual(["Boh"]);
  });

  it("sets invoice columns aside when the file has no invoice identity", () => {
    const plan = buildColumnPlan(["codice_cliente", "nome", "cognome", "saldo"]);
    expect(plan.yieldsInvoices).toBe(false);
    expect(plan.ignoredColumns).toEqual(["saldo"]);
  });

  it("refuses two columns with one meaning, naming both", () => {
    expect(() => buildColumnPlan(["codice_cliente", "Telefono", "Tel."])).toThrowError(
      /columns "Telefono" \(column 2\) and "Tel\." \(column 3\) of the header \(line 1\) both mean phone/,
    );
  });

  it("refuses a mapping to a field that does not exist", () => {
    const mapping = { columns: { Cod: "customer" as CanonicalField } };
    expect(() => buildColumnPlan(["Cod"], mapping)).toThrowError(CsvIntakeError);
  });
});
