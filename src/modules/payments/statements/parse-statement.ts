/**
 * One entry point for an uploaded statement: XML is read as camt, anything else
 * as CSV. camt has no row problems (a camt file is read whole or refused).
 */
import { parseCamt } from "./camt-parse.js";
import { type CsvStatementOptions, parseStatementCsv } from "./csv-statement.js";
import type { StatementParseResult } from "./types.js";

export function parseStatement(
  fileName: string,
  content: Buffer | string,
  csvOptions?: CsvStatementOptions,
): StatementParseResult {
  if (looksLikeXml(content)) return { statement: parseCamt(fileName, content), problems: [] };
  return parseStatementCsv(fileName, content, csvOptions);
}

/** The first character that is not a BOM or whitespace is "<" (UTF-8 or UTF-16). */
function looksLikeXml(content: Buffer | string): boolean {
  const head =
    typeof content === "string"
      ? content.slice(0, 512)
      : content.subarray(0, 512).toString("latin1").replace(/\0/g, "");
  return /^(?:\uFEFF|\u00EF\u00BB\u00BF|\u00FF\u00FE|\u00FE\u00FF)?\s*</.test(head);
}
