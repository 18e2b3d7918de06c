/** One camt Ntry (a booking on the account) with its transactions and their keys. */
import type { CamtReader } from "./camt-reader.js";
import { readTransactions } from "./camt-transaction.js";
import type { StatementKeys } from "./statement-key.js";
import type { EntryStatus, StatementEntry } from "./types.js";
import { child, nodeAt, textAt } from "./xml-node.js";
import type { XmlNode } from "./xml-scanner.js";

export interface EntryAccount {
  /** IBAN, else the other account id: the account part of every key. */
  id: string;
  /** Acct/Ccy, when the bank states it: every entry must be in it. */
  currency?: string;
}

/** Sts up to 001.05 is a bare code; from 001.06 it is Sts/Cd (or Sts/Prtry). */
const STATUSES: Record<string, EntryStatus> = {
  BOOK: "booked",
  PDNG: "pending",
  FUTR: "pending",
  INFO: "info",
};

export function readEntry(
  reader: CamtReader,
  ntry: XmlNode,
  position: { index: number; line: number },
  account: EntryAccount,
  keys: StatementKeys,
): StatementEntry {
  const amtNode = reader.required(ntry, "Amt", "Ntry");
  const amount = reader.amount(amtNode, "Ntry/Amt");
  if (account.currency !== undefined && amount.currency !== account.currency) {
    reader.fail(
      amtNode,
      "Ntry/Amt",
      `currency ${amount.currency} differs from the account's currency ${account.currency} (Acct/Ccy)`,
    );
  }
  const direction = reader.direction(ntry, "Ntry");
  const reversal = readReversal(reader, ntry);
  const entry: StatementEntry = {
    index: position.index,
    line: position.line,
    amountMinor: amount.minor,
    currency: amount.currency,
    direction,
    reversal,
    status: readStatus(reader, ntry),
    transactions: [],
  };
  const entryReference = textAt(ntry, "NtryRef");
  const servicerReference = textAt(ntry, "AcctSvcrRef");
  const bookingDate = reader.dateChoice(child(ntry, "BookgDt"), "Ntry/BookgDt");
  const valueDate = reader.dateChoice(child(ntry, "ValDt"), "Ntry/ValDt");
  const code = bankTransactionCode(ntry);
  if (entryReference !== undefined) entry.entryReference = entryReference;
  if (servicerReference !== undefined) entry.accountServicerReference = servicerReference;
  if (bookingDate !== undefined) entry.bookingDate = bookingDate;
  if (valueDate !== undefined) entry.valueDate = valueDate;
  if (code !== undefined) entry.bankTransactionCode = code;

  for (const { transaction: tx, keyReference } of readTransactions(reader, ntry, {
    amount,
    reversal,
  })) {
    tx.key = keys.keyFor({
      account: account.id,
      direction,
      reversal,
      transactionIndex: tx.index,
      transactionServicerReference: keyReference,
      entryServicerReference: servicerReference,
      entryReference,
      bookingDate,
      valueDate,
      amountMinor: tx.amountMinor,
      currency: tx.currency,
      endToEndId: tx.endToEndId,
      structuredReferences: tx.structuredReferences,
      debtorName: tx.debtorName,
      debtorIban: tx.debtorIban,
    });
    entry.transactions.push(tx);
  }
  return entry;
}

function readReversal(reader: CamtReader, ntry: XmlNode): boolean {
  const node = child(ntry, "RvslInd");
  if (!node || node.text === "false" || node.text === "0") return false;
  if (node.text === "true" || node.text === "1") return true;
  return reader.fail(node, "Ntry/RvslInd", `"${node.text}" is not true or false`);
}

function readStatus(reader: CamtReader, ntry: XmlNode): EntryStatus {
  const sts = reader.required(ntry, "Sts", "Ntry");
  const code = sts.children.length === 0 ? sts.text : (textAt(sts, "Cd") ?? textAt(sts, "Prtry"));
  const status = code === undefined ? undefined : STATUSES[code];
  if (status) return status;
  return reader.fail(
    sts,
    "Ntry/Sts",
    `"${code ?? ""}" is not an entry status (BOOK, PDNG, FUTR or INFO)`,
  );
}

/** "PMNT/RCDT/ESCT" from Domn, else the proprietary code. */
function bankTransactionCode(ntry: XmlNode): string | undefined {
  const domain = nodeAt(ntry, "BkTxCd/Domn");
  if (domain) {
    const parts = [
      textAt(domain, "Cd"),
      textAt(domain, "Fmly/Cd"),
      textAt(domain, "Fmly/SubFmlyCd"),
    ].filter((p) => p !== undefined);
    if (parts.length > 0) return parts.join("/");
  }
  return textAt(ntry, "BkTxCd/Prtry/Cd");
}
