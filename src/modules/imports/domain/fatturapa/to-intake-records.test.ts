import { describe, expect, it } from "vitest";
import type { ContactRecord, DebtorRecord, IntakeRecord, InvoiceRecord } from "../records";
import { isValidIban } from "./iban";
import { parseFattura } from "./parse-fattura";
import { loadSample, sampleText } from "./samples.test-helper";
import { fatturaToIntakeRecords } from "./to-intake-records";

const FPA01 = sampleText("official_IT01234567890_FPA01.xml");
const FPA03 = sampleText("official_IT01234567890_FPA03.xml");

function mapSample(name: string, defaultLanguage?: string) {
  return fatturaToIntakeRecords(loadSample(name).doc, { fileName: name, defaultLanguage });
}
function mapXml(xml: string) {
  return fatturaToIntakeRecords(parseFattura(xml, "t.xml"), { fileName: "t.xml" });
}
const debtors = (records: IntakeRecord[]): DebtorRecord[] =>
  records.flatMap((r) => (r.type === "debtor" ? [r.record] : []));
const contacts = (records: IntakeRecord[]): ContactRecord[] =>
  records.flatMap((r) => (r.type === "contact" ? [r.record] : []));
const invoices = (records: IntakeRecord[]): InvoiceRecord[] =>
  records.flatMap((r) => (r.type === "invoice" ? [r.record] : []));

/** Puts another customer identity into FPA01 (whose CF 09876543210 fails its check). */
function withCustomerIds(ids: string): string {
  return FPA01.replace("<CodiceFiscale>09876543210</CodiceFiscale>", ids);
}

describe("fatturaToIntakeRecords: official FPR02", () => {
  const { records, errors } = mapSample("official_IT01234567890_FPR02.xml");

  it("produces a debtor, postal and PEC contacts and the invoice, each with its XML line", () => {
    expect(records.map((r) => [r.type, r.line])).toEqual([
      ["debtor", 37],
      ["contact", 44],
      ["contact", 15],
      ["invoice", 53],
    ]);
    expect(debtors(records)[0]).toEqual({
      externalId: "09876543210",
      kind: "company",
      name: "BETA GAMMA",
      language: "it",
      timeZone: "Europe/Rome",
    });
    expect(contacts(records)).toEqual([
      {
        debtorExternalId: "09876543210",
        kind: "postal",
        value: "VIA TORINO 38-B, 00145 ROMA (RM), IT",
        address: {
          line1: "VIA TORINO 38-B",
          postalCode: "00145",
          city: "ROMA",
          province: "RM",
          country: "IT",
        },
        source: "fatturapa",
      },
      {
        debtorExternalId: "09876543210",
        kind: "pec",
        value: "betagamma@pec.it",
        source: "fatturapa",
      },
    ]);
    expect(invoices(records)[0]).toEqual({
      externalId: "IT01234567890/2014/123/TD01",
      debtorExternalId: "09876543210",
      number: "123",
      issueDate: "2014-12-18",
      dueDate: "2015-01-30",
      amountMinor: 3295n,
      openAmountMinor: 3295n,
      currency: "EUR",
      status: "open",
      documentType: "invoice",
      installments: [{ seq: 1, dueDate: "2015-01-30", amountMinor: 3295n, paymentMethod: "MP01" }],
    });
  });

  it("reports the customer's failing codice fiscale but keeps the debtor keyed by it", () => {
    expect(errors).toEqual([
      {
        source: "official_IT01234567890_FPR02.xml",
        line: 39,
        field: "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/CodiceFiscale",
        value: "09876543210",
        reason: "invalid codice fiscale (format or check character)",
      },
    ]);
    expect(debtors(records)[0]!.taxCode).toBeUndefined();
  });
});

