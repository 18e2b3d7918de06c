/**
 * No pain.008 XSD is available offline, so the bar is the structure of public sample
 * files of the same version (shared/samples/pain, from php-sepa-xml and sepa_king):
 * every element we write must appear in the sample, in the sample's order (XSD
 * sequences are ordered), and the elements SEPA requires must be there.
 */
import { describe, expect, it } from "vitest";
import { readSampleText } from "../domain/test-samples.js";
import { type Pain008Version, pain008Namespace, writePain008 } from "./pain008.js";
import { parseSepaAmount } from "./sepa-text.js";
import { sampleBatch, sampleBatchWithoutBics } from "./test-batches.js";
import { orderViolations, readXmlStructure, type XmlStructure } from "./test-xml-structure.js";

const SAMPLE_OF_VERSION: Record<Pain008Version, string> = {
  "001.02": "pain/phpsepaxml_pain.008.001.02.xml",
  "001.08": "pain/phpsepaxml_pain.008.001.08.xml",
};
/** German DK variants of 001.02 (same element names, other namespaces): a second opinion on order. */
const DK_SAMPLES = ["pain/sepaking_pain.008.002.02.xml", "pain/sepaking_pain.008.003.02.xml"];

const ROOT = "Document/CstmrDrctDbtInitn";
const PMT_INF = `${ROOT}/PmtInf`;
const TX = `${PMT_INF}/DrctDbtTxInf`;

/** Required by the EPC Core implementation guidelines; "{BIC}" is BIC in 001.02, BICFI in 001.08. */
const MANDATORY_PATHS = [
  `${ROOT}/GrpHdr/MsgId`,
  `${ROOT}/GrpHdr/CreDtTm`,
  `${ROOT}/GrpHdr/NbOfTxs`,
  `${ROOT}/GrpHdr/InitgPty/Nm`,
  `${PMT_INF}/PmtInfId`,
  `${PMT_INF}/PmtMtd`,
  `${PMT_INF}/PmtTpInf/SvcLvl/Cd`,
  `${PMT_INF}/PmtTpInf/LclInstrm/Cd`,
  `${PMT_INF}/PmtTpInf/SeqTp`,
  `${PMT_INF}/ReqdColltnDt`,
  `${PMT_INF}/Cdtr/Nm`,
  `${PMT_INF}/CdtrAcct/Id/IBAN`,
  `${PMT_INF}/CdtrAgt/FinInstnId/{BIC}`,
  `${PMT_INF}/CdtrSchmeId/Id/PrvtId/Othr/Id`,
  `${PMT_INF}/CdtrSchmeId/Id/PrvtId/Othr/SchmeNm/Prtry`,
  `${TX}/PmtId/EndToEndId`,
  `${TX}/InstdAmt`,
  `${TX}/DrctDbtTx/MndtRltdInf/MndtId`,
  `${TX}/DrctDbtTx/MndtRltdInf/DtOfSgntr`,
  `${TX}/DbtrAgt/FinInstnId/{BIC}`,
  `${TX}/Dbtr/Nm`,
  `${TX}/DbtrAcct/Id/IBAN`,
];

/** Optional elements the samples carry and Saldo leaves out. */
const SAMPLE_ONLY_PATHS: Record<Pain008Version, string[]> = {
  "001.02": [
    "Dbtr/PstlAdr",
    ...["StrtNm", "BldgNb", "PstCd", "TwnNm", "Ctry"].map((e) => `Dbtr/PstlAdr/${e}`),
  ],
  "001.08": [
    "PmtId/UETR",
    "Dbtr/PstlAdr",
    ...["StrtNm", "BldgNb", "Flr", "PstCd", "TwnNm", "Ctry"].map((e) => `Dbtr/PstlAdr/${e}`),
  ],
};

/**
 * Without a BIC the EPC guidelines put FinInstnId/Othr/Id "NOTPROVIDED"; no sample
 * shows that branch, so these two paths are the only ones allowed beyond the samples.
 */
