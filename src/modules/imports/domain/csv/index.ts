/** CSV intake: Italian spreadsheet exports → validated IntakeRecords and RowErrors. */
export { CsvIntakeError } from "./csv-intake-error.js";
export { sniffDelimiter } from "./delimiter-sniffing.js";
export {
  CANONICAL_FIELDS,
  type CanonicalField,
  type ColumnMapping,
  type CsvDelimiter,
  type CsvEncoding,
  type CsvIntakeOptions,
  type CsvIntakeSummary,
  type DateOrder,
  type IntakeBatch,
  isCanonicalField,
} from "./fields.js";
export {
  describeDefaultMapping,
  type FieldDescription,
  normalizeHeader,
  resolveHeaderAlias,
} from "./header-aliases.js";
export { parseItalianDate } from "./italian-date.js";
export { readCsvIntake } from "./read-csv-intake.js";
