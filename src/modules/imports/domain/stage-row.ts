import { isCanonicalField, ownerOf } from "./csv/fields";
import { allocateOpenAmount } from "./installments";
import type { IntakeRecord, RowError } from "./records";

/**
 * `row_key` numbers rows across all the files of one import (line plus the
 * lines of the files before), so per-row counts work for multi-file imports.
 *
 * Every intake record and every rejected row becomes one line of a single COPY
 * into a wide staging table: one stream, one round trip, set-based merges after.
 * The column order here is the staging table's (see store/staging.ts).
 */
export const STAGE_COLUMNS = [
  "row_key",
  "line",
  "file_name",
  "rtype",
  "ext_id",
  "debtor_ext_id",
  "kind",
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
  "value",
  "phone_type",
  "address",
  "source",
  "verified",
  "consent",
  "opt_out",
  "number",
  "document_type",
  "issue_date",
  "due_date",
  "amount",
  "open_amount",
  "currency",
  "status",
  "installments",
  "related",
  "field",
  "reason",
] as const;

type Cell = string | number | bigint | boolean | null | undefined;
type Column = (typeof STAGE_COLUMNS)[number];

/** Column positions by name: rows are plain arrays, the fast shape for a million lines. */
const AT = Object.fromEntries(STAGE_COLUMNS.map((name, i) => [name, i])) as Record<Column, number>;

function stageRow(rowKey: number, line: number, fileName: string, rtype: string): Cell[] {
  const cells: Cell[] = new Array(STAGE_COLUMNS.length).fill(null);
  cells[AT.row_key] = rowKey;
  cells[AT.line] = line;
  cells[AT.file_name] = fileName;
  cells[AT.rtype] = rtype;
  return cells;
}

export function stageLineForRecord(item: IntakeRecord, rowKey: number, fileName: string): string {
  if (item.type === "debtor") {
    const r = item.record;
    const c = stageRow(rowKey, item.line, fileName, "D");
    c[AT.ext_id] = r.externalId;
    c[AT.kind] = r.kind;
    c[AT.name] = r.name;
    c[AT.first_name] = r.firstName;
    c[AT.last_name] = r.lastName;
    c[AT.tax_code] = r.taxCode;
    c[AT.vat_number] = r.vatNumber;
    c[AT.language] = r.language;
    c[AT.time_zone] = r.timeZone;
    c[AT.segment] = r.segment;
    c[AT.risk_score] = r.riskScore === undefined ? null : Math.round(r.riskScore);
    c[AT.risk_class] = r.riskClass;
    return encodeCopyLine(c);
  }
  if (item.type === "contact") {
    const r = item.record;
    const c = stageRow(rowKey, item.line, fileName, "C");
    c[AT.debtor_ext_id] = r.debtorExternalId;
    c[AT.kind] = r.kind;
    c[AT.value] = r.value;
    c[AT.phone_type] = r.phoneType;
    c[AT.address] = r.address ? JSON.stringify(r.address) : null;
    c[AT.source] = r.source;
    c[AT.verified] = r.verified;
    c[AT.consent] = r.consent ? JSON.stringify(r.consent) : null;
    c[AT.opt_out] = r.optOut?.length ? pgArray(r.optOut) : null;
    return encodeCopyLine(c);
  }
  const r = item.record;
  const c = stageRow(rowKey, item.line, fileName, "I");
  c[AT.ext_id] = r.externalId;
  c[AT.debtor_ext_id] = r.debtorExternalId;
  c[AT.number] = r.number;
  c[AT.document_type] = r.documentType;
  c[AT.issue_date] = r.issueDate;
  c[AT.due_date] = r.dueDate;
  const open = r.status === "open" ? r.openAmountMinor : 0n;
  c[AT.amount] = r.amountMinor;
  c[AT.open_amount] = open;
  c[AT.currency] = r.currency;
  c[AT.status] = r.status;
  c[AT.installments] = r.installments?.length
    ? JSON.stringify(
        allocateOpenAmount(r.installments, r.amountMinor, open).map((i) => ({
          seq: i.seq,
          due_date: i.dueDate,
          amount_minor: i.amountMinor.toString(),
          open_amount_minor: i.openAmountMinor.toString(),
          payment_method: i.paymentMethod ?? null,
          iban: i.iban ?? null,
        })),
      )
    : null;
  c[AT.related] = r.relatedExternalIds?.length ? pgArray(r.relatedExternalIds) : null;
  return encodeCopyLine(c);
}

/** Rejected rows travel in the same stream as the records. */
export function stageLineForError(error: RowError, rowKey: number): string {
  const c = stageRow(rowKey, error.line, error.source, "E");
  c[AT.value] = error.value ?? null;
  c[AT.field] = error.field;
  c[AT.reason] = error.reason;
  return encodeCopyLine(c);
}

/** PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes. */
export function encodeCopyLine(cells: Cell[]): string {
  let out = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += "\t";
    const cell = cells[i];
    if (cell === null || cell === undefined) out += "\\N";
    else if (typeof cell === "boolean") out += cell ? "t" : "f";
    else if (typeof cell === "string") out += escapeCopy(cell);
    else out += String(cell);
  }
  return `${out}\n`;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeCopy(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** A text[] literal: {"a","b"} with quotes and backslashes escaped. */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

/** Which record a rejected field belonged to, for the per-type counts. */
export function recordTypeOfField(
  field: string,
  source = "",
): "debtor" | "contact" | "invoice" | "row" {
  // The JSON bulk API names its lists; parsers name fields.
  const list = /^api:(debtors|contacts|invoices)$/.exec(source)?.[1];
  if (list) return list.slice(0, -1) as "debtor" | "contact" | "invoice";
  const name = field.replace(/\s*\(.*\)$/, "");
  if (isCanonicalField(name)) {
    const owner = ownerOf(name);
    return owner === "key" ? "row" : owner;
  }
  // FatturaPA paths: the customer's identity, its address and PEC, or a body.
  if (/CessionarioCommittente\/DatiAnagrafici/.test(name)) return "debtor";
  if (/Sede|PEC/.test(name)) return "contact";
  if (/Body/.test(name)) return "invoice";
  return "row";
}
