/**
 * The transactions of one camt entry (Ntry/NtryDtls/TxDtls), across versions:
 * 001.02 has no TxDtls/Amt (only AmtDtls) and names parties directly (Dbtr/Nm);
 * 001.06+ wrap them (Dbtr/Pty/Nm). An entry without TxDtls becomes one
 * transaction carrying the entry's amount.
 */
import { normalizeIban } from "../domain/iban.js";
import type { CamtReader, Money } from "./camt-reader.js";
import type { EntryTransaction } from "./types.js";
import { child, childrenNamed, nodeAt, nodesAt, textAt } from "./xml-node.js";
import type { XmlNode } from "./xml-scanner.js";

/** A transaction before its key, with its own bank reference when usable for the key. */
export interface TransactionDraft {
  transaction: EntryTransaction;
  /** Set only when unique within the entry (see statement-key.ts, rule 1). */
  keyReference?: string;
}

export interface EntryContext {
  amount: Money;
  reversal: boolean;
}

export function readTransactions(
  reader: CamtReader,
  ntry: XmlNode,
  entry: EntryContext,
): TransactionDraft[] {
  const nodes = nodesAt(ntry, "NtryDtls/TxDtls");
  if (nodes.length === 0) {
    // Some banks give the remittance text only in the entry's free text.
    const text = textAt(ntry, "AddtlNtryInf");
    return [{ transaction: bare(entry.amount, text === undefined ? [] : [text]) }];
  }
  const servicerRefs = nodes.map((tx) => textAt(tx, "Refs/AcctSvcrRef"));
  const uses = new Map<string | undefined, number>();
  for (const ref of servicerRefs) uses.set(ref, (uses.get(ref) ?? 0) + 1);
  const drafts: TransactionDraft[] = [];
  let unknownAmount = false;
  for (const [i, tx] of nodes.entries()) {
    const where = nodes.length > 1 ? `Ntry/NtryDtls/TxDtls[${i + 1}]` : "Ntry/NtryDtls/TxDtls";
    const amount = transactionAmount(reader, tx, where, entry, nodes.length);
    if (!amount) unknownAmount = true;
    const ref = servicerRefs[i];
    drafts.push({
      transaction: readDetails(tx, i + 1, amount ?? entry.amount, entry),
      keyReference: ref !== undefined && uses.get(ref) === 1 ? ref : undefined,
    });
  }
  return unknownAmount ? [{ transaction: mergeBatch(drafts, entry) }] : drafts;
}

/** A transaction with no details but its amount and text. */
function bare(amount: Money, unstructured: string[]): EntryTransaction {
  return {
    index: 1,
    amountMinor: amount.minor,
    currency: amount.currency,
    structuredReferences: [],
    unstructured,
    key: "",
  };
}

function readDetails(
  tx: XmlNode,
  index: number,
  amount: Money,
  entry: EntryContext,
): EntryTransaction {
  const endToEndId = textAt(tx, "Refs/EndToEndId");
  const returned = child(tx, "RtrInf");
  const remittance = child(tx, "RmtInf");
  const parties = child(tx, "RltdPties");
  const details: EntryTransaction = {
    index,
    amountMinor: amount.minor,
    currency: amount.currency,
    structuredReferences: remittance ? structuredReferences(remittance) : [],
    unstructured: remittance
      ? childrenNamed(remittance, "Ustrd").map((u) => u.text)
      : // Some banks give the remittance text only in their free text.
        [textAt(tx, "AddtlTxInf")].filter((t) => t !== undefined),
    key: "",
  };
  if (endToEndId !== undefined && endToEndId.toUpperCase() !== "NOTPROVIDED") {
    details.endToEndId = endToEndId;
    // A return or reversal carries the end-to-end id of the payment it undoes.
    if (returned || entry.reversal) details.originalEndToEndId = endToEndId;
  }
  assign(details, "instructionId", textAt(tx, "Refs/InstrId"));
  assign(details, "transactionId", textAt(tx, "Refs/TxId"));
  assign(details, "mandateId", textAt(tx, "Refs/MndtId"));
  assign(details, "accountServicerReference", textAt(tx, "Refs/AcctSvcrRef"));
  if (parties) {
    assign(details, "debtorName", partyName(parties, "Dbtr"));
    assign(details, "debtorIban", iban(parties, "DbtrAcct"));
    assign(details, "creditorName", partyName(parties, "Cdtr"));
    assign(details, "creditorIban", iban(parties, "CdtrAcct"));
  }
  if (returned) {
    assign(details, "returnReason", textAt(returned, "Rsn/Cd") ?? textAt(returned, "Rsn/Prtry"));
  }
  return details;
}

