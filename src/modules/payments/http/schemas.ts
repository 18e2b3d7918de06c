import { z } from "zod";
import type { PaymentRow } from "../store/payment-queries.js";

/** Minor units travel as strings of digits: JSON numbers lose cents above 2^53. */
export const minorOut = z.string().regex(/^-?\d+$/);
export const minorIn = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform((value) => BigInt(value));

export const paymentOut = z.object({
  id: z.string(),
  source: z.string(),
  status: z.enum(["unmatched", "allocated", "reversed", "ignored"]),
  amountMinor: minorOut,
  currency: z.string(),
  bookedOn: z.string(),
  valueDate: z.string().nullable(),
  payerName: z.string().nullable(),
  payerIban: z.string().nullable(),
  endToEndId: z.string().nullable(),
  references: z.array(z.string()),
  remittance: z.array(z.string()),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  installmentId: z.string().nullable(),
  matchMethod: z.string().nullable(),
  matchConfidence: z.number().nullable(),
  suggestions: z.array(z.unknown()),
  statementImportId: z.string().nullable(),
  statementLine: z.number().nullable(),
  reversalReason: z.string().nullable(),
  createdAt: z.string(),
});

export function toPayment(row: PaymentRow): z.infer<typeof paymentOut> {
  return {
    id: row.id,
    source: row.source,
    status: row.status as z.infer<typeof paymentOut>["status"],
    amountMinor: row.amount_minor.toString(),
    currency: row.currency,
    bookedOn: row.booked_on,
    valueDate: row.value_date,
    payerName: row.payer_name,
    payerIban: row.payer_iban,
    endToEndId: row.end_to_end_id,
    references: row.refs.structured ?? [],
    remittance: row.refs.unstructured ?? [],
    caseId: row.case_id,
    caseReference: row.case_reference,
    installmentId: row.installment_id,
    matchMethod: row.match_method,
    matchConfidence: row.match_confidence,
    suggestions: row.suggestions,
    statementImportId: row.statement_import_id,
    statementLine: row.statement_line,
    reversalReason: row.reversal_reason,
    createdAt: row.created_at.toISOString(),
  };
}

export const statementImportOut = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.string(),
  version: z.string(),
  transactions: z.number(),
  credits: z.number(),
  duplicates: z.number(),
  matched: z.number(),
  unmatched: z.number(),
  reversals: z.number(),
  ignored: z.number(),
  closedCases: z.number().optional(),
  problems: z.array(z.object({ line: z.number(), field: z.string(), reason: z.string() })),
});
