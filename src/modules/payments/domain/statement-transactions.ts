/**
 * A parsed statement flattened to the transactions Saldo books: booked entries
 * only (pending and information-only ones change nothing yet), each with the keys
 * that may name its case.
 */
import type { ParsedStatement } from "../statements/types.js";
import { type CaseKey, matchKeysOf } from "./match-keys.js";

/** One bank transaction as Saldo books it. */
export interface StagedTransaction {
  key: string;
  line: number;
  direction: "credit" | "debit";
  reversal: boolean;
  amountMinor: bigint;
  currency: string;
  bookedOn: string;
  valueDate: string | null;
  payerName: string | null;
  payerIban: string | null;
  endToEndId: string | null;
  originalEndToEndId: string | null;
  returnReason: string | null;
  refs: { structured: string[]; unstructured: string[] };
  caseKeys: CaseKey[];
}

export interface FlattenedStatement {
  transactions: StagedTransaction[];
  /** Entries not booked (pending, information only). */
  notBooked: number;
}

export function statementTransactions(statement: ParsedStatement): FlattenedStatement {
  const transactions: StagedTransaction[] = [];
  let notBooked = 0;
  for (const report of statement.reports) {
    for (const entry of report.entries) {
      if (entry.status !== "booked") {
        notBooked += entry.transactions.length;
        continue;
      }
      for (const tx of entry.transactions) {
        const bookedOn = entry.bookingDate ?? entry.valueDate ?? statement.createdAt?.slice(0, 10);
        transactions.push({
          key: tx.key,
          line: entry.line,
          direction: entry.direction,
          reversal: entry.reversal,
          amountMinor: tx.amountMinor,
          currency: tx.currency,
          bookedOn: bookedOn ?? "1970-01-01",
          valueDate: entry.valueDate ?? null,
          payerName: (entry.direction === "credit" ? tx.debtorName : tx.creditorName) ?? null,
          payerIban: (entry.direction === "credit" ? tx.debtorIban : tx.creditorIban) ?? null,
          endToEndId: tx.endToEndId ?? null,
          originalEndToEndId: tx.originalEndToEndId ?? null,
          returnReason: tx.returnReason ?? null,
          refs: { structured: tx.structuredReferences, unstructured: tx.unstructured },
          caseKeys: matchKeysOf({
            structuredReferences: tx.structuredReferences,
            unstructured: tx.unstructured,
            ...(tx.endToEndId ? { endToEndId: tx.endToEndId } : {}),
          }).caseKeys,
        });
      }
    }
  }
  return { transactions, notBooked };
}
