import { describe, expect, it } from "vitest";
import { loadSample, sampleNames } from "./samples.test-helper";
import type { FatturaBody, FatturaDocument } from "./types";

/** What each public sample must yield; values read by hand from the files. */
interface Expected {
  container: "xml" | "p7m-der" | "p7m-base64";
  format: "FPA12" | "FPR12";
  supplier: string;
  customer: [name: string, id: string];
  /** [type, number, date, total, amount due, "condition/method/due/amount"...] */
  bodies: [string, string, string, bigint, bigint, string[]][];
}

const EXPECTED: Record<string, Expected> = {
  "eigor_A10-Licenses-CreditNote.xml": {
    container: "xml",
    format: "FPA12",
    supplier: "NL809163160B01",
    customer: ["Provide Verzekeringen", "NL5790000435975"],
    bodies: [["TD04", "20150483", "2015-04-14", 17787n, 17787n, ["TP02/MP05/2015-04-14/17787"]]],
  },
  "eigor_con-bollo.xml": {
    container: "xml",
    format: "FPA12",
    supplier: "IT02241740360",
    customer: ["AZ.UNITA SANI.LOCALE DELLA ROMAGNA", "IT02483810392"],
    bodies: [["TD01", "FAT01", "2017-01-09", 130200n, 130200n, ["TP02/MP15/null/130200"]]],
  },
  "eigor_fatt-pa-plain-vanilla.xml": {
    container: "xml",
    format: "FPA12",
    supplier: "IT07945211006",
    customer: ["AZ.OSPED.PADOVA", "CF00349040287"],
    bodies: [
      ["TD04", "1-TEST", "2012-01-04", 10043527n, 10043527n, ["TP02/MP05/2012-01-04/10043527"]],
    ],
  },
  "fenet_IT02182030391_31.xml.p7m": {
    container: "p7m-der",
    format: "FPR12",
    supplier: "IT02182030391",
    customer: ["CIR 2000 snc", "IT01180680397"],
    // Split payment: the 22.00 VAT goes to the State, 100.00 to the supplier.
    bodies: [["TD01", "2", "2018-06-08", 12200n, 10000n, []]],
  },
  "fenet_IT02182030391_32.windows-1252.xml": {
    container: "xml",
    format: "FPR12",
    supplier: "IT12345678901",
    customer: ["CIR 2000 snc", "IT01180680397"],
    // 174.80 − 27.55 withholding − 31.52 split-payment VAT.
    bodies: [
      ["TD06", "3", "2017-01-27", 17480n, 11573n, ["TP02/MP05/2017-02-28/11986"]],
      ["TD06", "4", "2017-01-27", 17480n, 11573n, ["TP02/MP05/2017-02-28/11986"]],
    ],
  },
  "oca_IT01234567890_FPR03.xml.p7m": {
    container: "p7m-der",
    format: "FPR12",
    supplier: "IT02780790107",
    customer: ["BETA GAMMA", "CF03533590174"],
    bodies: [
      ["TD01", "123", "2014-12-18", 3050n, 3050n, ["TP01/MP01/2015-01-30/3250"]],
      ["TD01", "456", "2014-12-20", 244000n, 244000n, ["TP01/MP19/2015-01-28/244000"]],
    ],
  },
  "oca_IT01234567890_FPR04.base64.xml.p7m": {
    container: "p7m-base64",
    format: "FPR12",
    supplier: "IT02780790107",
    customer: ["BETA GAMMA", "CF03533590174"],
    bodies: [
      ["TD01", "123", "2014-12-18", 3050n, 3050n, ["TP01/MP01/2015-01-30/3250"]],
      ["TD01", "456", "2014-12-20", 244000n, 244000n, ["TP01/MP19/2015-01-28/244000"]],
    ],
  },
  "oca_IT01234567890_FPR06.xml": {
    container: "xml",
    format: "FPR12",
    supplier: "IT02780790107",
    customer: ["BETA GAMMA", "CF03533590174"],
    bodies: [["TD04", "123", "2020-01-09", 1830n, 1830n, []]],
  },
  "oca_IT02780790107_11004.xml": {
    container: "xml",
    format: "FPA12",
    supplier: "IT02780790107",
    customer: ["AMMINISTRAZIONE BETA", "CF80213330584"],
    bodies: [
      [
        "TD01",
        "123",
        "2014-12-18",
        4148n,
        4148n,
        ["TP01/MP05/2015-04-30/2000", "TP01/MP05/2015-05-30/900", "TP02/MP05/2015-06-30/150"],
      ],
    ],
  },
  "official_IT01234567890_FPA01.xml": {
    container: "xml",
    format: "FPA12",
    supplier: "IT01234567890",
    customer: ["AMMINISTRAZIONE BETA", "CF09876543210"],
    bodies: [["TD01", "123", "2017-01-18", 610n, 610n, ["TP01/MP01/2017-02-18/610"]]],
  },
  "official_IT01234567890_FPA02.xml": {
    container: "xml",
    format: "FPA12",
    supplier: "IT01234567890",
    customer: ["AMMINISTRAZIONE BETA", "CF09876543210"],
    bodies: [["TD01", "123", "2017-01-18", 3050n, 3050n, ["TP01/MP01/2017-03-30/3050"]]],
  },
  "official_IT01234567890_FPA03.xml": {
    container: "xml",
    format: "FPA12",
    supplier: "IT01234567890",
    customer: ["AMMINISTRAZIONE BETA", "CF09876543210"],
    bodies: [
      ["TD01", "12", "2017-01-18", 3050n, 3050n, ["TP01/MP01/2017-02-18/3050"]],
      ["TD01", "456", "2017-01-20", 244000n, 244000n, ["TP01/MP19/2017-02-20/244000"]],
    ],
  },
  "official_IT01234567890_FPR01.xml": {
    container: "xml",
    format: "FPR12",
    supplier: "IT01234567890",
    customer: ["DITTA BETA", "CF09876543210"],
    bodies: [["TD01", "123", "2014-12-18", 610n, 610n, ["TP01/MP01/2015-01-30/610"]]],
  },
  "official_IT01234567890_FPR02.xml": {
    container: "xml",
    format: "FPR12",
    supplier: "IT01234567890",
    customer: ["BETA GAMMA", "CF09876543210"],
    bodies: [["TD01", "123", "2014-12-18", 3295n, 3295n, ["TP01/MP01/2015-01-30/3295"]]],
  },
  "official_IT01234567890_FPR03.xml": {
    container: "xml",
    format: "FPR12",
    supplier: "IT01234567890",
    customer: ["BETA GAMMA", "CF09876543210"],
    bodies: [
      ["TD01", "123", "2014-12-18", 3295n, 3295n, ["TP01/MP01/2015-01-30/3295"]],
      ["TD01", "456", "2014-12-20", 244000n, 244000n, ["TP01/MP19/2015-01-28/244000"]],
    ],
  },
};

