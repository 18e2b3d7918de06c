/**
 * A utility's bills for one customer: households are billed every two months,
 * small businesses monthly, each bill due 20 days after issue. Consumption is
 * seasonal (heating in winter). Bills older than the oldest open one are paid.
 */
import type { AgingBucket } from "./aging.js";
import { addMonths, dayParts } from "./calendar.js";
import {
  euroCents,
  type InvoiceDraft,
  openDraft,
  paidDraft,
  payPartly,
  targetDaysPastDue,
} from "./invoice-drafts.js";
import type { SeededRandom } from "./random.js";

const DAYS_TO_PAY = 20;

/** How many bills a customer has on file: most a handful, some a year or more. */
const BILL_COUNTS = [
  [1, 8],
  [2, 12],
  [3, 16],
  [4, 18],
  [5, 16],
  [6, 12],
  [7, 10],
  [8, 8],
] as const;

/** Winter heating and summer air conditioning push the bill up. */
function seasonalFactor(issueDay: number): number {
  const { month } = dayParts(issueDay);
  if (month === 12 || month <= 3) return 1.35;
  if (month === 7 || month === 8) return 1.1;
  return 1;
}

function billAmount(rng: SeededRandom, base: bigint, issueDay: number): bigint {
  const factor = seasonalFactor(issueDay) * (0.85 + rng.next() * 0.3);
  const cents = Math.round(Number(base) * factor);
  // Keep bills in the 30–600 € range of a real utility ledger.
  return BigInt(Math.min(60_000, Math.max(3_000, cents)));
}

export function utilityBills(
  rng: SeededRandom,
  debtorExternalId: string,
  segment: "residential" | "small_business",
  today: number,
  bucket: AgingBucket,
): InvoiceDraft[] {
  const periodMonths = segment === "residential" ? 2 : 1;
  const base = segment === "residential" ? euroCents(rng, 40, 170) : euroCents(rng, 110, 420);
  const count = rng.weighted(BILL_COUNTS);

  // Anchor on the oldest unpaid bill; a bill is never issued after today.
  const dpd = targetDaysPastDue(rng, bucket, DAYS_TO_PAY - 1);
  const oldestOpenIssue = today - dpd - DAYS_TO_PAY;

  const openIssues: number[] = [];
  for (let k = 0; openIssues.length < count; k++) {
    const issue = addMonths(oldestOpenIssue, k * periodMonths);
    if (issue > today) break;
    openIssues.push(issue);
  }
  const paidIssues: number[] = [];
  for (let k = 1; paidIssues.length + openIssues.length < count; k++) {
    paidIssues.unshift(addMonths(oldestOpenIssue, -k * periodMonths));
  }

  const bill = (issueDay: number) => ({
    debtorExternalId,
    documentType: "invoice" as const,
    issueDay,
    dueDay: issueDay + DAYS_TO_PAY,
    amount: billAmount(rng, base, issueDay),
  });

  const drafts = paidIssues.map((issue) => paidDraft(bill(issue)));
  openIssues.forEach((issue, index) => {
    // Some pay the latest bill to keep the supply on while an older one stays open.
    if (index > 0 && rng.chance(0.07)) {
      drafts.push(paidDraft(bill(issue)));
      return;
    }
    const draft = openDraft(bill(issue));
    if (rng.chance(0.12)) payPartly(rng, draft);
    drafts.push(draft);
  });
  return drafts;
}
