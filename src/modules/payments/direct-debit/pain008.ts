/**
 * pain.008 CustomerDirectDebitInitiation: the file a creditor uploads to its bank to
 * collect SEPA Core direct debits. Versions 001.02 (2009 schema, still the default of
 * most Italian banks' ISO channels) and 001.08 (2019 schema, EPC rulebooks since 2021).
 */
import { throwIfAny } from "../domain/field-problems.js";
import { normalizeBic, normalizeIban } from "../domain/iban.js";
import { normalizeCreditorIdentifier } from "./creditor-identifier.js";
import {
  type DirectDebitBatch,
  type DirectDebitCollection,
  directDebitBatchProblems,
} from "./pain008-batch.js";
import { formatSepaAmount, SEPA_MAX_ID_LENGTH, toSepaName, toSepaText } from "./sepa-text.js";
import { SEQUENCE_TYPES, type SequenceType } from "./sequence-type.js";
import { element, type XmlElement, xmlDocument } from "./xml-tree.js";

export type Pain008Version = "001.02" | "001.08";

export function pain008Namespace(version: Pain008Version): string {
  return `urn:iso:std:iso:20022:tech:xsd:pain.008.${version}`;
}

/** What the EPC guidelines put in FinInstnId/Othr/Id when the BIC is not given. */
export const BIC_NOT_PROVIDED = "NOTPROVIDED";

/** One PmtInf: the collections that share a sequence type and a due date. */
interface PaymentGroup {
  readonly sequenceType: SequenceType;
  readonly dueDate: string;
  readonly collections: DirectDebitCollection[];
}

/**
 * The pain.008 document for `batch`, after checking every field.
 * Throws PaymentDataError listing every problem with its path (`collections[3].mandate.debtorIban`).
 */
export function writePain008(batch: DirectDebitBatch, version: Pain008Version = "001.08"): string {
  throwIfAny(directDebitBatchProblems(batch));
  const groups = groupCollections(batch.collections);
  const root = element(
    "Document",
    [
      element("CstmrDrctDbtInitn", [
        groupHeader(batch),
        ...groups.map((group, index) =>
          paymentInformation(batch, group, paymentInformationId(batch.messageId, index), version),
        ),
      ]),
    ],
    { xmlns: pain008Namespace(version) },
  );
  return xmlDocument(root);
}

/** Sorted by due date, then FRST, RCUR, FNAL, OOFF, so equal batches give equal files. */
function groupCollections(collections: readonly DirectDebitCollection[]): PaymentGroup[] {
  const groups = new Map<string, PaymentGroup>();
  for (const collection of collections) {
    const key = `${collection.dueDate} ${SEQUENCE_TYPES.indexOf(collection.sequenceType)}`;
    const group = groups.get(key) ?? {
      sequenceType: collection.sequenceType,
      dueDate: collection.dueDate,
      collections: [],
    };
    group.collections.push(collection);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([, group]) => group);
}

/** "<messageId>-<n>", cutting the message id when both would exceed 35 characters. */
export function paymentInformationId(messageId: string, groupIndex: number): string {
  const suffix = `-${groupIndex + 1}`;
  return `${messageId.slice(0, SEPA_MAX_ID_LENGTH - suffix.length)}${suffix}`;
}

function totalMinor(collections: readonly DirectDebitCollection[]): bigint {
  return collections.reduce((sum, collection) => sum + collection.amountMinor, 0n);
}

function groupHeader(batch: DirectDebitBatch): XmlElement {
  return element("GrpHdr", [
    element("MsgId", batch.messageId),
    // ISODateTime in UTC, to the second: banks compare it, none needs milliseconds.
    element("CreDtTm", `${batch.createdAt.toISOString().slice(0, 19)}Z`),
    element("NbOfTxs", String(batch.collections.length)),
    element("CtrlSum", formatSepaAmount(totalMinor(batch.collections))),
    element("InitgPty", [element("Nm", toSepaName(batch.initiatingPartyName))]),
  ]);
}

function paymentInformation(
  batch: DirectDebitBatch,
  group: PaymentGroup,
  id: string,
  version: Pain008Version,
): XmlElement {
  const { creditor } = batch;
  return element("PmtInf", [
    element("PmtInfId", id),
    element("PmtMtd", "DD"),
    element("NbOfTxs", String(group.collections.length)),
    element("CtrlSum", formatSepaAmount(totalMinor(group.collections))),
    element("PmtTpInf", [
      element("SvcLvl", [element("Cd", "SEPA")]),
      element("LclInstrm", [element("Cd", "CORE")]),
      element("SeqTp", group.sequenceType),
    ]),
    element("ReqdColltnDt", group.dueDate),
    element("Cdtr", [element("Nm", toSepaName(creditor.name))]),
    element("CdtrAcct", [element("Id", [element("IBAN", normalizeIban(creditor.iban))])]),
    element("CdtrAgt", [financialInstitution(creditor.bic, version)]),
    element("ChrgBr", "SLEV"),
    element("CdtrSchmeId", [
      element("Id", [
        element("PrvtId", [
          element("Othr", [
            element("Id", normalizeCreditorIdentifier(creditor.creditorId)),
            element("SchmeNm", [element("Prtry", "SEPA")]),
          ]),
        ]),
      ]),
    ]),
    ...group.collections.map((collection) => directDebitTransaction(collection, version)),
  ]);
}

function directDebitTransaction(
  collection: DirectDebitCollection,
  version: Pain008Version,
): XmlElement {
  const { mandate } = collection;
  return element("DrctDbtTxInf", [
    element("PmtId", [element("EndToEndId", collection.endToEndId)]),
    element("InstdAmt", formatSepaAmount(collection.amountMinor), { Ccy: collection.currency }),
    element("DrctDbtTx", [
      element("MndtRltdInf", [
        element("MndtId", mandate.reference),
        element("DtOfSgntr", mandate.signedOn),
      ]),
    ]),
    element("DbtrAgt", [financialInstitution(mandate.debtorBic, version)]),
    element("Dbtr", [element("Nm", toSepaName(mandate.debtorName))]),
    element("DbtrAcct", [element("Id", [element("IBAN", normalizeIban(mandate.debtorIban))])]),
    collection.remittance === undefined
      ? undefined
      : element("RmtInf", [element("Ustrd", toSepaText(collection.remittance))]),
  ]);
}

/** The BIC element was renamed BICFI in the 2019 schemas; without a BIC, Othr/Id NOTPROVIDED. */
function financialInstitution(bic: string | undefined, version: Pain008Version): XmlElement {
  if (bic === undefined) {
    return element("FinInstnId", [element("Othr", [element("Id", BIC_NOT_PROVIDED)])]);
  }
  return element("FinInstnId", [
    element(version === "001.02" ? "BIC" : "BICFI", normalizeBic(bic)),
  ]);
}
