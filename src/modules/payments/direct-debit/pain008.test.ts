import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { PaymentDataError } from "../domain/field-problems.js";
import { paymentInformationId, writePain008 } from "./pain008.js";
import type { DirectDebitBatch, DirectDebitCollection } from "./pain008-batch.js";
import { parseSepaAmount } from "./sepa-text.js";
import { sampleBatch, sampleBatchWithoutBics, sampleCollections } from "./test-batches.js";
import { readXmlStructure } from "./test-xml-structure.js";

const PMT_INF = "Document/CstmrDrctDbtInitn/PmtInf";
const TX = `${PMT_INF}/DrctDbtTxInf`;

function problemsOf(batch: DirectDebitBatch): { field: string; reason: string }[] {
  try {
    writePain008(batch);
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentDataError);
    expect((error as PaymentDataError).code).toBe("validation_failed");
    return [...(error as PaymentDataError).problems];
  }
  throw new Error("expected a PaymentDataError");
}

const withCollection = (index: number, change: Partial<DirectDebitCollection>): DirectDebitBatch =>
  sampleBatch({
    collections: sampleCollections.map((c, i) => (i === index ? { ...c, ...change } : c)),
  });

const withMandate = (index: number, change: Partial<DirectDebitCollection["mandate"]>) =>
  withCollection(index, { mandate: { ...sampleCollections[index]!.mandate, ...change } });

