import { isValidTaxCode, isValidVatNumber, normalizeTaxId } from "../../../debtors/domain/tax-ids";
import type {
  ContactRecord,
  DebtorRecord,
  InstallmentRecord,
  IntakeRecord,
  InvoiceRecord,
  PostalAddress,
  RowError,
} from "../records";
import { debtorKey, invoiceKey, relatedInvoiceKeys } from "./external-ids";
import type { FatturaBody, FatturaCustomer, FatturaDocument, FatturaInstallment } from "./types";

export interface FatturaIntakeOptions {
  fileName: string;
  /** Used when the customer's country does not tell the language (Italy, San Marino, Vatican → "it"). */
  defaultLanguage?: string;
}

const CUSTOMER = "FatturaElettronicaHeader/CessionarioCommittente";
const TAX_CODE_PATH = `${CUSTOMER}/DatiAnagrafici/CodiceFiscale`;
const VAT_PATH = `${CUSTOMER}/DatiAnagrafici/IdFiscaleIVA/IdCodice`;
const PEC_PATH = "FatturaElettronicaHeader/DatiTrasmissione/PECDestinatario";

const ITALIAN_SPEAKING: Record<string, string> = {
  IT: "Europe/Rome",
  SM: "Europe/San_Marino",
  VA: "Europe/Vatican",
};

/**
 * Maps a parsed FatturaPA document to intake records: the customer as debtor, its
 * postal address and PEC as contacts, and one invoice per body.
 *
 * Identifier policy: an identifier failing its check digit becomes a RowError and is
 * left out of the debtor record. The debtor is still produced, keyed by the other,
 * valid identifier when there is one. When the bad identifier is the only one, the
 * debtor is keyed by it as written anyway: the key stays stable across re-imports,
 * the name and address are usable, and the debt is not lost; the RowError tells a
 * person to correct the master data. Only a customer with no identifier at all
 * yields no records. (SdI rejects invalid codes, so this concerns files from other
 * sources, and the official specification samples, whose customer code fails.)
 */
export function fatturaToIntakeRecords(
  doc: FatturaDocument,
  opts: FatturaIntakeOptions,
): { records: IntakeRecord[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const customer = doc.customer;
  const rowError = (line: number | undefined, field: string, reason: string, value?: string) =>
    errors.push({
      source: opts.fileName,
      line: line ?? customer.lines.element,
      field,
      ...(value !== undefined && { value }),
      reason,
    });

  const taxCode = customer.taxCode ? normalizeTaxId(customer.taxCode) : undefined;
  const taxCodeValid = taxCode !== undefined && isValidTaxCode(taxCode);
  if (taxCode !== undefined && !taxCodeValid) {
    rowError(
      customer.lines.taxCode,
      TAX_CODE_PATH,
      "invalid codice fiscale (format or check character)",
      customer.taxCode,
    );
  }
  const vat = readVat(customer);
  if (vat && !vat.valid) {
    rowError(
      customer.lines.vatNumber,
      VAT_PATH,
      "invalid partita IVA (format or check digit)",
      customer.vatNumber,
    );
  }

  const externalId =
    debtorKey(customer.kind, vat?.valid ? vat : undefined, taxCodeValid ? taxCode : undefined) ??
    debtorKey(customer.kind, vat, taxCode);
  if (!externalId) {
    rowError(
      customer.lines.element,
      `${CUSTOMER}/DatiAnagrafici`,
      "the customer has neither IdFiscaleIVA nor CodiceFiscale",
    );
    for (const body of doc.bodies) {
      rowError(
        body.line,
        `FatturaElettronicaBody`,
        `document ${body.number} not imported: its customer cannot be identified`,
      );
    }
    return { records: [], errors };
  }

  const records: IntakeRecord[] = [];
  records.push({
    type: "debtor",
    line: customer.lines.element,
    record: debtorRecord(customer, externalId, {
      taxCode: taxCodeValid ? taxCode : undefined,
      // DebtorRecord.vatNumber is an Italian partita IVA; foreign VAT ids live in the key only.
      vatNumber: vat?.valid && vat.country === "IT" ? vat.number : undefined,
      defaultLanguage: opts.defaultLanguage,
    }),
  });

  if (customer.address) {
    records.push({
      type: "contact",
      line: customer.lines.address ?? customer.lines.element,
      record: {
        debtorExternalId: externalId,
        kind: "postal",
        value: renderAddress(customer.address),
        address: customer.address,
        source: "fatturapa",
      } satisfies ContactRecord,
    });
  }
  if (customer.pec) {
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(customer.pec)) {
      records.push({
        type: "contact",
        line: customer.lines.pec ?? customer.lines.element,
        record: {
          debtorExternalId: externalId,
          kind: "pec",
          value: customer.pec,
          source: "fatturapa",
        },
      });
    } else {
      rowError(customer.lines.pec, PEC_PATH, "not an e-mail address", customer.pec);
    }
  }

  for (const body of doc.bodies) {
    records.push({
      type: "invoice",
      line: body.line,
      record: invoiceRecord(doc, body, externalId),
    });
  }
  return { records, errors };
}

