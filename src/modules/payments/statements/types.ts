/**
 * What a bank statement file says, independent of its format (camt.052/053/054 or
 * CSV): reports of an account, their entries (bookings), and the transactions an
 * entry is made of (a batch booking holds several). Amounts are positive minor
 * units; the direction says which way the money went.
 */
export type StatementFormat = "camt.052" | "camt.053" | "camt.054" | "csv";

export interface ParsedStatement {
  fileName: string;
  format: StatementFormat;
  /** Message version ("001.04"); "csv" for CSV; "unknown" for camt without a namespace. */
  version: string;
  /** GrpHdr/MsgId; for CSV a sha-256 of the content. */
  messageId: string;
  /** GrpHdr/CreDtTm as written. */
  createdAt?: string;
  reports: StatementReport[];
}

export interface StatementReport {
  /** Stmt/Rpt/Ntfctn Id. */
  id: string;
  accountIban?: string;
  accountOther?: string;
  /** Acct/Ccy when the bank states it. */
  accountCurrency?: string;
  fromDate?: string;
  toDate?: string;
  /** Signed: negative when the balance is a debit. */
  openingBalanceMinor?: bigint;
  closingBalanceMinor?: bigint;
  entries: StatementEntry[];
}

export type EntryDirection = "credit" | "debit";
export type EntryStatus = "booked" | "pending" | "info";

export interface StatementEntry {
  /** 1-based within the report. */
  index: number;
  /** 1-based line of <Ntry> (or the CSV row) in the file. */
  line: number;
  entryReference?: string;
  accountServicerReference?: string;
  /** Always positive. */
  amountMinor: bigint;
  currency: string;
  direction: EntryDirection;
  /** RvslInd: this entry cancels an earlier one. */
  reversal: boolean;
  status: EntryStatus;
  /** YYYY-MM-DD */
  bookingDate?: string;
  valueDate?: string;
  /** "PMNT/RCDT/ESCT" (ISO domain/family/sub-family), else the proprietary code. */
  bankTransactionCode?: string;
  /** At least one; synthesised from the entry when the bank gives no TxDtls. */
  transactions: EntryTransaction[];
}

export interface EntryTransaction {
  /** 1-based within the entry. */
  index: number;
  amountMinor: bigint;
  currency: string;
  /** "NOTPROVIDED" is dropped. */
  endToEndId?: string;
  instructionId?: string;
  transactionId?: string;
  mandateId?: string;
  accountServicerReference?: string;
  /** RmtInf/Strd/CdtrRefInf/Ref without spaces (CSV: RF references found in the text). */
  structuredReferences: string[];
  /**
   * RmtInf/Ustrd lines. Without RmtInf, the bank's own text (TxDtls/AddtlTxInf, or
   * Ntry/AddtlNtryInf when there are no TxDtls): some banks put the remittance there.
   * CSV: the description, one item per line.
   */
  unstructured: string[];
  debtorName?: string;
  debtorIban?: string;
  creditorName?: string;
  creditorIban?: string;
  /** RtrInf/Rsn/Cd (or Prtry) of a returned payment. */
  returnReason?: string;
  /** The end-to-end id of the payment being returned or reversed. */
  originalEndToEndId?: string;
  /** Idempotency key: see statement-key.ts. */
  key: string;
}

/** A CSV row that could not be read; the other rows are kept. */
export interface StatementProblem {
  line: number;
  field: string;
  reason: string;
}

export interface StatementParseResult {
  statement: ParsedStatement;
  problems: StatementProblem[];
}