describe("writePain008", () => {
  const xml = writePain008(sampleBatch());
  const doc = readXmlStructure(xml);
  const texts = (path: string) => doc.texts.get(path) ?? [];

  it("writes well-formed XML in the 001.08 namespace by default", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"');
    expect(writePain008(sampleBatch(), "001.02")).toContain(
      'xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"',
    );
  });

  it("groups collections by due date and sequence type, in a stable order", () => {
    expect(texts(`${PMT_INF}/ReqdColltnDt`)).toEqual([
      "2025-09-01",
      "2025-09-01",
      "2025-09-01",
      "2025-10-01",
    ]);
    expect(texts(`${PMT_INF}/PmtTpInf/SeqTp`)).toEqual(["FRST", "RCUR", "OOFF", "FNAL"]);
    expect(texts(`${PMT_INF}/PmtInfId`)).toEqual(
      [1, 2, 3, 4].map((n) => `SALDO-20250819-0001-${n}`),
    );
    expect(texts(`${PMT_INF}/NbOfTxs`)).toEqual(["2", "1", "1", "1"]);
    const reversed = sampleBatch({ collections: [...sampleCollections].reverse() });
    expect(readXmlStructure(writePain008(reversed)).texts.get(`${PMT_INF}/PmtTpInf/SeqTp`)).toEqual(
      ["FRST", "RCUR", "OOFF", "FNAL"],
    );
  });

  it("totals: NbOfTxs and CtrlSum add up at both levels, without floats", () => {
    const amounts = texts(`${TX}/InstdAmt`).map(parseSepaAmount);
    const expected = sampleCollections.reduce((sum, c) => sum + c.amountMinor, 0n);
    expect(amounts.reduce((sum, a) => sum + a, 0n)).toBe(expected);
    expect(texts("Document/CstmrDrctDbtInitn/GrpHdr/CtrlSum")).toEqual(["1000000180.75"]);
    expect(parseSepaAmount(texts("Document/CstmrDrctDbtInitn/GrpHdr/CtrlSum")[0]!)).toBe(expected);
    expect(texts("Document/CstmrDrctDbtInitn/GrpHdr/NbOfTxs")).toEqual(["5"]);
    const groupSums = texts(`${PMT_INF}/CtrlSum`).map(parseSepaAmount);
    expect(groupSums.reduce((sum, a) => sum + a, 0n)).toBe(expected);
    expect(
      texts(`${PMT_INF}/NbOfTxs`)
        .map(Number)
        .reduce((sum, n) => sum + n, 0),
    ).toBe(5);
  });

  it("round-trips every amount to its end-to-end id", () => {
    const written = new Map(
      texts(`${TX}/PmtId/EndToEndId`).map((id, i) => [
        id,
        parseSepaAmount(texts(`${TX}/InstdAmt`)[i]!),
      ]),
    );
    expect(written).toEqual(new Map(sampleCollections.map((c) => [c.endToEndId, c.amountMinor])));
  });

  it("writes the scheme, mandate and creditor data", () => {
    expect(new Set(texts(`${PMT_INF}/PmtTpInf/SvcLvl/Cd`))).toEqual(new Set(["SEPA"]));
    expect(new Set(texts(`${PMT_INF}/PmtTpInf/LclInstrm/Cd`))).toEqual(new Set(["CORE"]));
    expect(new Set(texts(`${PMT_INF}/ChrgBr`))).toEqual(new Set(["SLEV"]));
    expect(new Set(texts(`${PMT_INF}/CdtrSchmeId/Id/PrvtId/Othr/Id`))).toEqual(
      new Set(["IT21ZZZ0000006363391001"]),
    );
    expect(new Set(texts(`${PMT_INF}/CdtrAcct/Id/IBAN`))).toEqual(
      new Set(["IT60X0542811101000000123456"]),
    );
    expect(texts(`${TX}/DrctDbtTx/MndtRltdInf/MndtId`)[0]).toBe("C-2025-000123-P1");
    expect(texts(`${TX}/DrctDbtTx/MndtRltdInf/DtOfSgntr`)[0]).toBe("2025-07-01");
    expect(texts("Document/CstmrDrctDbtInitn/GrpHdr/CreDtTm")).toEqual(["2025-08-19T08:32:02Z"]);
  });

  it("names the agent BIC in 001.02 and BICFI in 001.08", () => {
    const v02 = readXmlStructure(writePain008(sampleBatch(), "001.02"));
    expect(v02.texts.get(`${TX}/DbtrAgt/FinInstnId/BIC`)?.[0]).toBe("BPMOIT22XXX");
    expect(doc.texts.get(`${TX}/DbtrAgt/FinInstnId/BICFI`)?.[0]).toBe("BPMOIT22XXX");
    expect(xml).not.toContain("<BIC>");
  });

  it("writes Othr/Id NOTPROVIDED for both agents when no BIC is known", () => {
    const noBics = readXmlStructure(writePain008(sampleBatchWithoutBics(), "001.02"));
    expect(new Set(noBics.texts.get(`${PMT_INF}/CdtrAgt/FinInstnId/Othr/Id`))).toEqual(
      new Set(["NOTPROVIDED"]),
    );
    expect(noBics.texts.get(`${TX}/DbtrAgt/FinInstnId/Othr/Id`)).toEqual(
      Array(5).fill("NOTPROVIDED"),
    );
  });

  it("transliterates, truncates names to 70 and escapes text", () => {
    const names = texts(`${TX}/Dbtr/Nm`);
    expect(names).toContain("Niccolo D&apos;Angelo + Figli");
    expect(names.every((name) => name.length <= 70)).toBe(true);
    expect(names.some((name) => name.startsWith("Societa Molto Lunga") && name.length === 70)).toBe(
      true,
    );
    expect(texts(`${TX}/RmtInf/Ustrd`)[0]).toBe("Rata 1/6 .pratica C-2025-000123. + interessi");
    expect(texts("Document/CstmrDrctDbtInitn/GrpHdr/InitgPty/Nm")).toEqual([
      "Recupero Crediti Societa + C. S.r.l.",
    ]);
  });

  it("cuts the message id so a PmtInfId stays within 35 characters", () => {
    const longId = "M".repeat(35);
    expect(paymentInformationId(longId, 0)).toBe(`${"M".repeat(33)}-1`);
    expect(paymentInformationId(longId, 11)).toBe(`${"M".repeat(32)}-12`);
    const written = readXmlStructure(writePain008(sampleBatch({ messageId: longId })));
    expect(written.texts.get(`${PMT_INF}/PmtInfId`)?.every((id) => id.length === 35)).toBe(true);
  });
});

