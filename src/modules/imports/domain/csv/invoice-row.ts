/** Builds the InvoiceRecord of a row from its invoice columns. */
import type { DocumentType, InvoiceRecord, InvoiceStatus } from "../records.js";
import { checkAmount, checkCurrency } from "./cell-checks.js";
import type { CanonicalField } from "./fields.js";
import { expectedDateFormat, parseDateDetailed } from "./italian-date.js";
import type { FieldError, RowSettings, RowValues } from "./row-values.js";
import { parseDocumentType, parseInvoiceStatus } from "./value-vocabularies.js";

/**
 * Returns the record, or undefined when the row has no invoice or a field is wrong
 * (its errors are pushed to `errors`).
 */
export function buildInvoice(
  debtorId: string,
  v: RowValues,
  settings: RowSettings,
  errors: FieldError[],
): InvoiceRecord | undefined {
  // Without an invoice_id column, the document number is the only identity a file offers.
  const externalId = settings.has("invoice_id") ? v.invoice_id : v.invoice_number;
  if (externalId === undefined) {
    if (v.amount !== undefined || v.due_date !== undefined || v.open_amount !== undefined) {
      const field = settings.has("invoice_id") ? "invoice_id" : "invoice_number";
      errors.push({ field, reason: `${field} is required for an invoice` });
    }
    return undefined;
  }
  const errorsBefore = errors.length;

  let currency = settings.currency;
  if (v.currency !== undefined) {
    const checked = checkCurrency(v.currency);
    if (checked.ok) currency = checked.value;
    else errors.push({ field: "currency", value: v.currency, reason: checked.reason });
  }

  let status: InvoiceStatus | undefined = "open";
  if (v.status !== undefined) {
    status = parseInvoiceStatus(v.status);
    if (status === undefined) {
      errors.push({
        field: "status",
        value: v.status,
        reason:
          "not a known invoice status: expected open (aperta), paid (pagata, saldata) or cancelled (annullata, stornata)",
      });
    }
  }

  let documentType: DocumentType | undefined = "invoice";
  if (v.document_type !== undefined) {
    documentType = parseDocumentType(v.document_type);
    if (documentType === undefined) {
      errors.push({
        field: "document_type",
        value: v.document_type,
        reason:
          "not a known document type: expected invoice (fattura, TD01) or credit_note (nota di credito, TD04)",
      });
    }
  }

  let amount: bigint | undefined;
  if (v.amount === undefined) {
    errors.push({ field: "amount", reason: "amount is required for an invoice" });
  } else {
    const checked = checkAmount(v.amount, currency, settings.decimal);
    if (checked.ok) amount = checked.value;
    else errors.push({ field: "amount", value: v.amount, reason: checked.reason });
  }

  let openAmount: bigint | undefined;
  if (v.open_amount !== undefined && v.open_amount === v.amount && amount !== undefined) {
    openAmount = amount; // the common "nothing paid yet" row: no need to parse twice
  } else if (v.open_amount !== undefined) {
    const checked = checkAmount(v.open_amount, currency, settings.decimal);
    if (checked.ok) openAmount = checked.value;
    else errors.push({ field: "open_amount", value: v.open_amount, reason: checked.reason });
  }

  const dueDate = readDate("due_date", v, settings, errors, true);
  const issueDate = readDate("issue_date", v, settings, errors, false) ?? dueDate;

  if (
    errors.length > errorsBefore ||
    amount === undefined ||
    status === undefined ||
    documentType === undefined ||
    dueDate === undefined ||
    issueDate === undefined
  ) {
    return undefined;
  }
  // A paid or cancelled invoice owes nothing, whatever the open-amount column says.
  if (openAmount === undefined || status !== "open") openAmount = status === "open" ? amount : 0n;
  // Credit notes are negative; files write them either way.
  if (documentType === "credit_note") {
    if (amount > 0n) amount = -amount;
    if (openAmount > 0n) openAmount = -openAmount;
  }
  const outOfRange = checkAmountRange(amount, openAmount);
  if (outOfRange) {
    errors.push({ field: outOfRange.field, value: v[outOfRange.field], reason: outOfRange.reason });
    return undefined;
  }
  return {
    externalId,
    debtorExternalId: debtorId,
    number: v.invoice_number ?? externalId,
    issueDate,
    dueDate,
    amountMinor: amount,
    openAmountMinor: openAmount,
    currency,
    status,
    documentType,
  };
}

function readDate(
  field: CanonicalField,
  v: RowValues,
  settings: RowSettings,
  errors: FieldError[],
  required: boolean,
): string | undefined {
  const text = v[field];
  if (text === undefined) {
    if (required) errors.push({ field, reason: `${field} is required for an invoice` });
    return undefined;
  }
  const parsed = parseDateDetailed(text, settings.dateOrder);
  if (parsed.ok) return parsed.iso;
  const reason =
    parsed.problem === "calendar"
      ? "not a real calendar date"
      : `not a valid date: expected ${expectedDateFormat(settings.dateOrder)}`;
  errors.push({ field, value: text, reason });
  return undefined;
}

/** Larger than any receivable, and beyond what JSON numbers carry exactly. */
const MAX_MINOR = 10n ** 15n;

/** The open amount lies between zero and the amount (same sign), within sane bounds. */
function checkAmountRange(
  amount: bigint,
  open: bigint,
): { field: "amount" | "open_amount"; reason: string } | undefined {
  if (amount > MAX_MINOR || amount < -MAX_MINOR) {
    return { field: "amount", reason: "amount too large for a receivable" };
  }
  const within = amount >= 0n ? open >= 0n && open <= amount : open <= 0n && open >= amount;
  return within
    ? undefined
    : { field: "open_amount", reason: "the open amount must lie between 0 and the amount" };
}