describe("fatturaToIntakeRecords: identifiers", () => {
  it("keys a company with a VAT number by IT + VAT and keeps both valid codes", () => {
    const { records, errors } = mapSample("eigor_con-bollo.xml");
    expect(errors).toEqual([]);
    expect(debtors(records)[0]).toMatchObject({
      externalId: "IT02483810392",
      vatNumber: "02483810392",
    });
  });

  it("keys a public body without VAT by its numeric codice fiscale", () => {
    const { records, errors } = mapSample("oca_IT02780790107_11004.xml");
    expect(errors).toEqual([]);
    expect(debtors(records)[0]).toMatchObject({
      externalId: "80213330584",
      taxCode: "80213330584",
    });
  });

  it("drops a failing codice fiscale when a valid VAT number remains", () => {
    const xml = withCustomerIds(
      "<IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>02483810392</IdCodice></IdFiscaleIVA><CodiceFiscale>09876543210</CodiceFiscale>",
    );
    const { records, errors } = mapXml(xml);
    expect(debtors(records)[0]).toEqual(
      expect.objectContaining({ externalId: "IT02483810392", vatNumber: "02483810392" }),
    );
    expect(debtors(records)[0]!.taxCode).toBeUndefined();
    expect(errors.map((e) => e.field)).toEqual([
      "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/CodiceFiscale",
    ]);
    expect(invoices(records)[0]!.debtorExternalId).toBe("IT02483810392");
  });

  it("drops a failing VAT number when a valid codice fiscale remains", () => {
    const xml = withCustomerIds(
      "<IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>12345678901</IdCodice></IdFiscaleIVA><CodiceFiscale>03533590174</CodiceFiscale>",
    );
    const { records, errors } = mapXml(xml);
    expect(debtors(records)[0]).toMatchObject({
      externalId: "03533590174",
      taxCode: "03533590174",
    });
    expect(debtors(records)[0]!.vatNumber).toBeUndefined();
    expect(errors).toMatchObject([
      {
        field:
          "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/IdFiscaleIVA/IdCodice",
        value: "12345678901",
        line: 37, // the replaced CodiceFiscale's line: the ids were inserted on one line
      },
    ]);
  });

  it("makes a person with a 16-character codice fiscale, keyed by it even with a VAT number", () => {
    const xml = withCustomerIds(
      "<IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>02483810392</IdCodice></IdFiscaleIVA><CodiceFiscale>rssmra45c12f205c</CodiceFiscale>",
    ).replace(
      "<Denominazione>AMMINISTRAZIONE BETA</Denominazione>",
      "<Nome>Mario</Nome><Cognome>Rossi</Cognome>",
    );
    const { records, errors } = mapXml(xml);
    expect(errors).toEqual([]);
    expect(debtors(records)[0]).toEqual({
      externalId: "RSSMRA45C12F205C",
      kind: "person",
      name: "Mario Rossi",
      firstName: "Mario",
      lastName: "Rossi",
      taxCode: "RSSMRA45C12F205C",
      vatNumber: "02483810392",
      language: "it",
      timeZone: "Europe/Rome",
    });
  });

  it("yields no records, only errors, when the customer has no identifier at all", () => {
    const { records, errors } = mapXml(withCustomerIds(""));
    expect(records).toEqual([]);
    expect(errors.map((e) => [e.field, e.line])).toEqual([
      ["FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici", 35],
      ["FatturaElettronicaBody", 51],
    ]);
  });

  it("keys a foreign company by country + VAT and uses the default language", () => {
    const { records } = mapSample("eigor_A10-Licenses-CreditNote.xml", "en");
    expect(debtors(records)[0]).toEqual({
      externalId: "NL5790000435975",
      kind: "company",
      name: "Provide Verzekeringen",
      language: "en",
    });
    expect(contacts(records)[0]!.value).toBe("Henry Dunantweg 42, 99999 Alphen aan den Rijn, NL");
  });

  it("reports a PEC that is not an address and skips that contact", () => {
    const xml = FPA01.replace(
      "<CodiceDestinatario>AAAAAA</CodiceDestinatario>",
      "<CodiceDestinatario>0000000</CodiceDestinatario><PECDestinatario>not-a-mailbox</PECDestinatario>",
    );
    const { records, errors } = mapXml(xml);
    expect(contacts(records).map((c) => c.kind)).toEqual(["postal"]);
    expect(errors[1]).toMatchObject({
      field: "FatturaElettronicaHeader/DatiTrasmissione/PECDestinatario",
      value: "not-a-mailbox",
    });
  });
});