describe("writePain008 refuses bad input, listing every problem with its path", () => {
  it.each([
    [
      "bad debtor IBAN",
      withMandate(1, { debtorIban: "DE89370400440532013001" }),
      "collections[1].mandate.debtorIban",
    ],
    [
      "debtor outside SEPA",
      withMandate(1, { debtorIban: "BR1800360305000010009795493C1" }),
      "collections[1].mandate.debtorIban",
    ],
    [
      "debtor in San Marino (non-EEA)",
      withMandate(0, { debtorIban: "SM86U0322509800000000270100" }),
      "collections[0].mandate.debtorIban",
    ],
    ["bad debtor BIC", withMandate(2, { debtorBic: "PSST" }), "collections[2].mandate.debtorBic"],
    [
      "bad mandate reference",
      withMandate(3, { reference: "M//3" }),
      "collections[3].mandate.reference",
    ],
    [
      "mandate signed after the due date",
      withMandate(3, { signedOn: "2025-10-02" }),
      "collections[3].mandate.signedOn",
    ],
    [
      "no Latin letters in the debtor name",
      withMandate(4, { debtorName: "李明" }),
      "collections[4].mandate.debtorName",
    ],
    ["amount 0", withCollection(2, { amountMinor: 0n }), "collections[2].amountMinor"],
    ["negative amount", withCollection(2, { amountMinor: -100n }), "collections[2].amountMinor"],
    [
      "amount above 999999999.99",
      withCollection(2, { amountMinor: 100_000_000_000n }),
      "collections[2].amountMinor",
    ],
    [
      "end-to-end id of 36 characters",
      withCollection(0, { endToEndId: "E".repeat(36) }),
      "collections[0].endToEndId",
    ],
    [
      "end-to-end id outside the SEPA set",
      withCollection(0, { endToEndId: "E_1" }),
      "collections[0].endToEndId",
    ],
    [
      "duplicate end-to-end id",
      withCollection(3, { endToEndId: "C-2025-000123-R1" }),
      "collections[3].endToEndId",
    ],
    ["due date not a date", withCollection(4, { dueDate: "2025-09-31" }), "collections[4].dueDate"],
    [
      "due date before the file",
      withCollection(4, { dueDate: "2025-08-18" }),
      "collections[4].dueDate",
    ],
    [
      "remittance over 140",
      withCollection(1, { remittance: "x".repeat(141) }),
      "collections[1].remittance",
    ],
    [
      "currency not EUR",
      withCollection(1, { currency: "CHF" as "EUR" }),
      "collections[1].currency",
    ],
    [
      "bad creditor id check digits",
      sampleBatch({
        creditor: { ...sampleBatch().creditor, creditorId: "IT22ZZZ0000006363391001" },
      }),
      "creditor.creditorId",
    ],
    [
      "bad creditor IBAN",
      sampleBatch({ creditor: { ...sampleBatch().creditor, iban: "IT60X0542811101000000123457" } }),
      "creditor.iban",
    ],
    ["message id with //", sampleBatch({ messageId: "SALDO//1" }), "messageId"],
    ["no collections", sampleBatch({ collections: [] }), "collections"],
  ])("%s", (_label, batch, field) => {
    expect(problemsOf(batch).map((problem) => problem.field)).toEqual([field]);
  });

  it("explains why a San Marino account is refused", () => {
    expect(
      problemsOf(withMandate(0, { debtorIban: "SM86U0322509800000000270100" }))[0]!.reason,
    ).toMatch(/outside the EEA/);
  });

  it("names the first collection a repeated end-to-end id came from", () => {
    expect(problemsOf(withCollection(3, { endToEndId: "C-2025-000123-R1" }))).toEqual([
      { field: "collections[3].endToEndId", reason: "repeats collections[0].endToEndId" },
    ]);
  });

  it("reports all problems at once, in the message too", () => {
    const batch = sampleBatch({
      creditor: { ...sampleBatch().creditor, creditorId: "IT22ZZZ0000006363391001" },
      collections: [
        { ...sampleCollections[0]!, amountMinor: 0n },
        sampleCollections[1]!,
        sampleCollections[2]!,
        {
          ...sampleCollections[3]!,
          mandate: { ...sampleCollections[3]!.mandate, debtorIban: "ES9121000418450200051333" },
        },
      ],
    });
    const problems = problemsOf(batch);
    expect(problems.map((problem) => problem.field)).toEqual([
      "creditor.creditorId",
      "collections[0].amountMinor",
      "collections[3].mandate.debtorIban",
    ]);
    expect(() => writePain008(batch)).toThrow(
      /collections\[3\]\.mandate\.debtorIban: is not a valid IBAN/,
    );
  });
});
