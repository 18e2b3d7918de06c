/**
 * FatturaPA (Italian e-invoice) intake: pure functions from file bytes to intake
 * records. unwrapFatturaFile → parseFattura → fatturaToIntakeRecords.
 */
export { FatturaParseError } from "./errors";
export { debtorKey, invoiceKey, relatedInvoiceKeys } from "./external-ids";
export { isValidIban } from "./iban";
export { parseFattura } from "./parse-fattura";
export {
  type FatturaIntakeOptions,
  fatturaToIntakeRecords,
  renderAddress,
} from "./to-intake-records";
export type {
  FatturaBody,
  FatturaCustomer,
  FatturaDocument,
  FatturaFormat,
  FatturaInstallment,
  FatturaRelatedDocument,
  FatturaSupplier,
  FatturaTransmission,
} from "./types";
export { type FatturaContainer, type UnwrappedFattura, unwrapFatturaFile } from "./unwrap";
