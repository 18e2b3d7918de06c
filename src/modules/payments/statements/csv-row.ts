/** One data row of a statement CSV, read field by field; every problem is reported. */
import { normalizeIban } from "../domain/iban.js";
import { isCurrencyCode, looseAmountToMinor } from "./amounts.js";
import type { CsvField } from "./csv-columns.js";
import { dateFromCsv } from "./dates.js";
import { rfReferencesIn } from "./text-references.js";
import type { EntryDirection } from "./types.js";

export interface CsvRow {
  bookingDate?: string;
  valueDate?: string;
  direction: EntryDirection;
  amountMinor: bigint;
  currency: string;
  bankReference?: string;
  endToEndId?: string;
  structuredReferences: string[];
  unstructured: string[];
  debtorName?: string;
  debtorIban?: string;
}

type Cell = (field: CsvField) => string;
type Problem = (field: CsvField, reason: string) => void;

/** The row, or undefined when a field is wrong (the problems say which). */
export function readCsvRow(
  cell: Cell,
  problem: Problem,
  defaultCurrency: string,
): CsvRow | undefined {
  let failed = false;
  const fail = (field: CsvField, reason: string) => {
    failed = true;
    problem(field, reason);
  };
  const currency = cell("currency").toUpperCase() || defaultCurrency;
  if (!isCurrencyCode(currency)) fail("currency", `"${currency}" is not an ISO 4217 currency code`);
  const bookingDate = readDate(cell, "booking_date", fail);
  const valueDate = readDate(cell, "value_date", fail);
  if (!failed && bookingDate === undefined && valueDate === undefined) {
    fail(cell("booking_date") === "" ? "booking_date" : "value_date", "no date");
  }
  const amount = failed ? undefined : readAmount(cell, currency, fail);
  if (failed || !amount) return undefined;

  const description = cell("description");
  const reference = cell("reference").replace(/\s+/g, "");
  const row: CsvRow = {
    ...amount,
    currency,
    unstructured: description
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    structuredReferences: [
      ...new Set([...(reference ? [reference] : []), ...rfReferencesIn(description)]),
    ],
  };
  if (bookingDate !== undefined) row.bookingDate = bookingDate;
  if (valueDate !== undefined) row.valueDate = valueDate;
  const endToEndId = cell("end_to_end_id");
  if (endToEndId !== "" && endToEndId.toUpperCase() !== "NOTPROVIDED") row.endToEndId = endToEndId;
  if (cell("bank_reference") !== "") row.bankReference = cell("bank_reference");
  if (cell("debtor_name") !== "") row.debtorName = cell("debtor_name");
  if (cell("debtor_iban") !== "") row.debtorIban = normalizeIban(cell("debtor_iban"));
  return row;
}

function readDate(cell: Cell, field: CsvField, fail: Problem): string | undefined {
  const text = cell(field);
  if (text === "") return undefined;
  const date = dateFromCsv(text);
  if (date === undefined) fail(field, `"${text}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  return date;
}

/** A signed amount column, or separate debit (dare) and credit (avere) columns. */
function readAmount(
  cell: Cell,
  currency: string,
  fail: Problem,
): { amountMinor: bigint; direction: EntryDirection } | undefined {
  const signed = cell("amount");
  if (signed !== "") {
    const parsed = looseAmountToMinor(signed, currency);
    if (!parsed.ok) fail("amount", parsed.reason);
    else if (parsed.minor === 0n) fail("amount", "is zero");
    else if (parsed.minor < 0n) return { amountMinor: -parsed.minor, direction: "debit" };
    else return { amountMinor: parsed.minor, direction: "credit" };
    return undefined;
  }
  let found: { amountMinor: bigint; direction: EntryDirection } | undefined;
  for (const field of ["debit", "credit"] as const) {
    const text = cell(field);
    if (text === "") continue;
    const parsed = looseAmountToMinor(text, currency);
    if (!parsed.ok) {
      fail(field, parsed.reason);
      return undefined;
    }
    if (parsed.minor === 0n) continue; // "0,00" in the column not used
    if (found) {
      fail("credit", `both debit ("${cell("debit")}") and credit ("${text}") hold an amount`);
      return undefined;
    }
    // Some exports write debits with a minus sign; the column says the direction.
    const amountMinor = parsed.minor < 0n ? -parsed.minor : parsed.minor;
    found = { amountMinor, direction: field === "debit" ? "debit" : "credit" };
  }
  if (!found) fail("amount", "no amount in the debit or the credit column");
  return found;
}
