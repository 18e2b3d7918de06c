/**
 * The data elements of the EPC QR code (EPC069-12, "Quick Response Code: Guidelines
 * to Enable Data Capture for the Initiation of a SEPA Credit Transfer") and the checks
 * shared by the payload builder and the parser.
 */
import type { FieldProblem } from "./field-problems.js";
import { validateBic, validateIban } from "./iban.js";
import { creditorReferenceProblem } from "./rf-reference.js";

export const EPC_SERVICE_TAG = "BCD";
export const EPC_IDENTIFICATION = "SCT";
export const EPC_VERSIONS = ["001", "002"] as const;
export type EpcQrVersion = (typeof EPC_VERSIONS)[number];

/** Character set codes 1–8 in order; Saldo always writes 1 (UTF-8). */
export const EPC_CHARACTER_SETS = [
  "UTF-8",
  "ISO-8859-1",
  "ISO-8859-2",
  "ISO-8859-4",
  "ISO-8859-5",
  "ISO-8859-7",
  "ISO-8859-10",
  "ISO-8859-15",
] as const;
export type EpcCharacterSet = (typeof EPC_CHARACTER_SETS)[number];

/** QR version 13 at error level M holds 331 bytes (EPC069-12, 2D code guidelines). */
export const EPC_MAX_PAYLOAD_BYTES = 331;
export const EPC_MIN_AMOUNT_MINOR = 1n;
export const EPC_MAX_AMOUNT_MINOR = 99_999_999_999n;

/** Maximum lengths in characters of the free-text elements. */
export const EPC_MAX_LENGTH = {
  name: 70,
  iban: 34,
  reference: 35,
  text: 140,
  information: 70,
} as const;

/** Elements 5–12 of the payload, decoded. */
export interface EpcQrFields {
  readonly version: EpcQrVersion;
  readonly bic?: string | undefined;
  readonly name: string;
  readonly iban: string;
  /** Euro cents; the amount element is optional in a payload Saldo did not write. */
  readonly amountMinor?: bigint | undefined;
  readonly purpose?: string | undefined;
  /** Structured creditor reference: an ISO 11649 RF reference, or another ≤ 35 characters. */
  readonly reference?: string | undefined;
  /** Unstructured remittance information; excludes `reference`. */
  readonly text?: string | undefined;
  /** Beneficiary-to-originator information, shown to the payer only. */
  readonly information?: string | undefined;
}

export interface EpcFieldCheckOptions {
  /**
   * When false the IBAN only has to look like one (up to 34 letters and digits).
   * Other libraries' test vectors use placeholder IBANs that fail mod 97.
   */
  readonly checkIban: boolean;
}

export function checkEpcQrFields(
  fields: EpcQrFields,
  options: EpcFieldCheckOptions,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string | null) => {
    if (reason) problems.push({ field, reason });
  };
  add("bic", bicProblem(fields));
  add("name", textProblem(fields.name, EPC_MAX_LENGTH.name, true));
  add("iban", ibanProblem(fields.iban, options));
  add("amount", amountProblem(fields.amountMinor));
  if (fields.purpose !== undefined && !/^[A-Z0-9]{1,4}$/.test(fields.purpose)) {
    add("purpose", "must be an ISO 20022 purpose code of up to 4 letters or digits");
  }
  if (fields.reference !== undefined && fields.text !== undefined) {
    add("reference", "a structured reference and unstructured text are mutually exclusive");
  }
  add("reference", referenceProblem(fields.reference));
  add("text", textProblem(fields.text, EPC_MAX_LENGTH.text, false));
  add("information", textProblem(fields.information, EPC_MAX_LENGTH.information, false));
  return problems;
}

function bicProblem(fields: EpcQrFields): string | null {
  if (fields.bic === undefined) {
    return fields.version === "001" ? "is mandatory in version 001" : null;
  }
  const check = validateBic(fields.bic);
  return check.valid ? null : check.reason;
}

function ibanProblem(iban: string, options: EpcFieldCheckOptions): string | null {
  if (!options.checkIban) {
    return /^[A-Z0-9]{1,34}$/i.test(iban) ? null : "must be up to 34 letters and digits";
  }
  const check = validateIban(iban);
  if (!check.valid) return check.reason;
  // The EPC QR code initiates a SEPA credit transfer: the payee must be reachable by one.
  return check.sepa ? null : `${check.country} is not in the SEPA scheme`;
}

function amountProblem(amountMinor: bigint | undefined): string | null {
  if (amountMinor === undefined) return null;
  if (amountMinor < EPC_MIN_AMOUNT_MINOR || amountMinor > EPC_MAX_AMOUNT_MINOR) {
    return "must be between EUR 0.01 and EUR 999999999.99";
  }
  return null;
}

function referenceProblem(reference: string | undefined): string | null {
  if (reference === undefined) return null;
  if (/^RF/i.test(reference)) {
    const problem = creditorReferenceProblem(reference);
    return problem ? `RF reference ${problem}` : null;
  }
  return textProblem(reference, EPC_MAX_LENGTH.reference, true);
}

function textProblem(value: string | undefined, maxLength: number, required: boolean) {
  if (value === undefined || value.trim() === "") return required ? "is empty" : null;
  if (/[\r\n]/.test(value)) return "must not contain line breaks";
  // Lengths count characters (code points), not UTF-8 bytes; the byte limit is checked on the whole payload.
  const length = [...value].length;
  return length > maxLength ? `is ${length} characters, at most ${maxLength} allowed` : null;
}

/** "EUR12.30": always two decimals, dot separator, no thousands separator. */
export function formatEpcAmount(amountMinor: bigint): string {
  const cents = String(amountMinor % 100n).padStart(2, "0");
  return `EUR${amountMinor / 100n}.${cents}`;
}

/** Inverse of formatEpcAmount, also accepting "EUR1" and "EUR12.3"; null when malformed. */
export function parseEpcAmount(text: string): bigint | null {
  const match = /^EUR(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? "0").padEnd(2, "0"));
}
