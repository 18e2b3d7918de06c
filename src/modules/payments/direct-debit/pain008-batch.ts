/**
 * The input of a pain.008 file and every rule it must meet before a bank sees it.
 * All problems are collected so an operator can fix a batch in one pass.
 */
import type { FieldProblem } from "../domain/field-problems.js";
import { normalizeIban } from "../domain/iban.js";
import { creditorIdentifierProblem } from "./creditor-identifier.js";
import { isIsoDate, utcDateOf } from "./iso-date.js";
import { bicProblem, mandateReferenceProblem, sepaIbanProblem } from "./mandate.js";
import {
  SEPA_MAX_REMITTANCE_LENGTH,
  sepaIdentifierProblem,
  sepaNameProblem,
  toSepaText,
} from "./sepa-text.js";
import { SEQUENCE_TYPES, type SequenceType } from "./sequence-type.js";

export interface DirectDebitBatch {
  readonly messageId: string;
  readonly createdAt: Date;
  readonly initiatingPartyName: string;
  readonly creditor: {
    readonly name: string;
    readonly iban: string;
    readonly bic?: string;
    readonly creditorId: string;
  };
  readonly collections: readonly DirectDebitCollection[];
}

export interface DirectDebitCollection {
  readonly endToEndId: string;
  readonly amountMinor: bigint;
  readonly currency: "EUR";
  readonly mandate: {
    readonly reference: string;
    readonly signedOn: string;
    readonly debtorName: string;
    readonly debtorIban: string;
    readonly debtorBic?: string;
  };
  readonly sequenceType: SequenceType;
  readonly dueDate: string;
  readonly remittance?: string;
}

/**
 * SEPA countries outside the EEA: collections from them must carry the debtor's postal
 * address and BIC (EPC rulebooks since 2016). This writer does not carry addresses yet.
 */
export const NON_EEA_SEPA_COUNTRIES: readonly string[] = ["AD", "CH", "GB", "GI", "MC", "SM", "VA"];

/** AT-06: at least 0.01 and at most 999 999 999.99 euro. */
export const DIRECT_DEBIT_MIN_AMOUNT_MINOR = 1n;
export const DIRECT_DEBIT_MAX_AMOUNT_MINOR = 99_999_999_999n;

export function directDebitBatchProblems(batch: DirectDebitBatch): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string | null) => {
    if (reason) problems.push({ field, reason });
  };
  add("messageId", sepaIdentifierProblem(batch.messageId));
  if (Number.isNaN(batch.createdAt.getTime())) add("createdAt", "is not a valid instant");
  add("initiatingPartyName", sepaNameProblem(batch.initiatingPartyName));
  add("creditor.name", sepaNameProblem(batch.creditor.name));
  add("creditor.iban", sepaIbanProblem(batch.creditor.iban));
  if (batch.creditor.bic !== undefined) add("creditor.bic", bicProblem(batch.creditor.bic));
  add("creditor.creditorId", creditorIdentifierProblem(batch.creditor.creditorId));
  if (batch.collections.length === 0) add("collections", "is empty");

  const createdOn = Number.isNaN(batch.createdAt.getTime()) ? null : utcDateOf(batch.createdAt);
  const firstIndexOfEndToEndId = new Map<string, number>();
  batch.collections.forEach((collection, index) => {
    const path = `collections[${index}]`;
    for (const problem of collectionProblems(collection, createdOn)) {
      problems.push({ field: `${path}.${problem.field}`, reason: problem.reason });
    }
    const earlier = firstIndexOfEndToEndId.get(collection.endToEndId);
    if (earlier === undefined) firstIndexOfEndToEndId.set(collection.endToEndId, index);
    else add(`${path}.endToEndId`, `repeats collections[${earlier}].endToEndId`);
  });
  return problems;
}

function collectionProblems(
  collection: DirectDebitCollection,
  createdOn: string | null,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string | null) => {
    if (reason) problems.push({ field, reason });
  };
  const { mandate } = collection;
  add("endToEndId", sepaIdentifierProblem(collection.endToEndId));
  add("amountMinor", amountProblem(collection.amountMinor));
  if (collection.currency !== "EUR") add("currency", "must be EUR");
  if (!SEQUENCE_TYPES.includes(collection.sequenceType)) {
    add("sequenceType", `must be one of ${SEQUENCE_TYPES.join(", ")}`);
  }
  const dueDateValid = isIsoDate(collection.dueDate);
  if (!dueDateValid) add("dueDate", "must be a date YYYY-MM-DD");
  else if (createdOn !== null && collection.dueDate < createdOn) {
    add("dueDate", `is before the file's creation day (${createdOn})`);
  }
  add("mandate.reference", mandateReferenceProblem(mandate.reference));
  if (!isIsoDate(mandate.signedOn)) add("mandate.signedOn", "must be a date YYYY-MM-DD");
  else if (dueDateValid && mandate.signedOn > collection.dueDate) {
    add("mandate.signedOn", "is after the due date");
  }
  add("mandate.debtorName", sepaNameProblem(mandate.debtorName));
  add(
    "mandate.debtorIban",
    sepaIbanProblem(mandate.debtorIban) ?? nonEeaProblem(mandate.debtorIban),
  );
  if (mandate.debtorBic !== undefined) add("mandate.debtorBic", bicProblem(mandate.debtorBic));
  if (collection.remittance !== undefined) {
    const length = toSepaText(collection.remittance).length;
    if (length === 0) add("remittance", "is empty (leave it out instead)");
    if (length > SEPA_MAX_REMITTANCE_LENGTH) {
      add("remittance", `is ${length} characters once transliterated, at most 140`);
    }
  }
  return problems;
}

function nonEeaProblem(iban: string): string | null {
  const country = normalizeIban(iban).slice(0, 2);
  return NON_EEA_SEPA_COUNTRIES.includes(country)
    ? `is in ${country}, outside the EEA: the collection would need the debtor's address, not supported yet`
    : null;
}

function amountProblem(amountMinor: bigint): string | null {
  if (typeof amountMinor !== "bigint") return "must be a bigint of minor units";
  if (amountMinor < DIRECT_DEBIT_MIN_AMOUNT_MINOR) return "must be at least 0.01";
  if (amountMinor > DIRECT_DEBIT_MAX_AMOUNT_MINOR) return "must be at most 999999999.99";
  return null;
}