function readVat(customer: FatturaCustomer) {
  if (!customer.vatNumber) return undefined;
  const country = customer.vatCountry ?? "IT";
  if (country !== "IT") return { country, number: customer.vatNumber, valid: true };
  // Foreign VAT numbers have no check here; Italian ones have a check digit.
  const number = normalizeTaxId(customer.vatNumber);
  return { country, number, valid: isValidVatNumber(number) };
}

function debtorRecord(
  customer: FatturaCustomer,
  externalId: string,
  extra: { taxCode?: string; vatNumber?: string; defaultLanguage?: string },
): DebtorRecord {
  const record: DebtorRecord = { externalId, kind: customer.kind, name: customer.name };
  if (customer.firstName) record.firstName = customer.firstName;
  if (customer.lastName) record.lastName = customer.lastName;
  if (extra.taxCode) record.taxCode = extra.taxCode;
  if (extra.vatNumber) record.vatNumber = extra.vatNumber;
  const country = customer.address?.country ?? customer.vatCountry;
  const timeZone = country ? ITALIAN_SPEAKING[country] : undefined;
  const language = timeZone ? "it" : extra.defaultLanguage;
  if (language) record.language = language;
  if (timeZone) record.timeZone = timeZone;
  return record;
}

/** "VIA TORINO 38-B, 00145 ROMA (RM), IT" */
export function renderAddress(a: PostalAddress): string {
  const city = `${a.postalCode} ${a.city}${a.province ? ` (${a.province})` : ""}`;
  return [a.line1, a.line2, city, a.country].filter(Boolean).join(", ");
}

/**
 * The amount is what the customer owes the supplier (amountDueMinor), negative for a
 * credit note whatever sign the document used. A credit note carries no instalments:
 * its DettaglioPagamento describes a refund, not a debt to schedule.
 */
function invoiceRecord(
  doc: FatturaDocument,
  body: FatturaBody,
  debtorExternalId: string,
): InvoiceRecord {
  const magnitude = body.amountDueMinor < 0n ? -body.amountDueMinor : body.amountDueMinor;
  const amountMinor = body.isCreditNote ? -magnitude : body.amountDueMinor;
  const dated = body.installments.map((inst) => ({
    inst,
    dueDate: effectiveDueDate(inst, body.date),
  }));
  const earliest = dated.map((d) => d.dueDate).sort()[0];
  const record: InvoiceRecord = {
    externalId: invoiceKey(doc, body),
    debtorExternalId,
    number: body.number,
    issueDate: body.date,
    dueDate: earliest ?? body.date,
    amountMinor,
    openAmountMinor: amountMinor,
    currency: body.currency,
    status: "open",
    documentType: body.isCreditNote ? "credit_note" : "invoice",
  };
  if (!body.isCreditNote && dated.length > 0) {
    // Sorted by due date (stable), so seq 1 is the first instalment to fall due.
    record.installments = [...dated]
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
      .map(({ inst, dueDate }, i): InstallmentRecord => {
        const installment: InstallmentRecord = {
          seq: i + 1,
          dueDate,
          amountMinor: inst.amountMinor,
          paymentMethod: inst.method,
        };
        if (inst.iban) installment.iban = inst.iban;
        return installment;
      });
  }
  if (body.isCreditNote && body.relatedInvoices.length > 0) {
    record.relatedExternalIds = relatedInvoiceKeys(doc, body);
  }
  return record;
}

/**
 * DataScadenzaPagamento when given; else "GiorniTerminiPagamento days from
 * DataRiferimentoTerminiPagamento (or the document date)"; else the document date.
 */
function effectiveDueDate(inst: FatturaInstallment, documentDate: string): string {
  if (inst.dueDate) return inst.dueDate;
  if (inst.termDays === undefined) return documentDate;
  const start = inst.termStartDate ?? documentDate;
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + inst.termDays)).toISOString().slice(0, 10);
}
