/** The payments domain: the references and QR payloads a debtor pays with. */

export { checkEpcQrInput, type EpcQrInput, epcQrPayload } from "./epc-qr.js";
export {
  EPC_CHARACTER_SETS,
  EPC_MAX_AMOUNT_MINOR,
  EPC_MAX_LENGTH,
  EPC_MAX_PAYLOAD_BYTES,
  EPC_MIN_AMOUNT_MINOR,
  type EpcCharacterSet,
  type EpcQrFields,
  type EpcQrVersion,
  formatEpcAmount,
  parseEpcAmount,
} from "./epc-qr-fields.js";
export { type EpcQrData, type EpcQrParseOptions, parseEpcQrPayload } from "./epc-qr-parse.js";
export {
  describeProblems,
  type FieldProblem,
  type Parsed,
  PaymentDataError,
} from "./field-problems.js";
export {
  type BicCheck,
  formatIban,
  type IbanCheck,
  type IbanProblemCode,
  isValidBic,
  isValidIban,
  normalizeBic,
  normalizeIban,
  validateBic,
  validateIban,
} from "./iban.js";
export { isValidNumericFiscalCode, numericFiscalCodeProblem } from "./numeric-fiscal-code.js";
export {
  caseIuvBase,
  isValidPagoPaNoticeNumber,
  PAGOPA_MAX_AMOUNT_MINOR,
  PAGOPA_QR_IDENTIFIER,
  PAGOPA_QR_VERSION,
  type PagoPaAuxDigit,
  type PagoPaNotice,
  type PagoPaQrData,
  type PagoPaQrInput,
  pagoPaNoticeNumber,
  pagoPaQrPayload,
  parsePagoPaNoticeNumber,
  parsePagoPaQrPayload,
} from "./pagopa.js";
export {
  PAGOPA_QR_SYMBOL_VERSION,
  QR_ERROR_CORRECTION,
  QR_QUIET_ZONE_MODULES,
  type QrImageOptions,
  type QrMatrix,
  type QrPngOptions,
  qrCodeMatrix,
  qrCodePng,
  qrCodeSvg,
} from "./qr-image.js";
export {
  caseCreditorReference,
  creditorReference,
  creditorReferenceProblem,
  formatCreditorReference,
  isValidCreditorReference,
  normalizeCreditorReference,
  RF_BODY_MAX_LENGTH,
  RF_MAX_LENGTH,
} from "./rf-reference.js";
