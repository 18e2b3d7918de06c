/**
 * What the record builders see of one CSV row: the non-empty, trimmed cells by
 * canonical field, and the file-wide settings that shape their meaning.
 */
import type { DecimalStyle } from "../../../../platform/money.js";
import type { DebtorKind } from "../records.js";
import type { CanonicalField, ColumnMapping, DateOrder } from "./fields.js";

/** Only non-empty cells are present: an empty cell is an absent value, never an error by itself. */
export type RowValues = Partial<Record<CanonicalField, string>>;

/** An error in one field; the reader adds the file name and line. */
export interface FieldError {
  field: CanonicalField;
  value?: string;
  reason: string;
}

export interface RowSettings {
  dateOrder: DateOrder;
  decimal: DecimalStyle;
  currency: string;
  country: string;
  language?: string;
  timeZone?: string;
  debtorType?: DebtorKind;
  /** Whether the file has the column at all (so "absent" can differ from "empty"). */
  has: (field: CanonicalField) => boolean;
}

export function settingsFrom(
  mapping: ColumnMapping,
  has: (field: CanonicalField) => boolean,
): RowSettings {
  const defaults = mapping.defaults ?? {};
  return {
    dateOrder: mapping.dateOrder ?? "dmy",
    decimal: mapping.decimal ?? "auto",
    currency: (defaults.currency ?? "EUR").toUpperCase(),
    country: (defaults.country ?? "IT").toUpperCase(),
    language: defaults.language,
    timeZone: defaults.timeZone,
    debtorType: defaults.debtor_type,
    has,
  };
}
