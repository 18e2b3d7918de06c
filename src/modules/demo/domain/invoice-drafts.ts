/**
 * What both invoice generators share: the draft shape (day numbers, not yet
 * numbered), how deep in arrears a debtor is, partial payments, credit notes,
 * and the final numbering that turns drafts into InvoiceRecords.
 */
import type { InvoiceRecord, InvoiceStatus } from "../../imports/domain/records.js";
import type { AgingBucket } from "./aging.js";
import { dayParts, formatIsoDay } from "./calendar.js";
import type { SeededRandom } from "./random.js";

export interface InstallmentDraft {
  dueDay: number;
  amount: bigint;
  paid: boolean;
}

export interface InvoiceDraft {
  debtorExternalId: string;
  documentType: "invoice" | "credit_note";
  issueDay: number;
  dueDay: number;
  amount: bigint;
  open: bigint;
  status: InvoiceStatus;
  installments?: InstallmentDraft[];
  relatedTo?: InvoiceDraft;
}

/**
 * Days past due of the debtor's oldest open invoice, drawn within its bucket.
 * "Not due" is -`maxAhead`..0; the 90+ tail runs to well over a year, as real books do.
 */
export function targetDaysPastDue(
  rng: SeededRandom,
  bucket: AgingBucket,
  maxAhead: number,
): number {
  switch (bucket) {
    case "not_due":
      return -rng.int(0, maxAhead);
    case "dpd_1_30":
      return rng.int(1, 30);
    case "dpd_31_60":
      return rng.int(31, 60);
    case "dpd_61_90":
      return rng.int(61, 90);
    case "dpd_over_90":
      return rng.weighted<number>([
        [rng.int(91, 150), 50],
        [rng.int(151, 300), 35],
        [rng.int(301, 480), 15],
      ]);
  }
}

/** A euro amount in cents, uniform between the bounds. */
export function euroCents(rng: SeededRandom, minEuro: number, maxEuro: number): bigint {
  return BigInt(rng.int(minEuro * 100, maxEuro * 100));
}

/** Log-uniform: small invoices are common, large ones rare, as in any trade ledger. */
export function logUniformCents(rng: SeededRandom, minEuro: number, maxEuro: number): bigint {
  const euros = Math.exp(Math.log(minEuro) + rng.next() * (Math.log(maxEuro) - Math.log(minEuro)));
  return BigInt(Math.min(maxEuro * 100, Math.max(minEuro * 100, Math.round(euros * 100))));
}

/** Part of `amount` (a share between the bounds), whole cents, at least one cent, less than the whole. */
export function shareOf(amount: bigint, share: number): bigint {
  const part = (amount * BigInt(Math.round(share * 10_000))) / 10_000n;
  if (part < 1n) return 1n;
  return part >= amount ? amount - 1n : part;
}

export function paidDraft(draft: Omit<InvoiceDraft, "open" | "status">): InvoiceDraft {
  return { ...draft, open: 0n, status: "paid" };
}

export function openDraft(draft: Omit<InvoiceDraft, "open" | "status">): InvoiceDraft {
  return { ...draft, open: draft.amount, status: "open" };
}

/** A payment on account: the debtor paid 20–80% and still owes the rest. */
export function payPartly(rng: SeededRandom, draft: InvoiceDraft): void {
  draft.open = draft.amount - shareOf(draft.amount, 0.2 + rng.next() * 0.6);
}

/**
 * A credit note against one open invoice (a billing correction, returned goods).
 * It is not yet offset: its open amount is its whole (negative) amount, and the case
 * nets it against the invoice it names.
 */
export function creditNoteFor(
  rng: SeededRandom,
  invoice: InvoiceDraft,
  today: number,
): InvoiceDraft {
  const credit = shareOf(invoice.open, 0.1 + rng.next() * 0.3);
  const issueDay = Math.min(today, invoice.issueDay + rng.int(5, 40));
  return {
    debtorExternalId: invoice.debtorExternalId,
    documentType: "credit_note",
    issueDay,
    dueDay: issueDay,
    amount: -credit,
    open: -credit,
    status: "open",
    relatedTo: invoice,
  };
}

/**
 * Numbers a tenant's documents the way an accounting system does: one sequence per
 * year and document type, in issue order ("FT/2026/000123", credit notes "NC/2026/000012").
 */
export function numberDocuments(prefix: string, drafts: readonly InvoiceDraft[]): InvoiceRecord[] {
  const order = drafts.map((_, index) => index);
  order.sort((a, b) => drafts[a]!.issueDay - drafts[b]!.issueDay || a - b);

  const counters = new Map<string, number>();
  const externalIds: string[] = new Array(drafts.length);
  const numbers: string[] = new Array(drafts.length);
  for (const index of order) {
    const draft = drafts[index]!;
    const year = dayParts(draft.issueDay).year;
    const credit = draft.documentType === "credit_note";
    const key = `${credit ? "NC" : "FT"}/${year}`;
    const next = (counters.get(key) ?? 0) + 1;
    counters.set(key, next);
    const seq = String(next).padStart(6, "0");
    externalIds[index] = credit ? `${prefix}-NC-${year}-${seq}` : `${prefix}-${year}-${seq}`;
    numbers[index] = `${key}/${seq}`;
  }
  // Credit notes name their invoice; few of them, so a lookup by identity is enough.
  const indexOf = new Map<InvoiceDraft, number>();
  for (const draft of drafts)
    if (draft.relatedTo) indexOf.set(draft.relatedTo, drafts.indexOf(draft.relatedTo));

  return drafts.map((draft, index) => {
    const record: InvoiceRecord = {
      externalId: externalIds[index]!,
      debtorExternalId: draft.debtorExternalId,
      number: numbers[index]!,
      issueDate: formatIsoDay(draft.issueDay),
      dueDate: formatIsoDay(draft.dueDay),
      amountMinor: draft.amount,
      openAmountMinor: draft.open,
      currency: "EUR",
      status: draft.status,
      documentType: draft.documentType,
    };
    if (draft.installments) {
      record.installments = draft.installments.map((installment, i) => ({
        seq: i + 1,
        dueDate: formatIsoDay(installment.dueDay),
        amountMinor: installment.amount,
      }));
    }
    if (draft.relatedTo) record.relatedExternalIds = [externalIds[indexOf.get(draft.relatedTo)!]!];
    return record;
  });
}
