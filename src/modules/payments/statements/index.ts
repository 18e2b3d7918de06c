/** Bank statement parsers: camt.052/053/054 (001.02–001.08) and a documented CSV layout. */
export { parseCamt } from "./camt-parse.js";
export { type CsvStatementOptions, parseStatementCsv } from "./csv-statement.js";
export { parseStatement } from "./parse-statement.js";
export { StatementError, type StatementErrorDetails } from "./statement-error.js";
export type {
  EntryDirection,
  EntryStatus,
  EntryTransaction,
  ParsedStatement,
  StatementEntry,
  StatementFormat,
  StatementParseResult,
  StatementProblem,
  StatementReport,
} from "./types.js";