/**
 * The only transaction of an entry is the entry: it takes the entry amount (the
 * money that moved), whatever it states itself (the samples state none, zero, a
 * different amount, another currency). In a batch: TxDtls/Amt (001.03+), else
 * AmtDtls/TxAmt/Amt, preferring the entry's currency; one stated only in another
 * currency keeps it (it cannot be converted here). Undefined when none is stated.
 */
function transactionAmount(
  reader: CamtReader,
  tx: XmlNode,
  where: string,
  entry: EntryContext,
  count: number,
): Money | undefined {
  const stated: Money[] = [];
  const amt = child(tx, "Amt");
  if (amt) stated.push(reader.amount(amt, `${where}/Amt`));
  const txAmt = nodeAt(tx, "AmtDtls/TxAmt/Amt");
  if (txAmt) stated.push(reader.amount(txAmt, `${where}/AmtDtls/TxAmt/Amt`));
  if (count === 1) return entry.amount;
  return stated.find((m) => m.currency === entry.amount.currency) ?? stated[0];
}

/**
 * A batch whose transactions do not all state an amount: the split cannot be
 * known and the money must not be lost, so it becomes one transaction of the
 * entry's amount with the references of all; a field is kept when all agree.
 */
function mergeBatch(drafts: TransactionDraft[], entry: EntryContext): EntryTransaction {
  const all = drafts.map((d) => d.transaction);
  const merged = bare(
    entry.amount,
    all.flatMap((d) => d.unstructured),
  );
  merged.structuredReferences = [...new Set(all.flatMap((d) => d.structuredReferences))];
  const shared = [
    "endToEndId",
    "instructionId",
    "transactionId",
    "mandateId",
    "debtorName",
    "debtorIban",
    "creditorName",
    "creditorIban",
    "returnReason",
    "originalEndToEndId",
  ] as const;
  for (const field of shared) {
    const values = new Set(all.map((d) => d[field]));
    const [only] = values;
    if (values.size === 1 && only !== undefined) merged[field] = only;
  }
  return merged;
}

/** CdtrRefInf/Ref of every Strd block, without spaces ("RF18 5390 0754" → "RF1853900754"). */
function structuredReferences(remittance: XmlNode): string[] {
  const refs: string[] = [];
  for (const strd of childrenNamed(remittance, "Strd")) {
    for (const info of childrenNamed(strd, "CdtrRefInf")) {
      const ref = textAt(info, "Ref")?.replace(/\s+/g, "");
      if (ref) refs.push(ref);
    }
  }
  return refs;
}

/** Dbtr/Nm up to 001.05, Dbtr/Pty/Nm from 001.06. */
function partyName(parties: XmlNode, role: string): string | undefined {
  return textAt(parties, `${role}/Nm`) ?? textAt(parties, `${role}/Pty/Nm`);
}

function iban(parties: XmlNode, account: string): string | undefined {
  const text = textAt(parties, `${account}/Id/IBAN`);
  return text === undefined ? undefined : normalizeIban(text);
}

/** Sets optional fields only when present, so results compare cleanly in tests. */
function assign<K extends keyof EntryTransaction>(
  details: EntryTransaction,
  key: K,
  value: EntryTransaction[K] | undefined,
): void {
  if (value !== undefined) details[key] = value;
}
