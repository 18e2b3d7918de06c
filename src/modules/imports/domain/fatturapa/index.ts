/**
 * FatturaPA (Italian e-invoice) intake: pure functions from file bytes to intake
 * records. unwrapFatturaFile → parseFattura → fatturaToIntakeRecords (and
 * fatturaDocuments: the original file and its PDF attachments, kept with the invoices).
 */
export type { FatturaPdfAttachment } from "./attachments";
export { FatturaParseError } from "./errors";
export { debtorKey, invoiceKey, relatedInvoiceKeys } from "./external-ids";
export { isValidIban } from "./iban";
export { parseFattura } from "./parse-fattura";
export { fatturaDocuments } from "./to-documents";
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
