/**
 * A dialer's dispositions as raw rows, from a CSV file (header row, "," or ";",
 * UTF-8 with or without BOM, unknown columns ignored) or from a webhook's JSON
 * (one object, or `{ dispositions: [...] }`). Each row keeps where it came from:
 * its line in the file, or its position in the list.
 */
import { parse } from "csv-parse/sync";
import {
  DISPOSITION_COLUMNS,
  type DispositionColumn,
  JSON_NAMES,
  type RawDisposition,
  REQUIRED_COLUMNS,
  type RowProblem,
} from "./dialer-dispositions";

/** The input as a whole cannot be read: nothing in it is recorded. */
export class DialerInputError extends Error {
  override readonly name = "DialerInputError";
}

/** A webhook call carries at most this many dispositions. */
export const MAX_JSON_DISPOSITIONS = 10_000;

export interface RawInput {
  rows: RawDisposition[];
  problems: RowProblem[];
}

export function readDispositionCsv(text: string): RawInput {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = count(firstLine, ";") > count(firstLine, ",") ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DialerInputError(
      `${line ? `line ${line}: ` : ""}cannot be read as CSV: ${(error as Error).message}`,
    );
  }
  // Blank lines come through as records: lines are counted from the records, one each
  // plus the line breaks inside quoted fields.
  let next = 1;
  const lines = records.map((cells) => {
    const line = next;
    next += 1 + cells.reduce((n, c) => n + count(c, "\n"), 0);
    return { cells, line };
  });
  const blank = (cells: string[]) => cells.every((c) => c.trim() === "");
  const header = lines.find((r) => !blank(r.cells));
  if (!header) throw new DialerInputError("the file is empty");

  const index = new Map<DispositionColumn, number>();
  header.cells.forEach((name, i) => {
    const column = DISPOSITION_COLUMNS.find((c) => c === name.trim().toLowerCase());
    if (!column) return;
    if (index.has(column))
      throw new DialerInputError(`line ${header.line}: column ${column} appears twice`);
    index.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new DialerInputError(
      `line ${header.line}: the header needs the column(s) ${missing.join(", ")} (see docs/calls.md)`,
    );
  }

  const rows: RawDisposition[] = [];
  for (const { cells, line } of lines) {
    if (line <= header.line || blank(cells)) continue;
    const row: RawDisposition = { line, cells: {} };
    for (const [column, i] of index) {
      const value = cells[i];
      if (value !== undefined) row.cells[column] = value;
    }
    rows.push(row);
  }
  return { rows, problems: [] };
}

export function readDispositionJson(body: unknown): RawInput {
  if (!isObject(body)) {
    throw new DialerInputError("expected a disposition object or { dispositions: [...] }");
  }
  const list: unknown[] = "dispositions" in body ? asList(body.dispositions) : [body];
  if (list.length > MAX_JSON_DISPOSITIONS) {
    throw new DialerInputError(`at most ${MAX_JSON_DISPOSITIONS} dispositions in one call`);
  }
  const rows: RawDisposition[] = [];
  const problems: RowProblem[] = [];
  list.forEach((item, i) => {
    const line = i + 1;
    if (!isObject(item)) {
      problems.push({ line, field: "dispositions", reason: "not an object" });
      return;
    }
    const row: RawDisposition = { line, cells: {} };
    let bad = false;
    for (const column of DISPOSITION_COLUMNS) {
      const value = item[JSON_NAMES[column]];
      if (value === undefined || value === null) continue;
      if (typeof value === "string") row.cells[column] = value;
      else if (typeof value === "number" && Number.isFinite(value))
        row.cells[column] = String(value);
      else {
        bad = true;
        problems.push({ line, field: JSON_NAMES[column], reason: "a string or a number" });
      }
    }
    if (!bad) rows.push(row);
  });
  return { rows, problems };
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new DialerInputError("dispositions: expected a list");
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}
