/**
 * The CSV intake: a byte stream in, batches of validated records and row errors
 * out. Memory stays flat whatever the file size: the input is read only as fast
 * as the batches are consumed, and per debtor only a fingerprint is kept.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type CsvError, parse } from "csv-parse";
import type { IntakeRecord, RowError } from "../records.js";
import { assertValidMapping, buildColumnPlan, type ColumnPlan } from "./column-plan.js";
import { CsvIntakeError } from "./csv-intake-error.js";
import { sniffDelimiter } from "./delimiter-sniffing.js";
import type { CsvIntakeOptions, CsvIntakeSummary, IntakeBatch } from "./fields.js";
import { RowMapper } from "./row-mapper.js";
import { openCsvText } from "./text-decoding.js";

const DEFAULT_BATCH_SIZE = 2_000;
/** Bounds the memory an unclosed quote can take: it would otherwise swallow the whole file. */
const MAX_RECORD_CHARS = 1_000_000;

export async function* readCsvIntake(
  input: AsyncIterable<Buffer> | NodeJS.ReadableStream,
  options: CsvIntakeOptions,
): AsyncGenerator<IntakeBatch, CsvIntakeSummary, undefined> {
  const mapping = options.mapping ?? {};
  assertValidMapping(mapping);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const text = await openCsvText(input as AsyncIterable<Buffer | string>, mapping.encoding);
  const delimiter = mapping.delimiter ?? sniffDelimiter(text.headText);

  // A parse error must not destroy the stream: records parsed before it would be lost with
  // the stream's buffer. Skipping hands it over instead, with how many records came before.
  let failure: { error: CsvError; afterRecords: number } | undefined;
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error && !failure) failure = { error, afterRecords: parser.info.records };
      return undefined;
    },
  });
  const feeding = pipeline(Readable.from(text.chunks), parser);
  // Failures surface through the parser's iterator below; this only avoids an unhandled rejection.
  feeding.catch(() => undefined);

  let plan: ColumnPlan | undefined;
  let mapper: RowMapper | undefined;
  let records: IntakeRecord[] = [];
  let errors: RowError[] = [];
  let rowsInBatch = 0;
  let rowsRead = 0;
  // Blank lines come through as records, so every physical line is accounted for: a record
  // spans one line plus the line breaks inside its quoted fields. (csv-parse's own info.lines
  // is where a record ends, counts a quoted CRLF twice, and costs a copy per record.)
  let nextLine = 1;

  const batch = (last: boolean): IntakeBatch => {
    const out: IntakeBatch = {
      records,
      errors,
      linesRead: nextLine - 1,
      bytesRead: text.bytesRead(),
      last,
    };
    records = [];
    errors = [];
    rowsInBatch = 0;
    return out;
  };

  try {
    let consumed = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      // After an unclosed quote the parser cannot find where rows begin: stop there.
      if (failure && consumed === failure.afterRecords) break;
      consumed++;
      const line = nextLine;
      nextLine += 1 + countLineBreaks(record);
      if (mapper === undefined) {
        if (record.every((cell) => cell.trim() === "")) continue; // blank lines above the header
        plan = buildColumnPlan(record, mapping, line);
        mapper = new RowMapper(plan, mapping, options.source);
        continue;
      }
      if (mapper.mapRow(record, line, text.sawInvalidBytes(), records, errors) === "blank")
        continue;
      rowsRead++;
      if (++rowsInBatch >= batchSize) yield batch(false);
    }
  } finally {
    parser.destroy();
  }
  if (failure) {
    if (mapper === undefined) {
      throw new CsvIntakeError(
        `the header (line ${nextLine}) cannot be read as CSV: ${failure.error.message}`,
        nextLine,
      );
    }
    errors.push(malformedRowError(failure.error, options.source, nextLine));
    mapper.counts.errors++;
  }

  if (plan === undefined || mapper === undefined) {
    throw new CsvIntakeError("the file has no header line: expected column names on line 1", 1);
  }
  const summary: CsvIntakeSummary = {
    source: options.source,
    encoding: text.encoding,
    delimiter,
    columns: plan.columns.map(({ header, field }) => ({ header, field })),
    ignoredColumns: plan.ignoredColumns,
    unmatchedMappingColumns: plan.unmatchedMappingColumns,
    rowsRead,
    linesRead: nextLine - 1,
    bytesRead: text.bytesRead(),
    records: {
      debtor: mapper.counts.debtor,
      contact: mapper.counts.contact,
      invoice: mapper.counts.invoice,
    },
    errors: mapper.counts.errors,
  };
  yield { ...batch(true), summary };
  return summary;
}

/** Physical line breaks inside quoted fields; CRLF counts once. */
function countLineBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") === -1 && cell.indexOf("\r") === -1) continue;
    for (let i = 0; i < cell.length; i++) {
      const ch = cell.charCodeAt(i);
      if (ch === 10) breaks++;
      else if (ch === 13) {
        breaks++;
        if (cell.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  return breaks;
}

/** The parser cannot resynchronise after these (an unclosed quote eats the rest): say where and stop. */
function malformedRowError(error: CsvError, source: string, line: number): RowError {
  const reason =
    error.code === "CSV_QUOTE_NOT_CLOSED" || error.code === "CSV_MAX_RECORD_SIZE"
      ? `a quoted field that starts on this line is never closed, so the rest of the file (from line ${line}) could not be read`
      : `the rest of the file (from line ${line}) could not be read as CSV: ${error.message}`;
  return { source, line, field: "(row)", reason };
}
