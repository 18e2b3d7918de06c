/**
 * Idempotency keys for bank transactions.
 *
 * The same transaction reaches us more than once: a file imported twice, two day
 * statements that overlap by a day, a camt.054 notification followed by the
 * camt.053 of the day. Its key must then be the same, and two different
 * transactions must never share one (the second payment would be dropped as a
 * duplicate). The key is a sha-256 over, in this order of preference:
 *
 * 1. the account + the transaction's own bank reference (TxDtls/Refs/AcctSvcrRef),
 *    when it is unique within its entry (some banks repeat the batch reference
 *    on every transaction of a batch; then it identifies nothing);
 * 2. else the account + the entry's bank reference (Ntry/AcctSvcrRef) + the
 *    transaction's position in the entry;
 * 3. else the account + the entry reference (NtryRef) + the booking date (many
 *    banks restart NtryRef numbering in every statement) + the position;
 * 4. else the account + the content: booking and value date, amount, currency,
 *    direction, end-to-end id, structured references, debtor name and IBAN.
 *
 * Every variant also covers the direction and the reversal flag, so a reversal
 * that reuses the original's bank reference still gets a key of its own. Finally,
 * the ordinal among transactions that produced the same material in this file is
 * added: two genuinely identical transfers on one day (same debtor, amount and
 * text) get keys #1 and #2, in every file that carries both.
 *
 * Limits: a transaction reported with a bank reference in one file and without in
 * another gets two keys (banks are consistent within a product, so in practice
 * this does not happen); variant 4 cannot tell identical transfers apart when a
 * later file carries only some of them.
 */
import { hash } from "node:crypto";
import type { EntryDirection } from "./types.js";

export interface KeyMaterial {
  /** IBAN, else the other account id. */
  account: string;
  direction: EntryDirection;
  reversal: boolean;
  /** 1-based position of the transaction in its entry. */
  transactionIndex: number;
  /** Set only when unique within the entry (rule 1). */
  transactionServicerReference?: string;
  entryServicerReference?: string;
  entryReference?: string;
  bookingDate?: string;
  valueDate?: string;
  amountMinor: bigint;
  currency: string;
  endToEndId?: string;
  structuredReferences: readonly string[];
  debtorName?: string;
  debtorIban?: string;
}

/** One per parsed file: it counts identical material to number the duplicates. */
export class StatementKeys {
  private readonly seen = new Map<string, number>();

  keyFor(material: KeyMaterial): string {
    const base = JSON.stringify(identity(material));
    const ordinal = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, ordinal);
    return hash("sha256", `${base}#${ordinal}`, "hex");
  }
}

function identity(m: KeyMaterial): unknown[] {
  const common = [m.account, m.direction, m.reversal ? "reversal" : "original"];
  if (m.transactionServicerReference !== undefined) {
    return ["tx", ...common, m.transactionServicerReference];
  }
  if (m.entryServicerReference !== undefined) {
    return ["entry", ...common, m.entryServicerReference, m.transactionIndex];
  }
  if (m.entryReference !== undefined) {
    return ["ntryref", ...common, m.entryReference, m.bookingDate ?? "", m.transactionIndex];
  }
  return [
    "content",
    ...common,
    m.bookingDate ?? "",
    m.valueDate ?? "",
    m.amountMinor.toString(),
    m.currency,
    m.endToEndId ?? "",
    m.structuredReferences,
    m.debtorName ?? "",
    m.debtorIban ?? "",
  ];
}
