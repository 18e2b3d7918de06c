import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FatturaParseError } from "./errors";
import { parseFattura } from "./parse-fattura";
import { SAMPLES_DIR, sampleText, thrown } from "./samples.test-helper";

const FPA01 = sampleText("official_IT01234567890_FPA01.xml");
const FPA03 = sampleText("official_IT01234567890_FPA03.xml");

function parseError(xml: string, file = "test.xml"): FatturaParseError {
  const error = thrown(() => parseFattura(xml, file));
  expect(error).toBeInstanceOf(FatturaParseError);
  return error as FatturaParseError;
}

describe("parseFattura: security", () => {
  const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<p:FatturaElettronica versione="FPR12" xmlns:p="x"><FatturaElettronicaHeader>&lol9;</FatturaElettronicaHeader></p:FatturaElettronica>`;

  it("rejects a billion-laughs DTD without expanding it", () => {
    const started = performance.now();
    const error = parseError(billionLaughs);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ field: "xml", line: 2 });
    expect(error.reason).toContain("DOCTYPE/ENTITY declarations are not allowed");
  });

  it("rejects an external entity; nothing is read from disk", () => {
    const xxe = FPA01.replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ).replace("ALPHA SRL", "&xxe;");
    const error = parseError(xxe);
    expect(error.reason).toContain("DOCTYPE");
    expect(error.message).not.toContain("root:");
  });

  it("leaves undeclared entity references as text, never resolving them", () => {
    const doc = parseFattura(FPA01.replace("ALPHA SRL", "ALPHA &xxe; SRL"), "t.xml");
    expect(doc.supplier.name).toBe("ALPHA &xxe; SRL");
  });

  it("decodes the predefined entities and character references once", () => {
    const xml = FPA01.replace("ALPHA SRL", "ROSSI &amp; FIGLI &#232; &#xE0; &amp;lt;").replace(
      "AMMINISTRAZIONE BETA",
      "<![CDATA[BETA &amp; C.]]>",
    );
    const doc = parseFattura(xml, "t.xml");
    expect(doc.supplier.name).toBe("ROSSI & FIGLI è à &lt;");
    expect(doc.customer.name).toBe("BETA &amp; C."); // CDATA is literal
  });
});

describe("parseFattura: malformed and foreign documents", () => {
  it("rejects XML that is not FatturaPA", () => {
    const camt = readFileSync(
      new URL("../camt/genkgo_camt053.v2.minimal.xml", SAMPLES_DIR),
      "utf8",
    );
    const error = parseError(camt, "camt053.xml");
    expect(error).toMatchObject({ file: "camt053.xml", field: "Document", line: 2 });
    expect(error.reason).toContain("not a FatturaPA document: the root element is <Document>");
  });

  it("rejects the simplified format (FSM10) clearly", () => {
    const xml = `<?xml version="1.0"?><p:FatturaElettronicaSemplificata versione="FSM10" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.0"><FatturaElettronicaHeader/></p:FatturaElettronicaSemplificata>`;
    expect(parseError(xml).reason).toContain("FSM10");
  });

  it("rejects an unknown versione and names the attribute", () => {
    const error = parseError(FPA01.replace('versione="FPA12"', 'versione="FPA10"'));
    expect(error).toMatchObject({ field: "FatturaElettronica/@versione", line: 2 });
    expect(error.reason).toContain('"FPA10"');
  });

  it("falls back to FormatoTrasmissione when versione is missing", () => {
    expect(parseFattura(FPA01.replace('versione="FPA12"', ""), "t.xml").format).toBe("FPA12");
  });

  it("rejects XML that is not well-formed, with the line", () => {
    const error = parseError(FPA01.replace("</Numero>", "</Numer>"));
    expect(error.field).toBe("xml");
    expect(error.reason).toContain("not well-formed");
    expect(error.line).toBe(57);
  });

  it("names the path of a missing required element", () => {
    const error = parseError(FPA01.replace("<Numero>123</Numero>", ""), "no-number.xml");
    expect(error).toMatchObject({
      file: "no-number.xml",
      field: "FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/Numero",
      reason:
        "required element FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/Numero is missing",
    });
    expect(error.message).toContain("no-number.xml");
  });

  it("indexes the body in a lot", () => {
    const error = parseError(FPA03.replace("<Numero>456</Numero>", ""));
    expect(error.field).toBe("FatturaElettronicaBody[2]/DatiGenerali/DatiGeneraliDocumento/Numero");
  });

  it("names the first missing step of a path", () => {
    const xml = FPA01.replace(
      /<IdFiscaleIVA>\s*<IdPaese>IT<\/IdPaese>\s*<IdCodice>01234567890<\/IdCodice>\s*<\/IdFiscaleIVA>/,
      "",
    );
    expect(parseError(xml).field).toBe(
      "FatturaElettronicaHeader/CedentePrestatore/DatiAnagrafici/IdFiscaleIVA",
    );
  });

  it("requires at least one body", () => {
    const xml = FPA01.replace(/<FatturaElettronicaBody>[\s\S]*<\/FatturaElettronicaBody>/, "");
    expect(parseError(xml).field).toBe("FatturaElettronicaBody");
  });

  it("rejects an amount with a decimal comma, naming the element", () => {
    const error = parseError(FPA01.replace("<ImportoPagamento>6.10<", "<ImportoPagamento>6,10<"));
    expect(error).toMatchObject({
      field: "FatturaElettronicaBody/DatiPagamento/DettaglioPagamento/ImportoPagamento",
      line: 124,
    });
  });

  it("rejects an impossible date", () => {
    const error = parseError(FPA01.replace("<Data>2017-01-18</Data>", "<Data>2017-02-30</Data>"));
    expect(error.field).toBe("FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/Data");
  });

  it("rejects a party with no name", () => {
    const error = parseError(FPA01.replace("<Denominazione>ALPHA SRL</Denominazione>", ""));
    expect(error.field).toBe(
      "FatturaElettronicaHeader/CedentePrestatore/DatiAnagrafici/Anagrafica",
    );
  });
});

