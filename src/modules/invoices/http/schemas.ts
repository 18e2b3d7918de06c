import { z } from "zod";
import { minorToJson } from "../../../platform/money";

export const invoiceOut = z.object({
  id: z.string(),
  externalId: z.string(),
  debtorId: z.string(),
  caseId: z.string().nullable(),
  number: z.string(),
  documentType: z.enum(["invoice", "credit_note"]),
  issueDate: z.string(),
  dueDate: z.string(),
  amountMinor: z.number().int().describe("integer minor units (cents)"),
  openAmountMinor: z.number().int(),
  currency: z.string(),
  status: z.enum(["open", "paid", "cancelled"]),
  relatedExternalIds: z.array(z.string()),
  source: z.string(),
});

export const installmentOut = z.object({
  seq: z.number().int(),
  dueDate: z.string(),
  amountMinor: z.number().int(),
  openAmountMinor: z.number().int(),
  paymentMethod: z.string().nullable(),
  iban: z.string().nullable(),
});

type InvoiceRow = {
  id: string;
  external_id: string;
  debtor_id: string;
  case_id: string | null;
  number: string;
  document_type: string;
  issue_date: string;
  due_date: string;
  amount_minor: bigint;
  open_amount_minor: bigint;
  currency: string;
  status: string;
  related_external_ids: string[];
  source: string;
};

export const toInvoice = (i: InvoiceRow): z.infer<typeof invoiceOut> => ({
  id: i.id,
  externalId: i.external_id,
  debtorId: i.debtor_id,
  caseId: i.case_id,
  number: i.number,
  documentType: i.document_type as "invoice" | "credit_note",
  issueDate: i.issue_date,
  dueDate: i.due_date,
  amountMinor: minorToJson(i.amount_minor),
  openAmountMinor: minorToJson(i.open_amount_minor),
  currency: i.currency,
  status: i.status as "open" | "paid" | "cancelled",
  relatedExternalIds: i.related_external_ids,
  source: i.source,
});

type InstallmentRow = {
  seq: number;
  due_date: string;
  amount_minor: bigint;
  open_amount_minor: bigint;
  payment_method: string | null;
  iban: string | null;
};

export const toInstallment = (i: InstallmentRow): z.infer<typeof installmentOut> => ({
  seq: i.seq,
  dueDate: i.due_date,
  amountMinor: minorToJson(i.amount_minor),
  openAmountMinor: minorToJson(i.open_amount_minor),
  paymentMethod: i.payment_method,
  iban: i.iban,
});
