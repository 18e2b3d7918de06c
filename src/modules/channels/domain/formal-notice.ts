/**
 * The itemised amounts of a formal notice (diffida ad adempiere / messa in mora):
 * capital, interest from each due date to today at a yearly rate (simple interest,
 * days/365), and for companies the flat recovery cost per invoice of D.Lgs.
 * 231/2002 art. 6. Integer minor units throughout; interest rounds half up per invoice.
 */
import { daysBetween } from "../../../platform/clock";

export interface FormalNoticeAmounts {
  capitalMinor: bigint;
  interestMinor: bigint;
  costsMinor: bigint;
  totalMinor: bigint;
}

export function formalNoticeAmounts(input: {
  invoices: ReadonlyArray<{ dueDate: string; openAmountMinor: bigint }>;
  today: string;
  interestRatePercent: number;
  debtorKind: "person" | "company";
  b2bFlatCostMinor: number;
}): FormalNoticeAmounts {
  // The rate in hundredths of a percent keeps the arithmetic in integers.
  const basisPoints = BigInt(Math.round(input.interestRatePercent * 100));
  let capital = 0n;
  let interest = 0n;
  let overdueInvoices = 0n;
  for (const invoice of input.invoices) {
    if (invoice.openAmountMinor <= 0n) continue;
    capital += invoice.openAmountMinor;
    const days = BigInt(Math.max(0, daysBetween(invoice.dueDate, input.today)));
    if (days > 0n) overdueInvoices++;
    const numerator = invoice.openAmountMinor * basisPoints * days;
    const denominator = 10_000n * 365n;
    interest += (numerator * 2n + denominator) / (denominator * 2n);
  }
  const costs =
    input.debtorKind === "company" ? overdueInvoices * BigInt(input.b2bFlatCostMinor) : 0n;
  return {
    capitalMinor: capital,
    interestMinor: interest,
    costsMinor: costs,
    totalMinor: capital + interest + costs,
  };
}
