import { AppError } from "../../../platform/errors.js";

export interface StatementErrorDetails {
  /** The file name as the caller gave it. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Where in the message, e.g. "Ntry/Amt" or "Acct/Id/IBAN"; for CSV the column. */
  element?: string;
  /** What is wrong, for a person. */
  reason: string;
}

/**
 * A statement file that cannot be read at all. Thrown, not returned: there is no
 * partial result for a camt file (a half-read statement would book half a day).
 * The message names file, line and element, e.g.
 * `bank.xml line 42, Ntry/Amt: "12.345" has 3 decimals; EUR allows 2`.
 */
export class StatementError extends AppError {
  readonly file: string;
  readonly line?: number;
  readonly element?: string;
  readonly reason: string;

  constructor(details: StatementErrorDetails) {
    super("validation_failed", describe(details), details);
    this.name = "StatementError";
    this.file = details.file;
    this.line = details.line;
    this.element = details.element;
    this.reason = details.reason;
  }
}

function describe({ file, line, element, reason }: StatementErrorDetails): string {
  const where = `${file}${line === undefined ? "" : ` line ${line}`}`;
  return `${where}${element === undefined ? "" : `, ${element}`}: ${reason}`;
}
