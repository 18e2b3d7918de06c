/**
 * Bank statement CSV, for banks (or home-banking exports) without camt. The
 * layout is documented in CSV_LAYOUT.md: a header row with English or Italian
 * column names, ";" or "," between fields, UTF-8 (BOM or not) or Windows-1252.
 * A bad row becomes a problem (line, column, reason) and the good rows are kept;
 * a file whose header names no date and amount is refused as a whole.
 */
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { normalizeIban, validateIban } from "../domain/iban.js";
import { isCurrencyCode } from "./amounts.js";
import { type ColumnPlan, type CsvField, planColumns } from "./csv-columns.js";
import { type CsvRow, readCsvRow } from "./csv-row.js";
import { StatementError } from "./statement-error.js";
import { StatementKeys } from "./statement-key.js";
import { decodeCsvBytes } from "./text-decoding.js";
import type {
  EntryTransaction,
  StatementEntry,
  StatementParseResult,
  StatementProblem,
  StatementReport,
} from "./types.js";

export interface CsvStatementOptions {
  /** The account the file belongs to, when it has no account_iban column. */
  accountIban?: string;
  /** The currency of rows without a currency column; EUR when not given. */
  currency?: string;
}

export function parseStatementCsv(
  fileName: string,
  content: Buffer | string,
  options: CsvStatementOptions = {},
): StatementParseResult {
  const { text } = decodeCsvBytes(content);
  const defaultAccount = optionIban(fileName, options.accountIban);
  const records = readRecords(fileName, text);
  const headerAt = records.findIndex((r) => !isBlank(r.cells));
  if (headerAt < 0) {
    throw new StatementError({ file: fileName, line: 1, reason: "the file is empty" });
  }
  const header = records[headerAt]!;
  const planned = planColumns(header.cells);
  if (!planned.ok) {
    throw new StatementError({ file: fileName, line: header.line, reason: planned.reason });
  }
  const plan = planned.plan;
  const currency = (options.currency ?? "EUR").toUpperCase();
  if (!isCurrencyCode(currency)) {
    throw new StatementError({
      file: fileName,
      element: "currency",
      reason: `"${options.currency}" is not an ISO 4217 currency code`,
    });
  }

  const problems: StatementProblem[] = plan.ignored.map((name) => ({
    line: header.line,
    field: name,
    reason: "column not recognised: ignored (see CSV_LAYOUT.md)",
  }));
  const keys = new StatementKeys();
  const reports = new Map<string, StatementReport>();
  for (const { cells, line } of records.slice(headerAt + 1)) {
    if (isBlank(cells)) continue;
    const cell = (field: CsvField) => {
      const index = plan.columns[field];
      return index === undefined ? "" : (cells[index] ?? "").trim();
    };
    const rowProblems: StatementProblem[] = [];
    const problem = (field: CsvField, reason: string) =>
      rowProblems.push({ line, field: headerOf(plan, field), reason });
    const row = readCsvRow(cell, problem, currency);
    const account = rowAccount(cell("account_iban"), defaultAccount, problem);
    if (rowProblems.length > 0 || !row) {
      problems.push(...rowProblems);
      continue;
    }
    const report = reportFor(reports, account);
    report.entries.push(toEntry(row, line, report.entries.length + 1, account, keys));
  }
  for (const report of reports.values()) setDateRange(report);
  return {
    statement: {
      fileName,
      format: "csv",
      version: "csv",
      messageId: createHash("sha256").update(content).digest("hex"),
      reports: [...reports.values()],
    },
    problems,
  };
}

interface CsvRecord {
  cells: string[];
  line: number;
}

function readRecords(fileName: string, text: string): CsvRecord[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = count(firstLine, ",") > count(firstLine, ";") ? "," : ";";
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new StatementError({
      file: fileName,
      line,
      reason: `cannot be read as CSV: ${(error as Error).message}`,
    });
  }
  // Blank lines come through as records, so lines are counted from the records:
  // one line each, plus the line breaks inside quoted fields.
  let next = 1;
  return rows.map((cells) => {
    const line = next;
    next += 1 + cells.reduce((n, c) => n + count(c, "\n"), 0);
    return { cells, line };
  });
}

function toEntry(
  row: CsvRow,
  line: number,
  index: number,
  account: string | undefined,
  keys: StatementKeys,
): StatementEntry {
  const { bookingDate, valueDate, direction, bankReference, ...fields } = row;
  const key = keys.keyFor({
    account: account ?? "",
    direction,
    reversal: false,
    transactionIndex: 1,
    transactionServicerReference: bankReference,
    bookingDate,
    valueDate,
    amountMinor: row.amountMinor,
    currency: row.currency,
    endToEndId: row.endToEndId,
    structuredReferences: row.structuredReferences,
    debtorName: row.debtorName,
    debtorIban: row.debtorIban,
  });
  const transaction: EntryTransaction = { index: 1, ...fields, key };
  const entry: StatementEntry = {
    index,
    line,
    amountMinor: row.amountMinor,
    currency: row.currency,
    direction,
    reversal: false,
    status: "booked",
    transactions: [transaction],
  };
  if (bookingDate !== undefined) entry.bookingDate = bookingDate;
  if (valueDate !== undefined) entry.valueDate = valueDate;
  if (bankReference !== undefined) {
    entry.accountServicerReference = bankReference;
    transaction.accountServicerReference = bankReference;
  }
  return entry;
}

function optionIban(fileName: string, iban: string | undefined): string | undefined {
  if (iban === undefined) return undefined;
  const check = validateIban(iban);
  if (!check.valid) {
    throw new StatementError({
      file: fileName,
      element: "accountIban",
      reason: `"${iban}" is not a valid IBAN: ${check.reason}`,
    });
  }
  return check.iban;
}

function rowAccount(
  text: string,
  fallback: string | undefined,
  problem: (field: CsvField, reason: string) => void,
): string | undefined {
  if (text === "") return fallback;
  const check = validateIban(text);
  if (!check.valid) problem("account_iban", `"${text}" is not a valid IBAN: ${check.reason}`);
  else if (fallback !== undefined && check.iban !== fallback) {
    problem("account_iban", `${check.iban} is not the account of this import (${fallback})`);
  }
  return check.valid ? check.iban : normalizeIban(text);
}

/** One report per account, in order of first appearance. */
function reportFor(reports: Map<string, StatementReport>, account: string | undefined) {
  let report = reports.get(account ?? "");
  if (!report) {
    report = { id: account ?? "csv", entries: [] };
    if (account !== undefined) report.accountIban = account;
    reports.set(account ?? "", report);
  }
  return report;
}

function setDateRange(report: StatementReport): void {
  const dates = report.entries
    .map((e) => e.bookingDate ?? e.valueDate)
    .filter((d) => d !== undefined)
    .sort();
  if (dates.length === 0) return;
  report.fromDate = dates[0]!;
  report.toDate = dates[dates.length - 1]!;
}

function headerOf(plan: ColumnPlan, field: CsvField): string {
  const index = plan.columns[field];
  return index === undefined ? field : (plan.headers[index] ?? field);
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
  return n;
}
