/**
 * A wholesaler's invoices for one trade customer: irregular orders, payment terms
 * of 30/60/90 days either from the invoice date ("d.f.") or to the end of the month
 * ("d.f.f.m."), and for larger orders two or three installments (30/60/90 days end of month).
 */
import type { AgingBucket } from "./aging.js";
import { endOfMonthAfter } from "./calendar.js";
import {
  type InstallmentDraft,
  type InvoiceDraft,
  logUniformCents,
  openDraft,
  paidDraft,
  payPartly,
  targetDaysPastDue,
} from "./invoice-drafts.js";
import type { SeededRandom, Weighted } from "./random.js";

export type SupplierSegment = "key_account" | "sme" | "sole_trader";

interface PaymentTerms {
  days: 30 | 60 | 90;
  endOfMonth: boolean;
}

const TERMS: Record<SupplierSegment, Weighted<PaymentTerms>> = {
  key_account: [
    [{ days: 60, endOfMonth: true }, 4],
    [{ days: 90, endOfMonth: true }, 3],
    [{ days: 60, endOfMonth: false }, 2],
  ],
  sme: [
    [{ days: 30, endOfMonth: true }, 3],
    [{ days: 60, endOfMonth: true }, 3],
    [{ days: 30, endOfMonth: false }, 3],
    [{ days: 60, endOfMonth: false }, 2],
    [{ days: 90, endOfMonth: true }, 1],
  ],
  sole_trader: [
    [{ days: 30, endOfMonth: false }, 4],
    [{ days: 30, endOfMonth: true }, 3],
    [{ days: 60, endOfMonth: true }, 1],
  ],
};

const AMOUNT_RANGE: Record<SupplierSegment, readonly [number, number]> = {
  key_account: [2_000, 25_000],
  sme: [500, 12_000],
  sole_trader: [500, 5_000],
};

const INVOICE_COUNTS: Weighted<number> = [
  [1, 25],
  [2, 25],
  [3, 20],
  [4, 15],
  [5, 15],
];

function dueFor(issueDay: number, terms: PaymentTerms): number {
  return terms.endOfMonth ? endOfMonthAfter(issueDay, terms.days / 30) : issueDay + terms.days;
}

/** The issue day whose due date falls on (end of month: in the month of) `dueDay`. */
function issueFor(rng: SeededRandom, dueDay: number, terms: PaymentTerms): number {
  if (!terms.endOfMonth) return dueDay - terms.days;
  // Any day of the month `days/30` months earlier gives that month-end due date.
  const monthEnd = endOfMonthAfter(dueDay, -terms.days / 30);
  return monthEnd - rng.int(0, 27);
}

/** Equal parts, the cents left over on the last one, so they add up to the amount exactly. */
function splitInstallments(issueDay: number, amount: bigint, count: number): InstallmentDraft[] {
  const part = amount / BigInt(count);
  return Array.from({ length: count }, (_, i) => ({
    dueDay: endOfMonthAfter(issueDay, i + 1),
    amount: i === count - 1 ? amount - part * BigInt(count - 1) : part,
    paid: false,
  }));
}

/** Installments due before today are paid in order, each with probability `payRate`. */
function settleInstallments(
  rng: SeededRandom,
  draft: InvoiceDraft,
  today: number,
  payRate: number,
): void {
  const installments = draft.installments!;
  for (const installment of installments) {
    if (installment.dueDay >= today || !rng.chance(payRate)) break;
    installment.paid = true;
  }
  const unpaid = installments.filter((installment) => !installment.paid);
  draft.open = unpaid.reduce((sum, installment) => sum + installment.amount, 0n);
  draft.status = unpaid.length === 0 ? "paid" : "open";
  // The record's due date is the first open installment's (the last one once all are paid).
  draft.dueDay = (unpaid[0] ?? installments[installments.length - 1]!).dueDay;
}

export function supplierInvoices(
  rng: SeededRandom,
  debtorExternalId: string,
  segment: SupplierSegment,
  today: number,
  bucket: AgingBucket,
): InvoiceDraft[] {
  const usualTerms = rng.weighted(TERMS[segment]);
  const [minEuro, maxEuro] = AMOUNT_RANGE[segment];
  const count = rng.weighted(INVOICE_COUNTS);

  const invoice = (issueDay: number): Omit<InvoiceDraft, "open" | "status"> => {
    const amount = logUniformCents(rng, minEuro, maxEuro);
    // Larger orders are sometimes split into 2–3 installments, 30/60/90 days end of month.
    const installmentCount = amount >= 200_000n && rng.chance(0.15) ? rng.int(2, 3) : 0;
    if (installmentCount === 0) {
      return {
        debtorExternalId,
        documentType: "invoice",
        issueDay,
        dueDay: dueFor(issueDay, usualTerms),
        amount,
      };
    }
    const installments = splitInstallments(issueDay, amount, installmentCount);
    return {
      debtorExternalId,
      documentType: "invoice",
      issueDay,
      dueDay: installments[0]!.dueDay,
      amount,
      installments,
    };
  };

  // The oldest open invoice sits where the bucket says; nothing is issued after today.
  const dpd = targetDaysPastDue(rng, bucket, 45);
  const oldestIssue = Math.min(today - rng.int(0, 5), issueFor(rng, today - dpd, usualTerms));

  // The open run: orders every 10–40 days from the oldest unpaid one up to today.
  const openIssues = [oldestIssue];
  while (openIssues.length < count) {
    const next = openIssues[openIssues.length - 1]! + rng.int(10, 40);
    if (next > today) break;
    openIssues.push(next);
  }
  // Older orders, all paid, fill the rest of the history.
  const paidIssues: number[] = [];
  for (let day = oldestIssue; paidIssues.length + openIssues.length < count; ) {
    day -= rng.int(12, 45);
    paidIssues.unshift(day);
  }

  const drafts: InvoiceDraft[] = paidIssues.map((day) => {
    const draft = paidDraft(invoice(day));
    const installments = draft.installments ?? [];
    for (const installment of installments) installment.paid = true;
    // A settled plan shows its last installment's due date, as settleInstallments does.
    if (installments.length > 0) draft.dueDay = installments[installments.length - 1]!.dueDay;
    return draft;
  });
  openIssues.forEach((day, index) => {
    const draft = openDraft(invoice(day));
    // The oldest keeps all its installments unpaid, so the debtor's aging is what the bucket says.
    if (draft.installments) settleInstallments(rng, draft, today, index === 0 ? 0 : 0.5);
    else if (rng.chance(0.1)) payPartly(rng, draft);
    drafts.push(draft);
  });
  return drafts;
}
