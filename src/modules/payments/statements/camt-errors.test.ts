import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseCamt } from "./camt-parse.js";
import { camt053, FIRST_NTRY_LINE } from "./camt-test-files.js";
import { StatementError } from "./statement-error.js";

const AMT_LINE = FIRST_NTRY_LINE + 1;

function errorOf(run: () => unknown): StatementError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StatementError);
    return error as StatementError;
  }
  throw new Error("expected a StatementError");
}

describe("camt files that are refused", () => {
  it("refuses a DOCTYPE with an external entity and never reads the entity", () => {
    const xml = camt053([{ debtor: "&xxe;" }]).replace(
      '<?xml version="1.0" encoding="UTF-8"?>\n',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Document [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n',
    );
    const error = errorOf(() => parseCamt("bank.xml", xml));
    expect(error.message).toMatch(
      /^bank\.xml line 2: not well-formed XML: DOCTYPE declarations are refused/,
    );
    expect(error.message).toContain("XXE");
    expect(error.code).toBe("validation_failed");
    expect(error.details).toMatchObject({ file: "bank.xml", line: 2 });
  });

  it("refuses a reference to an undeclared entity", () => {
    const error = errorOf(() => parseCamt("bank.xml", camt053([{ debtor: "&xxe;" }])));
    expect(error.message).toBe(
      `bank.xml line ${FIRST_NTRY_LINE + 9}: not well-formed XML: entity &xxe; is not allowed (entities are never expanded)`,
    );
  });

  it("refuses a truncated file, naming the element left open", () => {
    const xml = camt053([{}, {}]);
    const secondEntry = xml.indexOf("<Ntry>", xml.indexOf("</Ntry>"));
    const cut = xml.slice(0, xml.indexOf("<Sts>", secondEntry));
    const error = errorOf(() => parseCamt("bank.xml", cut));
    expect(error.message).toBe(
      `bank.xml line ${FIRST_NTRY_LINE + 16}: not well-formed XML: the file ends before </Ntry> (opened on line ${FIRST_NTRY_LINE + 12}): is it truncated?`,
    );
    expect(error.line).toBe(FIRST_NTRY_LINE + 16);
    expect(() => parseCamt("bank.xml", xml.slice(0, xml.indexOf('Ccy="EUR"') + 6))).toThrow(
      "bank.xml line 18: not well-formed XML: the file ends inside an attribute value: is it truncated?",
    );
  });

  it("refuses malformed XML, naming the line", () => {
    const xml = camt053([{}]).replace("<Sts>BOOK</Sts>", "<Sts>BOOK</Stst>");
    const error = errorOf(() => parseCamt("bank.xml", xml));
    expect(error.message).toBe(
      `bank.xml line ${FIRST_NTRY_LINE + 4}: not well-formed XML: </Stst> closes <Sts> (opened on line ${FIRST_NTRY_LINE + 4})`,
    );
    expect(() => parseCamt("x.xml", camt053([{}]).replace("</Ntry>", ""))).toThrow(
      `x.xml line ${FIRST_NTRY_LINE + 12}: not well-formed XML: </Stmt> closes <Ntry> (opened on line ${FIRST_NTRY_LINE})`,
    );
    expect(() => parseCamt("x.xml", camt053([{ debtor: "A < B" }]))).toThrow(
      /line 31: not well-formed XML: "<" not followed by an element name/,
    );
    expect(() => parseCamt("x.xml", "<Document/><Document/>")).toThrow(/second root/);
    expect(() => parseCamt("x.xml", "")).toThrow(/no XML element/);
  });

  it("refuses an unknown version and messages that are not statements", () => {
    const v99 = camt053([{}], { namespace: "urn:iso:std:iso:20022:tech:xsd:camt.053.001.99" });
    expect(errorOf(() => parseCamt("bank.xml", v99)).message).toBe(
      "bank.xml line 3: camt.053.001.99 is not a supported version (expected camt.052, camt.053 or camt.054 version 001.02–001.08)",
    );
    const pain = camt053([{}], { namespace: "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" });
    expect(errorOf(() => parseCamt("bank.xml", pain)).message).toMatch(
      /^bank\.xml line 3: a pain\.001\.001\.03 message is not a bank statement/,
    );
    const wrongBody = camt053([{}], {
      namespace: "urn:iso:std:iso:20022:tech:xsd:camt.054.001.04",
    });
    expect(errorOf(() => parseCamt("bank.xml", wrongBody)).message).toBe(
      "bank.xml line 3: a camt.054 document must hold <BkToCstmrDbtCdtNtfctn>, found <BkToCstmrStmt>",
    );
  });

  it("reads a file without namespace only when the message element says what it is", () => {
    const plain = camt053([{}]).replace(/ xmlns="[^"]*"/, "");
    expect(parseCamt("bank.xml", plain)).toMatchObject({ format: "camt.053", version: "unknown" });
    const other = plain.replaceAll("BkToCstmrStmt", "CstmrCdtTrfInitn");
    expect(errorOf(() => parseCamt("bank.xml", other)).message).toMatch(
      /^bank\.xml line 3: no namespace, and <CstmrCdtTrfInitn> under Document is not a bank statement/,
    );
  });

  it("refuses an account IBAN that cannot exist", () => {
    const error = errorOf(() =>
      parseCamt("bank.xml", camt053([{}], { iban: "IT60X0542811101000000123457" })),
    );
    expect(error.message).toBe(
      'bank.xml line 12, Stmt/Acct/Id/IBAN: "IT60X0542811101000000123457" is not a valid IBAN: wrong check digits',
    );
    expect(error.element).toBe("Stmt/Acct/Id/IBAN");
  });

  it("refuses an entry in another currency than the account's", () => {
    const error = errorOf(() => parseCamt("bank.xml", camt053([{}, { ccy: "USD" }])));
    expect(error.message).toBe(
      `bank.xml line ${AMT_LINE + 12}, Ntry/Amt: currency USD differs from the account's currency EUR (Acct/Ccy)`,
    );
  });

  it("refuses more decimals than the currency has, and amounts that are not amounts", () => {
    const error = errorOf(() => parseCamt("bank.xml", camt053([{ amount: "12.345" }])));
    expect(error.message).toBe(
      `bank.xml line ${AMT_LINE}, Ntry/Amt: "12.345" has 3 decimals; EUR allows 2`,
    );
    expect(error.details).toEqual({
      file: "bank.xml",
      line: AMT_LINE,
      element: "Ntry/Amt",
      reason: '"12.345" has 3 decimals; EUR allows 2',
    });
    const yen = camt053([{ amount: "1200.5", ccy: "JPY" }], { ccy: "JPY" });
    expect(() => parseCamt("bank.xml", yen)).toThrow('"1200.5" has 1 decimals; JPY allows 0');
    for (const amount of ["-10.00", "1,50", "", "1e3"]) {
      expect(() => parseCamt("bank.xml", camt053([{ amount }]))).toThrow(
        /Ntry\/Amt: ".*" is not an amount/,
      );
    }
    // Trailing zeros lose nothing.
    const zeros = parseCamt("bank.xml", camt053([{ amount: "12.500" }]));
    expect(zeros.reports[0]!.entries[0]!.amountMinor).toBe(1250n);
  });

  it("refuses an entry without Amt or CdtDbtInd, or with an unknown indicator", () => {
    const noAmt = camt053([{}]).replace(/<Amt Ccy="EUR">10\.00<\/Amt>\n/, "");
    expect(errorOf(() => parseCamt("bank.xml", noAmt)).message).toBe(
      `bank.xml line ${FIRST_NTRY_LINE}, Ntry/Amt: is missing`,
    );
    const noInd = camt053([{}]).replace("<CdtDbtInd>CRDT</CdtDbtInd>\n", "");
    expect(errorOf(() => parseCamt("bank.xml", noInd)).message).toBe(
      `bank.xml line ${FIRST_NTRY_LINE}, Ntry/CdtDbtInd: is missing`,
    );
    expect(() => parseCamt("bank.xml", camt053([{ direction: "CRED" }]))).toThrow(
      `bank.xml line ${FIRST_NTRY_LINE + 2}, Ntry/CdtDbtInd: "CRED" is neither CRDT nor DBIT`,
    );
    const noCcy = camt053([{}]).replace('<Amt Ccy="EUR">10.00', "<Amt>10.00");
    expect(() => parseCamt("bank.xml", noCcy)).toThrow("Ntry/Amt: has no Ccy attribute");
  });

  it("refuses dates that do not exist", () => {
    const error = errorOf(() => parseCamt("bank.xml", camt053([{ bookingDate: "2025-02-29" }])));
    expect(error.message).toBe(
      `bank.xml line ${FIRST_NTRY_LINE + 5}, Ntry/BookgDt/Dt: "2025-02-29" is not a date (YYYY-MM-DD)`,
    );
    const badCreated = camt053([{}]).replace("2025-03-14T20:00:00+01:00", "14/03/2025 20:00");
    expect(() => parseCamt("bank.xml", badCreated)).toThrow("bank.xml line 6, GrpHdr/CreDtTm:");
  });

  it("refuses bytes that are not UTF-8 when no other encoding is declared", () => {
    const bytes = Buffer.from(camt053([{ debtor: "Caff\u00e8" }]), "latin1");
    expect(errorOf(() => parseCamt("bank.xml", bytes)).message).toBe(
      `bank.xml line ${FIRST_NTRY_LINE + 9}: the file is not valid UTF-8 (and declares no other encoding)`,
    );
  });
});

describe("camt text handling", () => {
  it("decodes the declared encoding, a UTF-8 BOM, predefined entities and character references", () => {
    const xml = camt053([{ debtor: "Rossi &amp; Figli &#233; &#x4E2D; Caff\u00e8" }]);
    const latin = iconv.encode(
      xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("&#x4E2D; ", ""),
      "latin1",
    );
    const name = (statement: ReturnType<typeof parseCamt>) =>
      statement.reports[0]!.entries[0]!.transactions[0]!.debtorName;
    expect(name(parseCamt("a.xml", latin))).toBe("Rossi & Figli \u00e9 Caff\u00e8");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]);
    expect(name(parseCamt("a.xml", bom))).toBe("Rossi & Figli \u00e9 \u4e2d Caff\u00e8");
  });

  it("accepts comments, CDATA and processing instructions, and a namespace prefix", () => {
    const xml = camt053([{ debtor: "DEBTOR" }])
      .replace("<BkToCstmrStmt>", "<!-- exported by a bank -->\n<?pi x?><BkToCstmrStmt>")
      .replace(/<(\/?)([A-Za-z]+)/g, "<$1ns2:$2")
      .replace('xmlns="', 'xmlns:ns2="')
      .replace("DEBTOR", "<![CDATA[A <b> & C]]>");
    const statement = parseCamt("a.xml", xml);
    expect(statement.format).toBe("camt.053");
    expect(statement.reports[0]!.entries[0]!.transactions[0]!.debtorName).toBe("A <b> & C");
  });
});
