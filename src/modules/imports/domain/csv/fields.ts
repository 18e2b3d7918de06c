/**
 * The canonical CSV fields and the options and results of a CSV intake.
 * The field names are a contract: mappings saved by users, the docs and the
 * import screens all use them.
 */
import type { IntakeRecord, RowError } from "../records.js";

export const CANONICAL_FIELDS = [
  "debtor_id",
  "debtor_type",
  "name",
  "first_name",
  "last_name",
  "tax_code",
  "vat_number",
  "language",
  "time_zone",
  "segment",
  "risk_score",
  "risk_class",
  "email",
  "pec",
  "phone",
  "mobile",
  "address",
  "address2",
  "postal_code",
  "city",
  "province",
  "country",
  "contact_type",
  "contact_value",
  "contact_opt_out",
  "invoice_id",
  "invoice_number",
  "issue_date",
  "due_date",
  "amount",
  "open_amount",
  "currency",
  "status",
  "document_type",
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

const FIELD_SET: ReadonlySet<string> = new Set(CANONICAL_FIELDS);

export function isCanonicalField(name: string): name is CanonicalField {
  return FIELD_SET.has(name);
}

/** Which record a field feeds: an error in it rejects that record only. */
export type FieldOwner = "key" | "debtor" | "contact" | "invoice";

export const DEBTOR_FIELDS = [
  "debtor_type",
  "name",
  "first_name",
  "last_name",
  "tax_code",
  "vat_number",
  "language",
  "time_zone",
  "segment",
  "risk_score",
  "risk_class",
] as const satisfies readonly CanonicalField[];

export const CONTACT_FIELDS = [
  "email",
  "pec",
  "phone",
  "mobile",
  "address",
  "address2",
  "postal_code",
  "city",
  "province",
  "country",
  "contact_type",
  "contact_value",
  "contact_opt_out",
] as const satisfies readonly CanonicalField[];

export const INVOICE_FIELDS = [
  "invoice_id",
  "invoice_number",
  "issue_date",
  "due_date",
  "amount",
  "open_amount",
  "currency",
  "status",
  "document_type",
] as const satisfies readonly CanonicalField[];

export function ownerOf(field: CanonicalField): FieldOwner {
  if (field === "debtor_id") return "key";
  if ((DEBTOR_FIELDS as readonly string[]).includes(field)) return "debtor";
  if ((CONTACT_FIELDS as readonly string[]).includes(field)) return "contact";
  return "invoice";
}

export type DateOrder = "dmy" | "mdy" | "ymd";
export type CsvDelimiter = "," | ";" | "\t";
export type CsvEncoding = "utf-8" | "windows-1252";

/** What a person chose on the import screen; everything is optional and overrides detection. */
export interface ColumnMapping {
  /** Header exactly as in the file → canonical field, or "ignore" to drop the column. */
  columns?: Record<string, CanonicalField | "ignore">;
  dateOrder?: DateOrder;
  decimal?: "comma" | "dot" | "auto";
  delimiter?: CsvDelimiter;
  encoding?: CsvEncoding;
  defaults?: {
    currency?: string;
    country?: string;
    language?: string;
    timeZone?: string;
    debtor_type?: "person" | "company";
  };
}

export interface CsvIntakeOptions {
  /** File name, copied into every RowError. */
  source: string;
  mapping?: ColumnMapping;
  /** Data rows per batch; 2,000 unless told. */
  batchSize?: number;
}

export interface CsvIntakeSummary {
  source: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Each recognised column: the header as in the file and the field it feeds. */
  columns: { header: string; field: CanonicalField }[];
  /** Headers that matched no field (columns mapped to "ignore" are not listed). */
  ignoredColumns: string[];
  /** Keys of mapping.columns that no header matched: usually a mapping saved for another file. */
  unmatchedMappingColumns: string[];
  /** Data rows, without the header and blank rows. */
  rowsRead: number;
  /** Physical lines read, header included. */
  linesRead: number;
  bytesRead: number;
  records: { debtor: number; contact: number; invoice: number };
  errors: number;
}

export interface IntakeBatch {
  records: IntakeRecord[];
  errors: RowError[];
  /** Progress so far (cumulative): physical lines, header included. */
  linesRead: number;
  /** Progress so far (cumulative): bytes taken from the input. */
  bytesRead: number;
  /** True on the final batch, which also carries the summary. */
  last: boolean;
  summary?: CsvIntakeSummary;
}
