/**
 * Turns parsed CSV rows into records and row errors. In a wide file the debtor
 * columns repeat on every invoice row: a debtor's debtor and contact cells are
 * validated and emitted again only when they differ from the last ones emitted
 * for that debtor_id (phone parsing is the slowest step of the whole import).
 */
import type { IntakeRecord, RowError } from "../records.js";
import type { ColumnPlan, PlannedColumn } from "./column-plan.js";
import { buildContacts } from "./contact-row.js";
import { buildDebtor } from "./debtor-row.js";
import { type CanonicalField, type ColumnMapping, ownerOf } from "./fields.js";
import { buildInvoice } from "./invoice-row.js";
import { type FieldError, type RowSettings, type RowValues, settingsFrom } from "./row-values.js";

export type RowOutcome = "blank" | "mapped";

export class RowMapper {
  readonly counts = { debtor: 0, contact: 0, invoice: 0, errors: 0 };
  private readonly settings: RowSettings;
  private readonly idIndex: number;
  private readonly valueColumns: PlannedColumn[];
  /** Columns whose cells make up a debtor's fingerprint: every debtor and contact column. */
  private readonly fingerprintIndexes: number[];
  /** debtor_id → hash of the debtor and contact cells last emitted for it. */
  private readonly fingerprints = new Map<string, number>();

  constructor(
    private readonly plan: ColumnPlan,
    mapping: ColumnMapping,
    private readonly source: string,
  ) {
    this.settings = settingsFrom(mapping, (field) => plan.indexOf[field] !== undefined);
    this.idIndex = plan.indexOf.debtor_id!;
    this.valueColumns = plan.columns.filter((c) => c.field !== "debtor_id");
    this.fingerprintIndexes = plan.columns
      .filter((c) => ownerOf(c.field) === "debtor" || ownerOf(c.field) === "contact")
      .map((c) => c.index);
  }

  /**
   * @param line physical line where the row starts (the header is line 1).
   * @param checkDecoding whether the file had undecodable bytes, so cells may hold U+FFFD.
   */
  mapRow(
    cells: readonly string[],
    line: number,
    checkDecoding: boolean,
    records: IntakeRecord[],
    errors: RowError[],
  ): RowOutcome {
    const debtorId = (cells[this.idIndex] ?? "").trim();
    if (debtorId === "") {
      // Spreadsheets export trailing empty rows as ";;;;": skip those silently.
      if (cells.every((cell) => cell.trim() === "")) return "blank";
      this.pushError(errors, line, { field: "debtor_id", reason: "debtor_id is required" });
      return "mapped";
    }
    const values: RowValues = {};
    for (const column of this.valueColumns) {
      const cell = cells[column.index];
      if (cell === undefined || cell === "") continue;
      const trimmed = cell.trim();
      if (trimmed !== "") values[column.field] = trimmed;
    }
    const fieldErrors: FieldError[] = [];
    const corrupt = checkDecoding ? this.findUndecodable(debtorId, values, fieldErrors) : undefined;
    if (corrupt?.has("debtor_id")) {
      this.pushErrors(errors, line, fieldErrors);
      return "mapped";
    }

    if (
      (this.plan.yieldsDebtors || this.plan.yieldsContacts) &&
      this.isNewVersion(debtorId, cells)
    ) {
      if (this.plan.yieldsDebtors && !hasAny(corrupt, "debtor")) {
        const debtor = buildDebtor(debtorId, values, this.settings, fieldErrors);
        if (debtor) {
          records.push({ type: "debtor", line, record: debtor });
          this.counts.debtor++;
        }
      }
      if (this.plan.yieldsContacts) {
        for (const contact of buildContacts(
          debtorId,
          values,
          this.settings,
          fieldErrors,
          corrupt,
        )) {
          records.push({ type: "contact", line, record: contact });
          this.counts.contact++;
        }
      }
    }
    if (this.plan.yieldsInvoices && !hasAny(corrupt, "invoice")) {
      const invoice = buildInvoice(debtorId, values, this.settings, fieldErrors);
      if (invoice) {
        records.push({ type: "invoice", line, record: invoice });
        this.counts.invoice++;
      }
    }
    this.pushErrors(errors, line, fieldErrors);
    return "mapped";
  }

  /** Remembers the debtor's cells; false when they are the ones already emitted. */
  private isNewVersion(debtorId: string, cells: readonly string[]): boolean {
    const fingerprint = hashCells(cells, this.fingerprintIndexes);
    if (this.fingerprints.get(debtorId) === fingerprint) return false;
    this.fingerprints.set(debtorId, fingerprint);
    return true;
  }

  private findUndecodable(
    debtorId: string,
    values: RowValues,
    fieldErrors: FieldError[],
  ): Set<CanonicalField> | undefined {
    let corrupt: Set<CanonicalField> | undefined;
    const entries: [CanonicalField, string][] = [["debtor_id", debtorId]];
    for (const [field, value] of Object.entries(values))
      entries.push([field as CanonicalField, value]);
    for (const [field, value] of entries) {
      if (!value.includes("\uFFFD")) continue;
      corrupt ??= new Set();
      corrupt.add(field);
      fieldErrors.push({
        field,
        value,
        reason:
          "contains bytes that are not valid UTF-8 (shown as �): save the file as CSV UTF-8, or import it with the windows-1252 encoding",
      });
    }
    return corrupt;
  }

  private pushErrors(errors: RowError[], line: number, fieldErrors: FieldError[]): void {
    for (const error of fieldErrors) this.pushError(errors, line, error);
  }

  private pushError(errors: RowError[], line: number, error: FieldError): void {
    const rowError: RowError = {
      source: this.source,
      line,
      field: error.field,
      reason: error.reason,
    };
    if (error.value !== undefined) rowError.value = error.value;
    errors.push(rowError);
    this.counts.errors++;
  }
}

function hasAny(
  corrupt: ReadonlySet<CanonicalField> | undefined,
  owner: "debtor" | "invoice",
): boolean {
  if (!corrupt) return false;
  for (const field of corrupt) if (ownerOf(field) === owner) return true;
  return false;
}

/**
 * A 53-bit hash (cyrb53) of the chosen cells, a separator between them. Stored instead of
 * the cells themselves, so a million-row file keeps one number per debtor in memory.
 */
function hashCells(cells: readonly string[], indexes: readonly number[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const index of indexes) {
    const cell = cells[index] ?? "";
    for (let i = 0; i < cell.length; i++) {
      const ch = cell.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
