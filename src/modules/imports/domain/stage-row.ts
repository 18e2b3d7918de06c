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
type StageRow = Partial<Record<(typeof STAGE_COLUMNS)[number], Cell>>;

export function stageLineForRecord(item: IntakeRecord, rowKey: number, fileName: string): string {
  const base = { row_key: rowKey, line: item.line, file_name: fileName };
  if (item.type === "debtor") {
    const r = item.record;
    return encodeStageRow({
      ...base,
      rtype: "D",
      ext_id: r.externalId,
      kind: r.kind,
      name: r.name,
      first_name: r.firstName,
      last_name: r.lastName,
      tax_code: r.taxCode,
      vat_number: r.vatNumber,
      language: r.language,
      time_zone: r.timeZone,
      segment: r.segment,
      risk_score: r.riskScore === undefined ? null : Math.round(r.riskScore),
      risk_class: r.riskClass,
    });
  }
  if (item.type === "contact") {
    const r = item.record;
    return encodeStageRow({
      ...base,
      rtype: "C",
      debtor_ext_id: r.debtorExternalId,
      kind: r.kind,
      value: r.value,
      phone_type: r.phoneType,
      address: r.address ? JSON.stringify(r.address) : null,
      source: r.source,
      verified: r.verified,
      consent: r.consent ? JSON.stringify(r.consent) : null,
      opt_out: r.optOut?.length ? pgArray(r.optOut) : null,
    });
  }
  const r = item.record;
  return encodeStageRow({
    ...base,
    rtype: "I",
    ext_id: r.externalId,
    debtor_ext_id: r.debtorExternalId,
    number: r.number,
    document_type: r.documentType,
    issue_date: r.issueDate,
    due_date: r.dueDate,
    amount: r.amountMinor,
    open_amount: r.openAmountMinor,
    currency: r.currency,
    status: r.status,
    installments: r.installments?.length
      ? JSON.stringify(
          allocateOpenAmount(r.installments, r.amountMinor, r.openAmountMinor).map((i) => ({
            seq: i.seq,
            due_date: i.dueDate,
            amount_minor: i.amountMinor.toString(),
            open_amount_minor: i.openAmountMinor.toString(),
            payment_method: i.paymentMethod ?? null,
            iban: i.iban ?? null,
          })),
        )
      : null,
    related: r.relatedExternalIds?.length ? pgArray(r.relatedExternalIds) : null,
  });
}

/** Rejected rows travel in the same stream as the records. */
export function stageLineForError(error: RowError, rowKey: number): string {
  return encodeStageRow({
    row_key: rowKey,
    line: error.line,
    file_name: error.source,
    rtype: "E",
    value: error.value ?? null,
    field: error.field,
    reason: error.reason,
  });
}

function encodeStageRow(row: StageRow): string {
  return encodeCopyLine(STAGE_COLUMNS.map((column) => row[column]));
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

const DEBTOR_FIELDS = new Set([
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
]);
const CONTACT_FIELDS = new Set([
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
]);

/** Which record a rejected field belonged to, for the per-type counts. */
export function recordTypeOfField(field: string): "debtor" | "contact" | "invoice" | "row" {
  const name = field.replace(/\s*\(.*\)$/, "");
  if (DEBTOR_FIELDS.has(name) || /CessionarioCommittente\/DatiAnagrafici/.test(name))
    return "debtor";
  if (CONTACT_FIELDS.has(name) || /Sede|PEC/.test(name)) return "contact";
  if (name.startsWith("invoice") || /date|amount|currency|status|document_type|Body/.test(name))
    return "invoice";
  return "row";
}
