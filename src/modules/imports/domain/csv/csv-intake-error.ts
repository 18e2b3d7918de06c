import { AppError } from "../../../../platform/errors.js";

/**
 * A problem with the file as a whole (header, encoding, mapping): nothing can be
 * imported until a person fixes it. Bad rows never raise this; they become RowErrors.
 */
export class CsvIntakeError extends AppError {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super("validation_failed", message, { line, column });
    this.name = "CsvIntakeError";
  }
}
