import { describe, expect, it } from "vitest";
import type { DebtorRecord, IntakeRecord, InvoiceRecord } from "../../imports/domain/records.js";
import { AGING_BUCKETS, agingBucket, daysPastDue } from "./aging.js";
import { endOfMonthAfter, parseIsoDay } from "./calendar.js";
import { generateDemoPortfolio } from "./index.js";

const TODAY = "2026-03-31"; // a month's last day: end-of-month terms must not empty a bucket
const today = parseIsoDay(TODAY);
const portfolio = generateDemoPortfolio({ seed: 5, today: TODAY });

function split(records: IntakeRecord[]) {
  const pick = <T>(type: IntakeRecord["type"]) =>
    records.filter((r) => r.type === type).map((r) => r.record as T);
  return { debtors: pick<DebtorRecord>("debtor"), invoices: pick<InvoiceRecord>("invoice") };
}

const books = portfolio.map((p) => ({ slug: p.tenantSlug, ...split(p.records) }));
const [utility, b2b] = books;
const isInvoice = (i: InvoiceRecord) => i.documentType === "invoice";
const dpdOf = (i: InvoiceRecord) => daysPastDue(parseIsoDay(i.dueDate), today);

describe("demo invoices", () => {
  it("spread open invoices over all five aging buckets, most not due or 1–30 days late", () => {
    for (const book of books) {
      const counts = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0]));
      for (const i of book.invoices.filter((i) => isInvoice(i) && i.openAmountMinor > 0n)) {
        counts[agingBucket(dpdOf(i))]!++;
      }
      for (const bucket of AGING_BUCKETS)
        expect(counts[bucket], `${book.slug} ${bucket}`).toBeGreaterThan(10);
      const early = counts.not_due! + counts.dpd_1_30!;
      expect(early, book.slug).toBeGreaterThan(counts.dpd_61_90! + counts.dpd_over_90!);
    }
    // Another day of the month, another seed: still every bucket.
    for (const { records } of generateDemoPortfolio({ seed: 11, today: "2026-02-01" })) {
      const open = split(records).invoices.filter((i) => isInvoice(i) && i.openAmountMinor > 0n);
      const due = parseIsoDay("2026-02-01");
      const seen = new Set(open.map((i) => agingBucket(daysPastDue(parseIsoDay(i.dueDate), due))));
      expect(seen.size).toBe(5);
    }
  });

  it("keep 0 ≤ open ≤ amount, statuses consistent, dates ISO and never issued after today", () => {
    for (const book of books) {
      const wrong = book.invoices.filter(
        (i) =>
          !/^\d{4}-\d\d-\d\d$/.test(i.issueDate) ||
          !/^\d{4}-\d\d-\d\d$/.test(i.dueDate) ||
          parseIsoDay(i.issueDate) > today ||
          i.currency !== "EUR" ||
          (isInvoice(i) &&
            (i.openAmountMinor < 0n ||
              i.openAmountMinor > i.amountMinor ||
              (i.status === "paid") !== (i.openAmountMinor === 0n) ||
              i.dueDate < i.issueDate)),
      );
      expect(wrong).toEqual([]);
      const invoices = book.invoices.filter(isInvoice);
      expect(invoices.some((i) => i.status === "paid")).toBe(true);
      expect(
        invoices.some((i) => i.openAmountMinor > 0n && i.openAmountMinor < i.amountMinor),
      ).toBe(true);
    }
  });

  it("use realistic amounts: utility bills 30–600 €, 1–8 per debtor; B2B 500–25,000 €, 1–5", () => {
    const perDebtor = (invoices: InvoiceRecord[]) => {
      const counts = new Map<string, number>();
      for (const i of invoices.filter(isInvoice))
        counts.set(i.debtorExternalId, (counts.get(i.debtorExternalId) ?? 0) + 1);
      return [...counts.values()];
    };
    const bills = utility!.invoices.filter(isInvoice);
    expect(bills.every((i) => i.amountMinor >= 3_000n && i.amountMinor <= 60_000n)).toBe(true);
    expect(Math.max(...perDebtor(utility!.invoices))).toBeLessThanOrEqual(8);
    const orders = b2b!.invoices.filter(isInvoice);
    expect(orders.every((i) => i.amountMinor >= 50_000n && i.amountMinor <= 2_500_000n)).toBe(true);
    expect(Math.max(...perDebtor(b2b!.invoices))).toBeLessThanOrEqual(5);
    for (const book of books) {
      expect(perDebtor(book.invoices)).toHaveLength(book.debtors.length);
      expect(book.invoices.every((i) => typeof i.amountMinor === "bigint")).toBe(true);
      for (const i of book.invoices.filter(isInvoice)) {
        const prefix = book.slug === "utility" ? "ALL" : "FIV";
        expect(i.externalId).toMatch(new RegExp(`^${prefix}-\\d{4}-\\d{6}$`));
        expect(i.number).toBe(`FT/${i.externalId.slice(4, 8)}/${i.externalId.slice(9)}`);
      }
    }
  });

  it("split some B2B invoices into 2–3 installments at month ends that add up to the cent", () => {
    const withPlan = b2b!.invoices.filter((i) => i.installments);
    expect(withPlan.length).toBeGreaterThan(10);
    for (const i of withPlan) {
      const parts = i.installments!;
      expect(parts.length === 2 || parts.length === 3).toBe(true);
      expect(parts.reduce((sum, p) => sum + p.amountMinor, 0n)).toBe(i.amountMinor);
      expect(parts.map((p) => p.seq)).toEqual(parts.map((_, k) => k + 1));
      parts.forEach((p, k) => {
        expect(parseIsoDay(p.dueDate)).toBe(endOfMonthAfter(parseIsoDay(i.issueDate), k + 1));
      });
      // Open amount is the sum of the unpaid tail; the due date is its first installment's.
      const tail = parts.filter((p) => p.dueDate >= i.dueDate);
      if (i.status === "open") {
        expect(tail.reduce((sum, p) => sum + p.amountMinor, 0n)).toBe(i.openAmountMinor);
      }
    }
  });

  it("add a few credit notes that credit an open invoice of the same debtor", () => {
    for (const book of books) {
      const notes = book.invoices.filter((i) => i.documentType === "credit_note");
      expect(notes.length, book.slug).toBeGreaterThan(5);
      const byId = new Map(book.invoices.map((i) => [i.externalId, i]));
      for (const note of notes) {
        expect(note.amountMinor).toBeLessThan(0n);
        expect(note.openAmountMinor).toBeGreaterThanOrEqual(note.amountMinor);
        expect(note.openAmountMinor).toBeLessThanOrEqual(0n);
        expect(note.number).toMatch(/^NC\/\d{4}\/\d{6}$/);
        const related = byId.get(note.relatedExternalIds![0]!);
        expect(related?.debtorExternalId).toBe(note.debtorExternalId);
        expect(related?.documentType).toBe("invoice");
        expect(-note.amountMinor).toBeLessThanOrEqual(related!.openAmountMinor);
      }
    }
  });

  it("score later payers as riskier, with the class following the score", () => {
    for (const book of books) {
      const worst = new Map<string, number>();
      for (const i of book.invoices.filter((i) => isInvoice(i) && i.openAmountMinor > 0n)) {
        worst.set(i.debtorExternalId, Math.max(worst.get(i.debtorExternalId) ?? 0, dpdOf(i)));
      }
      const mean = (ds: DebtorRecord[]) => ds.reduce((s, d) => s + d.riskScore!, 0) / ds.length;
      const onTime = book.debtors.filter((d) => (worst.get(d.externalId) ?? 0) <= 0);
      const late = book.debtors.filter((d) => (worst.get(d.externalId) ?? 0) > 90);
      expect(mean(late) - mean(onTime), book.slug).toBeGreaterThan(300);
      for (const d of book.debtors) {
        expect(d.riskClass).toBe("ABCDE"[Math.min(4, Math.floor(d.riskScore! / 200))]);
      }
    }
  });
});