const NOT_PROVIDED_PATHS = [
  `${PMT_INF}/CdtrAgt/FinInstnId/Othr`,
  `${PMT_INF}/CdtrAgt/FinInstnId/Othr/Id`,
  `${TX}/DbtrAgt/FinInstnId/Othr`,
  `${TX}/DbtrAgt/FinInstnId/Othr/Id`,
];

const sumOf = (texts: readonly string[] = []) =>
  texts.reduce((sum, t) => sum + parseSepaAmount(t), 0n);

describe.each(["001.02", "001.08"] as const)("pain.008.%s against its sample", (version) => {
  const sample = readXmlStructure(readSampleText(SAMPLE_OF_VERSION[version]));
  const ours = readXmlStructure(writePain008(sampleBatch(), version));
  const bic = version === "001.02" ? "BIC" : "BICFI";

  it("writes only element paths the sample has", () => {
    expect([...ours.paths].filter((path) => !sample.paths.has(path))).toEqual([]);
  });

  it("leaves out only the optional elements Saldo does not use", () => {
    const missing = [...sample.paths].filter((path) => !ours.paths.has(path));
    expect(missing.sort()).toEqual(SAMPLE_ONLY_PATHS[version].map((p) => `${TX}/${p}`).sort());
  });

  it("writes every mandatory element", () => {
    const mandatory = MANDATORY_PATHS.map((path) => path.replace("{BIC}", bic));
    expect(mandatory.filter((path) => !ours.paths.has(path))).toEqual([]);
    expect(mandatory.every((path) => sample.paths.has(path))).toBe(true);
  });

  it("orders siblings as the sample does", () => {
    expect(orderViolations(ours, sample)).toEqual([]);
  });

  it("would notice two swapped siblings (the order check is not vacuous)", () => {
    const swapped = writePain008(sampleBatch(), version).replace(
      /(<CdtrAgt>[\s\S]*?<\/CdtrAgt>)(\s*)(<ChrgBr>SLEV<\/ChrgBr>)/,
      "$3$2$1",
    );
    expect(orderViolations(readXmlStructure(swapped), sample)).toContain(
      `${PMT_INF}: ChrgBr before CdtrAgt`,
    );
  });

  it("uses the sample's namespace and Ccy attribute", () => {
    const namespace = (structure: XmlStructure) => structure.attributes.get("Document")?.[0]?.xmlns;
    expect(namespace(ours)).toBe(pain008Namespace(version));
    expect(namespace(ours)).toBe(namespace(sample));
    expect(ours.attributes.get(`${TX}/InstdAmt`)?.every((a) => a.Ccy === "EUR")).toBe(true);
  });

  it("without BICs, adds only the NOTPROVIDED branch, in order", () => {
    const withoutBics = readXmlStructure(writePain008(sampleBatchWithoutBics(), version));
    const extra = [...withoutBics.paths].filter((path) => !sample.paths.has(path));
    expect(extra.sort()).toEqual([...NOT_PROVIDED_PATHS].sort());
    expect(withoutBics.texts.get(`${TX}/DbtrAgt/FinInstnId/Othr/Id`)?.[0]).toBe("NOTPROVIDED");
    expect(orderViolations(withoutBics, sample)).toEqual([]);
  });

  it("the sample's own totals add up, read the way our tests read ours", () => {
    expect(sumOf(sample.texts.get(`${PMT_INF}/CtrlSum`))).toBe(
      sumOf(sample.texts.get(`${TX}/InstdAmt`)),
    );
  });
});

describe("pain.008.001.02 against the German DK samples", () => {
  const ours = readXmlStructure(writePain008(sampleBatch(), "001.02"));

  it.each(DK_SAMPLES)("orders shared siblings as %s does", (file) => {
    expect(orderViolations(ours, readXmlStructure(readSampleText(file)))).toEqual([]);
  });

  it.each(DK_SAMPLES)("%s: control sum of its transactions", (file) => {
    const dk = readXmlStructure(readSampleText(file));
    expect(sumOf(dk.texts.get(`${PMT_INF}/CtrlSum`))).toBe(sumOf(dk.texts.get(`${TX}/InstdAmt`)));
    expect(sumOf(dk.texts.get(`${TX}/InstdAmt`))).toBe(665_586n);
  });
});
