import type { FatturaBody, FatturaDocument, FatturaRelatedDocument } from "./types";

/**
 * External ids for records built from FatturaPA. They must be the same every time
 * the same file (or another file about the same parties) is imported, so that
 * re-imports update instead of duplicating.
 *
 * Debtor ids:
 * - "<country><VAT number>" (e.g. "IT01234567890", "NL809163160B01") for a company
 *   with a VAT id: the VAT id is what identifies a business across invoices.
 * - the codice fiscale as written, upper case (16 characters for a person, 11 digits
 *   for a body without VAT, e.g. a public administration), otherwise. People are
 *   keyed by their personal code even when they also have a VAT number, because the
 *   code stays when a sole trader closes the VAT position.
 * - "<country><VAT number>" for a person with no codice fiscale.
 * The two kinds cannot collide: VAT-based ids always start with two letters and
 * then (for IT) 11 digits; a codice fiscale is never prefixed.
 */
export function debtorKey(
  kind: "person" | "company",
  vat: { country: string; number: string } | undefined,
  taxCode: string | undefined,
): string | undefined {
  const vatKey = vat ? `${vat.country}${vat.number}` : undefined;
  if (kind === "company") return vatKey ?? taxCode;
  return taxCode ?? vatKey;
}

/**
 * Invoice id: "<supplier country+VAT>/<year of the document date>/<number>/<TipoDocumento>",
 * e.g. "IT01234567890/2017/123/TD01". Italian numbering restarts every year and a
 * supplier may number credit notes in their own series, so all four parts are needed
 * to name one document; all four are printed on the document, so the id is stable.
 */
export function invoiceKey(doc: FatturaDocument, body: FatturaBody): string {
  return `${supplierKey(doc)}/${body.date.slice(0, 4)}/${body.number}/${body.documentType}`;
}

/**
 * The invoices a credit note refers to. A reference to a document in the same file
 * resolves exactly. Otherwise the id is rebuilt from what the reference states, with
 * two approximations: when the reference has no date, the credit note's own year is
 * assumed (credit notes mostly follow their invoice within the year), and the
 * referenced type is assumed to be TD01, the ordinary invoice. A wrong guess only
 * leaves the link unresolved; it never links to another supplier's invoice.
 */
export function relatedInvoiceKeys(doc: FatturaDocument, creditNote: FatturaBody): string[] {
  const keys = creditNote.relatedInvoices.map((ref) => relatedKey(doc, creditNote, ref));
  return [...new Set(keys)];
}

function relatedKey(
  doc: FatturaDocument,
  creditNote: FatturaBody,
  ref: FatturaRelatedDocument,
): string {
  const year = ref.date?.slice(0, 4);
  const sameFile = doc.bodies.find(
    (b) =>
      b !== creditNote &&
      !b.isCreditNote &&
      b.number === ref.number &&
      (year === undefined || b.date.startsWith(year)),
  );
  if (sameFile) return invoiceKey(doc, sameFile);
  return `${supplierKey(doc)}/${year ?? creditNote.date.slice(0, 4)}/${ref.number}/TD01`;
}

function supplierKey(doc: FatturaDocument): string {
  return `${doc.supplier.vatCountry}${doc.supplier.vatNumber}`;
}
