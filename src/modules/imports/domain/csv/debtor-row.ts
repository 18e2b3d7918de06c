/** Builds the DebtorRecord of a row from its debtor columns. */
import type { DebtorKind, DebtorRecord } from "../records.js";
import { checkRiskScore, checkTaxCode, checkTimeZone, checkVatNumber } from "./cell-checks.js";
import type { FieldError, RowSettings, RowValues } from "./row-values.js";
import { parseDebtorKind, parseLanguage } from "./value-vocabularies.js";

/** Legal forms in a company name ("Rossi Impianti S.r.l."), the last hint of a company. */
const LEGAL_FORM =
  /\b(srls?|spa|snc|sas|sapa|scarl|soc|societa|coop|cooperativa|consorzio|onlus|associazione|fondazione|ltd|gmbh|inc|llc)\b/i;

/** Matched without dots and accents: "S.p.A." → "SpA", "Società" → "Societa". */
function looksLikeCompany(name: string): boolean {
  return LEGAL_FORM.test(name.normalize("NFD").replace(/[\u0300-\u036f.]/g, ""));
}

/**
 * Returns the record, or undefined when a field is wrong (its errors are pushed to `errors`).
 * @param debtorId the row's debtor_id, already checked to be non-empty.
 */
export function buildDebtor(
  debtorId: string,
  v: RowValues,
  settings: RowSettings,
  errors: FieldError[],
): DebtorRecord | undefined {
  const errorsBefore = errors.length;
  const firstName = v.first_name;
  const lastName = v.last_name;
  const name = v.name ?? joinName(firstName, lastName);
  if (name === undefined) {
    errors.push({
      field: "name",
      reason: "a debtor needs a name, or both first_name and last_name",
    });
  }

  let taxCode: string | undefined;
  if (v.tax_code !== undefined) {
    const checked = checkTaxCode(v.tax_code);
    if (checked.ok) taxCode = checked.value;
    else errors.push({ field: "tax_code", value: v.tax_code, reason: checked.reason });
  }

  let vatNumber: string | undefined;
  if (v.vat_number !== undefined) {
    const checked = checkVatNumber(v.vat_number);
    if (checked.ok) vatNumber = checked.value;
    else errors.push({ field: "vat_number", value: v.vat_number, reason: checked.reason });
  }

  let kind: DebtorKind | undefined;
  if (v.debtor_type !== undefined) {
    kind = parseDebtorKind(v.debtor_type);
    if (kind === undefined) {
      errors.push({
        field: "debtor_type",
        value: v.debtor_type,
        reason:
          "not a known debtor type: expected person (persona, PF, privato) or company (azienda, società, PG)",
      });
    }
  }

  let language = settings.language;
  if (v.language !== undefined) {
    language = parseLanguage(v.language);
    if (language === undefined) {
      errors.push({
        field: "language",
        value: v.language,
        reason: "not a valid language: expected a code such as it or en",
      });
    }
  }

  let timeZone = settings.timeZone;
  if (v.time_zone !== undefined) {
    const checked = checkTimeZone(v.time_zone);
    if (checked.ok) timeZone = checked.value;
    else errors.push({ field: "time_zone", value: v.time_zone, reason: checked.reason });
  }

  let riskScore: number | undefined;
  if (v.risk_score !== undefined) {
    const checked = checkRiskScore(v.risk_score);
    if (checked.ok) riskScore = checked.value;
    else errors.push({ field: "risk_score", value: v.risk_score, reason: checked.reason });
  }

  if (errors.length > errorsBefore || name === undefined) return undefined;
  const record: DebtorRecord = {
    externalId: debtorId,
    kind: kind ?? inferKind(taxCode, vatNumber, v, settings),
    name,
  };
  if (firstName !== undefined) record.firstName = firstName;
  if (lastName !== undefined) record.lastName = lastName;
  if (taxCode !== undefined) record.taxCode = taxCode;
  if (vatNumber !== undefined) record.vatNumber = vatNumber;
  if (language !== undefined) record.language = language;
  if (timeZone !== undefined) record.timeZone = timeZone;
  if (v.segment !== undefined) record.segment = v.segment;
  if (riskScore !== undefined) record.riskScore = riskScore;
  if (v.risk_class !== undefined) record.riskClass = v.risk_class;
  return record;
}

function joinName(first: string | undefined, last: string | undefined): string | undefined {
  return first !== undefined && last !== undefined ? `${first} ${last}` : undefined;
}

/**
 * The tax code's shape is the strongest hint (16 characters: a person; 11 digits: a company),
 * then a VAT number, then the file's default, then the way the name is written.
 */
function inferKind(
  taxCode: string | undefined,
  vatNumber: string | undefined,
  v: RowValues,
  settings: RowSettings,
): DebtorKind {
  if (taxCode !== undefined) return taxCode.length === 16 ? "person" : "company";
  if (vatNumber !== undefined) return "company";
  if (settings.debtorType !== undefined) return settings.debtorType;
  if (v.first_name !== undefined || v.last_name !== undefined) return "person";
  return v.name !== undefined && looksLikeCompany(v.name) ? "company" : "person";
}