describe("fatturaToIntakeRecords: invoices", () => {
  it("makes negative credit notes without instalments", () => {
    const { records } = mapSample("eigor_fatt-pa-plain-vanilla.xml");
    expect(invoices(records)[0]).toEqual({
      externalId: "IT07945211006/2012/1-TEST/TD04",
      debtorExternalId: "00349040287",
      number: "1-TEST",
      issueDate: "2012-01-04",
      dueDate: "2012-01-04",
      amountMinor: -10043527n,
      openAmountMinor: -10043527n,
      currency: "EUR",
      status: "open",
      documentType: "credit_note",
    });
  });

  it("makes a credit note negative even when its amounts are written negative", () => {
    const xml = sampleText("oca_IT01234567890_FPR06.xml")
      .replace("<ImponibileImporto>15.00<", "<ImponibileImporto>-15.00<")
      .replace("<Imposta>3.30<", "<Imposta>-3.30<");
    expect(invoices(mapXml(xml).records)[0]!.amountMinor).toBe(-1830n);
  });

  it("maps each body of a lot to its own invoice", () => {
    const { records } = mapSample("official_IT01234567890_FPA03.xml");
    expect(invoices(records).map((i) => [i.externalId, i.amountMinor, i.dueDate])).toEqual([
      ["IT01234567890/2017/12/TD01", 3050n, "2017-02-18"],
      ["IT01234567890/2017/456/TD01", 244000n, "2017-02-20"],
    ]);
  });

  it("orders instalments by due date and uses the earliest as the invoice due date", () => {
    const { records } = mapSample("oca_IT02780790107_11004.xml");
    const invoice = invoices(records)[0]!;
    expect(invoice.dueDate).toBe("2015-04-30");
    expect(invoice.installments?.map((i) => [i.seq, i.dueDate, i.amountMinor])).toEqual([
      [1, "2015-04-30", 2000n],
      [2, "2015-05-30", 900n],
      [3, "2015-06-30", 150n],
    ]);
    expect(invoice.installments?.[0]).toMatchObject({
      paymentMethod: "MP05",
      iban: "IT28V0100003245232200001200",
    });
  });

  it("uses the document date for an instalment without a due date", () => {
    const invoice = invoices(mapSample("eigor_con-bollo.xml").records)[0]!;
    expect(invoice.dueDate).toBe("2017-01-09");
    expect(invoice.installments?.[0]).toMatchObject({
      dueDate: "2017-01-09",
      amountMinor: 130200n,
    });
  });

  it("computes a due date stated as days from a reference date", () => {
    const xml = FPA01.replace(
      "<DataScadenzaPagamento>2017-02-18</DataScadenzaPagamento>",
      "<DataRiferimentoTerminiPagamento>2017-01-31</DataRiferimentoTerminiPagamento><GiorniTerminiPagamento>30</GiorniTerminiPagamento>",
    );
    expect(invoices(mapXml(xml).records)[0]!.dueDate).toBe("2017-03-02");
  });

  it("bills the amount due: total less withholding and split-payment VAT", () => {
    const { records } = mapSample("fenet_IT02182030391_32.windows-1252.xml");
    expect(invoices(records).map((i) => [i.externalId, i.amountMinor])).toEqual([
      ["IT12345678901/2017/3/TD06", 11573n],
      ["IT12345678901/2017/4/TD06", 11573n],
    ]);
    // TD06 is not a credit note, so its DatiFattureCollegate do not become links.
    expect(invoices(records)[0]!.relatedExternalIds).toBeUndefined();
  });

  it("links a credit note to an invoice in the same lot, else rebuilds the id from the reference", () => {
    const linked = (refs: string) => `<DatiFattureCollegate>${refs}</DatiFattureCollegate>`;
    const xml = FPA03.replace(
      "<TipoDocumento>TD01</TipoDocumento>\n        <Divisa>EUR</Divisa>\n        <Data>2017-01-20</Data>",
      "<TipoDocumento>TD04</TipoDocumento>\n        <Divisa>EUR</Divisa>\n        <Data>2017-01-20</Data>",
    ).replace(
      "<IdDocumento>85666</IdDocumento>\n        <NumItem>1</NumItem>\n        <CodiceCUP>123abc</CodiceCUP>\n\t    <CodiceCIG>456def</CodiceCIG>\n      </DatiOrdineAcquisto>",
      `<IdDocumento>85666</IdDocumento>\n      </DatiOrdineAcquisto>${linked("<IdDocumento>12</IdDocumento>")}${linked("<IdDocumento>7</IdDocumento><Data>2016-11-30</Data>")}${linked("<IdDocumento>8</IdDocumento>")}`,
    );
    const [invoice, creditNote] = invoices(mapXml(xml).records);
    expect(invoice!.relatedExternalIds).toBeUndefined();
    expect(creditNote).toMatchObject({ documentType: "credit_note", amountMinor: -244000n });
    expect(creditNote!.relatedExternalIds).toEqual([
      "IT01234567890/2017/12/TD01", // in this file
      "IT01234567890/2016/7/TD01", // year from the reference's date
      "IT01234567890/2017/8/TD01", // no date: the credit note's year is assumed
    ]);
  });
});

describe("isValidIban", () => {
  it.each([
    ["NL13RABO0377815500", true],
    ["IT60 X054 2811 1010 0000 0123 456", true],
    ["IT99X0100000000000000001111", false],
    ["IT60X0542811101000000123457", false],
    ["not an iban", false],
  ])("%s → %s", (iban, valid) => {
    expect(isValidIban(iban)).toBe(valid);
  });
});
