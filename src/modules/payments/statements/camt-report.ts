/** The report level of a camt message: Stmt (053), Rpt (052) or Ntfctn (054). */
import { validateIban } from "../domain/iban.js";
import { isCurrencyCode } from "./amounts.js";
import type { EntryAccount } from "./camt-entry.js";
import { type CamtReader, join } from "./camt-reader.js";
import type { StatementEntry, StatementReport } from "./types.js";
import { child, childrenNamed, nodeAt, textAt } from "./xml-node.js";
import type { XmlNode } from "./xml-scanner.js";

export interface ReportAccount extends EntryAccount {
  iban?: string;
  other?: string;
}

/**
 * Acct/Id/IBAN (checked: a statement for an impossible IBAN cannot be matched to
 * a bank account of ours), or Acct/Id/Othr/Id. Some banks put the IBAN in
 * Othr/Id; when it is one, it is reported as the IBAN too.
 */
export function readAccount(reader: CamtReader, report: XmlNode): ReportAccount {
  const where = join(report.name, "Acct");
  const acct = reader.required(report, "Acct", report.name);
  const ibanNode = nodeAt(acct, "Id/IBAN");
  const other = textAt(acct, "Id/Othr/Id");
  let iban: string | undefined;
  if (ibanNode) {
    const check = validateIban(ibanNode.text);
    if (!check.valid) {
      reader.fail(
        ibanNode,
        `${where}/Id/IBAN`,
        `"${ibanNode.text}" is not a valid IBAN: ${check.reason}`,
      );
    }
    iban = check.iban;
  } else if (other !== undefined) {
    const check = validateIban(other);
    if (check.valid) iban = check.iban;
  } else {
    reader.fail(acct, `${where}/Id`, "has neither IBAN nor Othr/Id");
  }
  const account: ReportAccount = { id: iban ?? other! };
  if (iban !== undefined) account.iban = iban;
  if (other !== undefined) account.other = other;
  const ccy = child(acct, "Ccy");
  if (ccy) {
    if (!isCurrencyCode(ccy.text)) {
      reader.fail(ccy, `${where}/Ccy`, `"${ccy.text}" is not an ISO 4217 currency code`);
    }
    account.currency = ccy.text;
  }
  return account;
}

export function buildReport(
  reader: CamtReader,
  report: XmlNode,
  account: ReportAccount,
  entries: StatementEntry[],
): StatementReport {
  const result: StatementReport = {
    id: reader.requiredText(report, "Id", report.name),
    entries,
  };
  if (account.iban !== undefined) result.accountIban = account.iban;
  if (account.other !== undefined) result.accountOther = account.other;
  if (account.currency !== undefined) result.accountCurrency = account.currency;
  const from = nodeAt(report, "FrToDt/FrDtTm");
  const to = nodeAt(report, "FrToDt/ToDtTm");
  if (from) result.fromDate = reader.dateTime(from, join(report.name, "FrToDt/FrDtTm"));
  if (to) result.toDate = reader.dateTime(to, join(report.name, "FrToDt/ToDtTm"));

  const balances = readBalances(reader, report);
  // The balances that count are in the account's currency; test files (and some
  // multi-currency accounts) list others too, which a single number cannot carry.
  const currency =
    account.currency ?? entries[0]?.currency ?? balances.find((b) => b.opening)?.currency;
  const opening = balances.find((b) => b.opening && b.currency === currency);
  const closing = balances.find((b) => b.closing && b.currency === currency);
  if (opening) result.openingBalanceMinor = opening.minor;
  if (closing) result.closingBalanceMinor = closing.minor;
  return result;
}

interface Balance {
  opening: boolean;
  closing: boolean;
  minor: bigint;
  currency: string;
}

/** OPBD (or PRCD, the previous closing) opens; CLBD closes. Debit balances are negative. */
function readBalances(reader: CamtReader, report: XmlNode): Balance[] {
  const where = join(report.name, "Bal");
  return childrenNamed(report, "Bal").map((bal) => {
    const code = textAt(bal, "Tp/CdOrPrtry/Cd") ?? textAt(bal, "Tp/CdOrPrtry/Prtry");
    const money = reader.amount(reader.required(bal, "Amt", where), `${where}/Amt`);
    const debit = reader.direction(bal, where) === "debit";
    reader.dateChoice(child(bal, "Dt"), `${where}/Dt`);
    return {
      opening: code === "OPBD" || code === "PRCD",
      closing: code === "CLBD",
      minor: debit ? -money.minor : money.minor,
      currency: money.currency,
    };
  });
}