describe("parseFattura: tolerated variations", () => {
  it.each(["ns2", "a"])("reads the root with any prefix (%s:)", (prefix) => {
    const xml = FPA01.replaceAll("p:FatturaElettronica", `${prefix}:FatturaElettronica`).replace(
      "xmlns:p=",
      `xmlns:${prefix}=`,
    );
    expect(parseFattura(xml, "t.xml").bodies[0]!.number).toBe("123");
  });

  it("reads an unprefixed root in a default namespace", () => {
    const xml = FPA01.replaceAll("p:FatturaElettronica", "FatturaElettronica").replace(
      "xmlns:p=",
      "xmlns=",
    );
    expect(parseFattura(xml, "t.xml").format).toBe("FPA12");
  });

  it("accepts processing instructions and comments before the root", () => {
    const xml = FPA01.replace(
      "<p:FatturaElettronica",
      '<?xml-stylesheet type="text/xsl" href="fatturapa_v1.2.xsl"?>\n<!-- exported -->\n<p:FatturaElettronica',
    );
    expect(parseFattura(xml, "t.xml").bodies[0]!.line).toBe(53);
  });

  it("skips blank lines before the XML declaration and still counts them", () => {
    const doc = parseFattura(`\n\n${FPA01}`, "t.xml");
    expect(doc.bodies[0]!.line).toBe(53);
  });

  it("keeps the date part of a due date with a time zone", () => {
    const xml = FPA01.replace("2017-02-18</DataScadenza", "2015-07-01+02:00</DataScadenza");
    expect(parseFattura(xml, "t.xml").bodies[0]!.installments[0]!.dueDate).toBe("2015-07-01");
  });

  it("treats TD08 as a credit note and TD05 (debit note) as not", () => {
    const td08 = parseFattura(FPA01.replace(">TD01<", ">TD08<"), "t.xml");
    const td05 = parseFattura(FPA01.replace(">TD01<", ">TD05<"), "t.xml");
    expect([td08.bodies[0]!.isCreditNote, td05.bodies[0]!.isCreditNote]).toEqual([true, false]);
  });

  it("reads a person: Nome/Cognome, NumeroCivico, payment terms in days", () => {
    const xml = FPA01.replace(
      "<Denominazione>AMMINISTRAZIONE BETA</Denominazione>",
      "<Nome>Mario</Nome><Cognome>Rossi</Cognome>",
    )
      .replace(
        "<Indirizzo>VIA TORINO 38-B</Indirizzo>",
        "<Indirizzo>VIA TORINO</Indirizzo><NumeroCivico>38-B</NumeroCivico>",
      )
      .replace(
        "<DataScadenzaPagamento>2017-02-18</DataScadenzaPagamento>",
        "<DataRiferimentoTerminiPagamento>2017-01-31</DataRiferimentoTerminiPagamento><GiorniTerminiPagamento>30</GiorniTerminiPagamento>",
      );
    const doc = parseFattura(xml, "t.xml");
    expect(doc.customer).toMatchObject({
      kind: "person",
      name: "Mario Rossi",
      firstName: "Mario",
      lastName: "Rossi",
      address: { line1: "VIA TORINO 38-B" },
    });
    expect(doc.bodies[0]!.installments[0]).toMatchObject({
      dueDate: null,
      termDays: 30,
      termStartDate: "2017-01-31",
    });
  });

  it("sums several DatiRitenuta and subtracts them from the amount due", () => {
    const ritenuta = (amount: string) =>
      `<DatiRitenuta><TipoRitenuta>RT01</TipoRitenuta><ImportoRitenuta>${amount}</ImportoRitenuta><AliquotaRitenuta>20.00</AliquotaRitenuta><CausalePagamento>A</CausalePagamento></DatiRitenuta>`;
    const xml = FPA01.replace(
      "<Numero>123</Numero>",
      `<Numero>123</Numero>${ritenuta("1.00")}${ritenuta("0.50")}`,
    );
    expect(parseFattura(xml, "t.xml").bodies[0]).toMatchObject({
      totalMinor: 610n,
      withholdingMinor: 150n,
      amountDueMinor: 460n,
    });
  });
});
