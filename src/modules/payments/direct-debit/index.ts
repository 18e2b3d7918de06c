/** SEPA Direct Debit: creditor identifiers, mandates, sequence types and pain.008 files. */

export {
  CREDITOR_IDENTIFIER_MAX_LENGTH,
  creditorIdentifierCheckDigits,
  creditorIdentifierProblem,
  DEFAULT_CREDITOR_BUSINESS_CODE,
  ITALIAN_CREDITOR_IDENTIFIER_LENGTH,
  isValidCreditorIdentifier,
  italianCreditorIdentifier,
  normalizeCreditorIdentifier,
} from "./creditor-identifier.js";
export { addMonths, isIsoDate } from "./iso-date.js";
export {
  isMandateExpired,
  isMandateUsable,
  MANDATE_EXPIRY_MONTHS,
  type MandateInput,
  type MandateRecord,
  type MandateStatus,
  mandateExpiresOn,
  mandateProblems,
  mandateReferenceFor,
  mandateReferenceProblem,
} from "./mandate.js";
export {
  BIC_NOT_PROVIDED,
  type Pain008Version,
  pain008Namespace,
  writePain008,
} from "./pain008.js";
export {
  DIRECT_DEBIT_MAX_AMOUNT_MINOR,
  DIRECT_DEBIT_MIN_AMOUNT_MINOR,
  type DirectDebitBatch,
  type DirectDebitCollection,
  directDebitBatchProblems,
  NON_EEA_SEPA_COUNTRIES,
} from "./pain008-batch.js";
export {
  formatSepaAmount,
  parseSepaAmount,
  SEPA_MAX_ID_LENGTH,
  SEPA_MAX_NAME_LENGTH,
  SEPA_MAX_REMITTANCE_LENGTH,
  sepaIdentifierProblem,
  toSepaName,
  toSepaText,
} from "./sepa-text.js";
export {
  SEQUENCE_TYPES,
  type SequenceType,
  type SequenceTypeInput,
  sequenceTypeFor,
} from "./sequence-type.js";