function customerId(doc: FatturaDocument): string {
  const c = doc.customer;
  return c.vatNumber ? `${c.vatCountry}${c.vatNumber}` : `CF${c.taxCode}`;
}

function bodySummary(b: FatturaBody) {
  return [
    b.documentType,
    b.number,
    b.date,
    b.totalMinor,
    b.amountDueMinor,
    b.installments.map((i) => `${i.condition}/${i.method}/${i.dueDate}/${i.amountMinor}`),
  ];
}

describe("every FatturaPA sample parses", () => {
  it("covers all 15 shared samples", () => {
    expect(sampleNames()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", (name, expected) => {
    const { doc, container } = loadSample(name);
    expect(container).toBe(expected.container);
    expect(doc.format).toBe(expected.format);
    expect(`${doc.supplier.vatCountry}${doc.supplier.vatNumber}`).toBe(expected.supplier);
    expect([doc.customer.name, customerId(doc)]).toEqual(expected.customer);
    expect(doc.bodies.map(bodySummary)).toEqual(expected.bodies);
    for (const body of doc.bodies) {
      expect(body.isCreditNote).toBe(body.documentType === "TD04");
      expect(body.currency).toBe("EUR");
    }
  });
});

describe("sample quirks", () => {
  it("official FPA01: header fields, company customer by 11-digit CF, total from DatiRiepilogo", () => {
    const { doc } = loadSample("official_IT01234567890_FPA01.xml");
    expect(doc.transmission).toEqual({
      progressiveId: "00001",
      senderId: "IT01234567890",
      recipientCode: "AAAAAA",
    });
    expect(doc.supplier).toMatchObject({ name: "ALPHA SRL", address: { city: "SASSARI" } });
    expect(doc.customer).toMatchObject({
      kind: "company",
      taxCode: "09876543210",
      address: {
        line1: "VIA TORINO 38-B",
        postalCode: "00145",
        city: "ROMA",
        province: "RM",
        country: "IT",
      },
    });
    expect(doc.customer.pec).toBeUndefined();
    expect(doc.bodies[0]!.totalSource).toBe("DatiRiepilogo"); // 5.00 + 1.10
  });

  it("official FPR02 carries the customer's PEC in DatiTrasmissione", () => {
    const { doc } = loadSample("official_IT01234567890_FPR02.xml");
    expect(doc.customer.pec).toBe("betagamma@pec.it");
    expect(doc.customer.lines.pec).toBe(15);
  });

  it("lots: FPA03 and FPR03 have two bodies with their own lines", () => {
    const { doc } = loadSample("official_IT01234567890_FPA03.xml");
    expect(doc.bodies.map((b) => [b.index, b.line])).toEqual([
      [1, 51],
      [2, 136],
    ]);
  });

  it("eigor plain-vanilla: TD04 with an IBAN failing mod-97 is kept, flagged, not rejected", () => {
    const { doc } = loadSample("eigor_fatt-pa-plain-vanilla.xml");
    const [inst] = doc.bodies[0]!.installments;
    expect(inst).toMatchObject({
      iban: "IT99X0100000000000000001111",
      ibanValid: false,
      termDays: 0,
      bankName: "BANCA TEST AGENZIA DI TEST - 20100 MI", // was split over lines
    });
    expect(doc.supplier.taxCode).toBe("07945211006");
    expect(doc.transmission.progressiveId).toBe("1031");
  });

  it("eigor A10: foreign parties and a valid Dutch IBAN with BIC", () => {
    const { doc } = loadSample("eigor_A10-Licenses-CreditNote.xml");
    expect(doc.customer).toMatchObject({ vatCountry: "NL", address: { country: "NL" } });
    expect(doc.customer.address?.province).toBeUndefined();
    expect(doc.bodies[0]!.installments[0]).toMatchObject({
      iban: "NL13RABO0377815500",
      ibanValid: true,
      bic: "RABONL2U",
    });
  });

  it("eigor con-bollo: 'nx:' root prefix, no due date, total from ImportoTotaleDocumento", () => {
    const { doc } = loadSample("eigor_con-bollo.xml");
    const body = doc.bodies[0]!;
    expect(body.totalSource).toBe("ImportoTotaleDocumento");
    expect(body.installments[0]).toMatchObject({
      dueDate: null,
      ibanValid: true,
      bankName: "UNICREDIT SPA",
    });
  });

  it("fenet 31 (.p7m, BER indefinite lengths): BOM dropped, CRLF kept, split payment", () => {
    const { doc, xml, encoding } = loadSample("fenet_IT02182030391_31.xml.p7m");
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\r\n')).toBe(true);
    expect(encoding).toBe("utf-8");
    expect(doc.transmission.progressiveId).toBe("31");
    expect(doc.customer.pec).toBe("cir2000snc@pec.it");
    expect(doc.bodies[0]).toMatchObject({ splitPaymentVatMinor: 2200n, installments: [] });
    expect(doc.bodies[0]!.withholdingMinor).toBeUndefined();
  });

  it("fenet 32: windows-1252 declaration, stylesheet PI, withholding and linked invoices", () => {
    const { doc, encoding } = loadSample("fenet_IT02182030391_32.windows-1252.xml");
    expect(encoding).toBe("windows-1252");
    expect(doc.supplier.name).toBe("Azienda di esempio");
    const body = doc.bodies[1]!;
    expect(body).toMatchObject({ withholdingMinor: 2755n, splitPaymentVatMinor: 3152n });
    expect(body.relatedInvoices).toEqual([
      { number: "99", date: "2017-02-28" },
      { number: "99bis" },
    ]);
    expect(body.relatedInvoiceNumbers).toEqual(["99", "99bis"]);
    expect(body.installments[0]!.ibanValid).toBeNull();
  });

  it("oca 11004: two DatiPagamento, TP01 with two instalments plus TP02, IBAN + BIC", () => {
    const { doc } = loadSample("oca_IT02780790107_11004.xml");
    const installments = doc.bodies[0]!.installments;
    expect(installments).toHaveLength(3);
    for (const inst of installments) {
      expect(inst).toMatchObject({
        iban: "IT28V0100003245232200001200",
        ibanValid: true,
        bic: "GEBABEBB",
        bankName: "Bank Test",
      });
    }
    // The ds namespace URI holds '&quot;': well-formed, and irrelevant to the data.
    expect(doc.customer.taxCode).toBe("80213330584");
  });

  it("oca p7m DER and Base64 envelopes hold byte-identical XML", () => {
    const der = loadSample("oca_IT01234567890_FPR03.xml.p7m");
    const base64 = loadSample("oca_IT01234567890_FPR04.base64.xml.p7m");
    expect(base64.xml).toBe(der.xml);
    expect(base64.doc).toEqual(der.doc);
    expect(der.xml.length).toBe(6564);
  });

  it("the oca p7m lot is OCA's variant of official FPR03, not a copy", () => {
    const signed = loadSample("oca_IT01234567890_FPR03.xml.p7m").doc;
    const plain = loadSample("official_IT01234567890_FPR03.xml").doc;
    expect(signed.bodies.map((b) => [b.number, b.date])).toEqual(
      plain.bodies.map((b) => [b.number, b.date]),
    );
    expect(signed.bodies[1]!.totalMinor).toBe(plain.bodies[1]!.totalMinor);
    expect(signed.bodies[0]!.totalMinor).not.toBe(plain.bodies[0]!.totalMinor); // 30.50 vs 32.95
  });
});
