/**
 * Reads the header line: which column feeds which canonical field, following the
 * user's mapping first and the default aliases after. Header problems stop the
 * import here, before any row is read, with a message naming the column.
 */
import { CsvIntakeError } from "./csv-intake-error.js";
import {
  type CanonicalField,
  CONTACT_FIELDS,
  type ColumnMapping,
  DEBTOR_FIELDS,
  INVOICE_FIELDS,
  isCanonicalField,
} from "./fields.js";
import { resolveHeaderAlias } from "./header-aliases.js";
import { normalizeKey } from "./normalize-key.js";

export interface PlannedColumn {
  field: CanonicalField;
  /** 0-based position in the row. */
  index: number;
  /** The header as written in the file. */
  header: string;
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  indexOf: Partial<Record<CanonicalField, number>>;
  ignoredColumns: string[];
  unmatchedMappingColumns: string[];
  /** Which records rows of this file can yield. */
  yieldsDebtors: boolean;
  yieldsContacts: boolean;
  yieldsInvoices: boolean;
}

/** @param headerLine where the header is: line 1, unless blank lines come first. */
export function buildColumnPlan(
  headers: readonly string[],
  mapping: ColumnMapping = {},
  headerLine = 1,
): ColumnPlan {
  const userColumns = userColumnLookup(mapping, headerLine);
  const used = new Set<string>();
  const columns: PlannedColumn[] = [];
  const indexOf: Partial<Record<CanonicalField, number>> = {};
  const ignoredColumns: string[] = [];

  headers.forEach((raw, index) => {
    const header = raw.replace(/^\uFEFF/, "").trim();
    if (header === "") return;
    const chosen = userColumns.exact.get(header) ?? userColumns.folded.get(normalizeKey(header));
    if (chosen) used.add(chosen.key);
    const field = chosen ? chosen.target : resolveHeaderAlias(header);
    if (field === "ignore") return;
    if (field === undefined) {
      ignoredColumns.push(header);
      return;
    }
    const taken = indexOf[field];
    if (taken !== undefined) {
      throw new CsvIntakeError(
        `columns "${headers[taken]?.trim()}" (column ${taken + 1}) and "${header}" (column ${index + 1}) of the header (line ${headerLine}) both mean ${field}; map one of them to "ignore"`,
        headerLine,
        header,
      );
    }
    indexOf[field] = index;
    columns.push({ field, index, header });
  });

  const has = (fields: readonly CanonicalField[]) => fields.some((f) => indexOf[f] !== undefined);
  if (indexOf.debtor_id === undefined) {
    const found = columns.map((c) => c.header).concat(ignoredColumns);
    throw new CsvIntakeError(
      `the header (line ${headerLine}) has no debtor_id column: name one "codice_cliente", "id_cliente" or "debtor_id", or map it; columns found: ${found.map((h) => `"${h}"`).join(", ")}`,
      headerLine,
      "debtor_id",
    );
  }
  if (indexOf.contact_type !== undefined && indexOf.contact_value === undefined) {
    throw new CsvIntakeError(
      `the header (line ${headerLine}) has a contact_type column but no contact_value column to go with it`,
      headerLine,
      "contact_value",
    );
  }
  const yieldsInvoices = indexOf.invoice_id !== undefined || indexOf.invoice_number !== undefined;
  if (!yieldsInvoices) {
    // "Saldo" or "Stato" in a debtors file are about the debtor, not an invoice: set them aside.
    for (const field of INVOICE_FIELDS) {
      const index = indexOf[field];
      if (index === undefined) continue;
      delete indexOf[field];
      const at = columns.findIndex((c) => c.index === index);
      ignoredColumns.push(...columns.splice(at, 1).map((c) => c.header));
    }
  }
  const plan: ColumnPlan = {
    columns,
    indexOf,
    ignoredColumns,
    unmatchedMappingColumns: userColumns.keys.filter((key) => !used.has(key)),
    yieldsDebtors: has(DEBTOR_FIELDS),
    yieldsContacts: has(CONTACT_FIELDS),
    yieldsInvoices,
  };
  if (!plan.yieldsDebtors && !plan.yieldsContacts && !plan.yieldsInvoices) {
    throw new CsvIntakeError(
      `the header (line ${headerLine}) has debtor_id but no debtor, contact or invoice column to import; unrecognised columns: ${ignoredColumns.map((h) => `"${h}"`).join(", ") || "none"}`,
      headerLine,
    );
  }
  return plan;
}

interface UserColumn {
  key: string;
  target: CanonicalField | "ignore";
}

/** The user's mapping, looked up by exact header first, then forgiving case and spacing. */
function userColumnLookup(mapping: ColumnMapping, headerLine: number) {
  const exact = new Map<string, UserColumn>();
  const folded = new Map<string, UserColumn>();
  const keys = Object.keys(mapping.columns ?? {});
  for (const key of keys) {
    const target = mapping.columns?.[key];
    if (target === undefined) continue;
    if (target !== "ignore" && !isCanonicalField(target)) {
      throw new CsvIntakeError(
        `the mapping sends column "${key}" to "${String(target)}", which is not a field: use a canonical field name or "ignore"`,
        headerLine,
        key,
      );
    }
    const entry = { key, target };
    exact.set(key.trim(), entry);
    folded.set(normalizeKey(key), entry);
  }
  return { exact, folded, keys };
}

/** Checks the rest of a mapping given by an untyped caller (an HTTP body, a saved JSON). */
export function assertValidMapping(mapping: ColumnMapping): void {
  const allowed: Record<string, readonly unknown[]> = {
    dateOrder: ["dmy", "mdy", "ymd"],
    decimal: ["comma", "dot", "auto"],
    delimiter: [",", ";", "\t"],
    encoding: ["utf-8", "windows-1252"],
  };
  for (const [option, values] of Object.entries(allowed)) {
    const value = (mapping as Record<string, unknown>)[option];
    if (value !== undefined && !values.includes(value)) {
      throw new CsvIntakeError(
        `mapping.${option} is ${JSON.stringify(value)}; expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
      );
    }
  }
}
