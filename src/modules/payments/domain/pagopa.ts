/**
 * pagoPA payment notices: the 18-digit notice number (numero avviso) and the string in
 * the notice's QR code. Rules from the SACI (Specifiche Attuative dei Codici
 * Identificativi di versamento) and the "Avviso di pagamento" spec, Allegato 2.
 */
import { type FieldProblem, type Parsed, throwIfAny } from "./field-problems.js";
import { numericFiscalCodeProblem } from "./numeric-fiscal-code.js";

export type PagoPaAuxDigit = "0" | "1" | "2" | "3";

/** A notice number taken apart (SACI Schema A/B, Tabella 2). */
export interface PagoPaNotice {
  readonly noticeNumber: string;
  readonly auxDigit: PagoPaAuxDigit;
  /** Aux digit 0 only (deprecated). */
  readonly applicationCode?: string;
  /** Aux digit 3: which of the creditor's systems issued the IUV. */
  readonly segregationCode?: string;
  /** Identificativo Univoco di Versamento: the notice number without aux/application code. */
  readonly iuv: string;
  /** Absent for aux digit 1, which has no check digits. */
  readonly checkDigits?: string;
}

export interface PagoPaQrInput {
  readonly noticeNumber: string;
  /** Codice fiscale of the ente creditore: 11 digits. */
  readonly creditorFiscalCode: string;
  readonly amountMinor: bigint;
}

export interface PagoPaQrData extends PagoPaQrInput {
  readonly notice: PagoPaNotice;
}

export const PAGOPA_QR_IDENTIFIER = "PAGOPA";
export const PAGOPA_QR_VERSION = "002";
/** The QR amount is in euro cents, at most 11 digits. */
export const PAGOPA_MAX_AMOUNT_MINOR = 99_999_999_999n;

/**
 * Check digits (NAV.0, NAV.2, NAV.3): the first 16 digits of the notice number —
 * aux digit, application or segregation code, IUV base — taken as one number,
 * modulo 93, written with two digits.
 */
function checkDigitsFor(first16Digits: string): string {
  return String(BigInt(first16Digits) % 93n).padStart(2, "0");
}

/** A new notice number: aux digit 3 (the only one not deprecated), so it carries a segregation code. */
export function pagoPaNoticeNumber(input: { segregationCode: string; iuvBase: string }): string {
  const problems: FieldProblem[] = [];
  if (!/^\d{2}$/.test(input.segregationCode)) {
    problems.push({ field: "segregationCode", reason: "must be 2 digits" });
  }
  if (!/^\d{13}$/.test(input.iuvBase)) {
    problems.push({ field: "iuvBase", reason: "must be 13 digits" });
  }
  throwIfAny(problems);
  const first16 = `3${input.segregationCode}${input.iuvBase}`;
  return first16 + checkDigitsFor(first16);
}

/** Spaces are ignored: printed notices group the digits. */
export function parsePagoPaNoticeNumber(text: string): Parsed<PagoPaNotice> {
  const noticeNumber = text.replace(/\s+/g, "");
  const fail = (reason: string): Parsed<PagoPaNotice> => ({
    ok: false,
    problems: [{ field: "noticeNumber", reason }],
  });
  if (!/^\d{18}$/.test(noticeNumber)) return fail("must be 18 digits");
  const auxDigit = noticeNumber[0]!;
  if (!isAuxDigit(auxDigit)) return fail(`aux digit ${auxDigit} is not 0, 1, 2 or 3`);
  if (auxDigit === "1") {
    return { ok: true, value: { noticeNumber, auxDigit, iuv: noticeNumber.slice(1) } };
  }
  const checkDigits = noticeNumber.slice(16);
  if (checkDigits !== checkDigitsFor(noticeNumber.slice(0, 16))) {
    return fail("wrong check digits (the first 16 digits modulo 93)");
  }
  return { ok: true, value: { ...componentsOf(noticeNumber, auxDigit), checkDigits } };
}

export function isValidPagoPaNoticeNumber(text: string): boolean {
  return parsePagoPaNoticeNumber(text).ok;
}

/** Where the IUV starts depends on the aux digit (SACI Tabella 2). */
function componentsOf(noticeNumber: string, auxDigit: "0" | "2" | "3"): PagoPaNotice {
  const twoDigits = noticeNumber.slice(1, 3);
  switch (auxDigit) {
    case "0":
      return { noticeNumber, auxDigit, applicationCode: twoDigits, iuv: noticeNumber.slice(3) };
    case "2":
      return { noticeNumber, auxDigit, iuv: noticeNumber.slice(1) };
    case "3":
      return { noticeNumber, auxDigit, segregationCode: twoDigits, iuv: noticeNumber.slice(1) };
  }
}

function isAuxDigit(digit: string): digit is PagoPaAuxDigit {
  return digit === "0" || digit === "1" || digit === "2" || digit === "3";
}

const CASE_NUMBER_DIGITS = 10;
const NOTICE_SEQUENCE_DIGITS = 3;

/**
 * A 13-digit IUV base for the n-th notice of a case: the case number in 10 digits
 * followed by the notice's sequence within the case in 3 digits (instalments and
 * reissues get 1, 2, …). Case SAL-00000123, first notice → "0000000123000".
 * The IUV must be unique for the creditor: case numbers come from one sequence, and
 * the segregation code keeps them apart from IUVs the creditor's other systems issue.
 */
export function caseIuvBase(caseNumber: bigint | number, noticeSequence = 0): string {
  const number = BigInt(caseNumber);
  const problems: FieldProblem[] = [];
  if (number < 0n || number >= 10n ** BigInt(CASE_NUMBER_DIGITS)) {
    problems.push({ field: "caseNumber", reason: `must be 0 to ${CASE_NUMBER_DIGITS} digits` });
  }
  if (!Number.isInteger(noticeSequence) || noticeSequence < 0 || noticeSequence > 999) {
    problems.push({ field: "noticeSequence", reason: "must be an integer from 0 to 999" });
  }
  throwIfAny(problems);
  return (
    String(number).padStart(CASE_NUMBER_DIGITS, "0") +
    String(noticeSequence).padStart(NOTICE_SEQUENCE_DIGITS, "0")
  );
}

/** `PAGOPA|002|<notice number>|<creditor fiscal code>|<amount in cents>`. Throws PaymentDataError. */
export function pagoPaQrPayload(input: PagoPaQrInput): string {
  const notice = parsePagoPaNoticeNumber(input.noticeNumber);
  const problems: FieldProblem[] = notice.ok ? [] : [...notice.problems];
  const fiscalCodeProblem = numericFiscalCodeProblem(input.creditorFiscalCode);
  if (fiscalCodeProblem) problems.push({ field: "creditorFiscalCode", reason: fiscalCodeProblem });
  if (input.amountMinor < 1n || input.amountMinor > PAGOPA_MAX_AMOUNT_MINOR) {
    problems.push({ field: "amount", reason: "must be from 1 cent to EUR 999999999.99" });
  }
  throwIfAny(problems);
  // The spec asks for at least 2 amount digits: 1 cent is written "01".
  const amount = String(input.amountMinor).padStart(2, "0");
  const noticeNumber = notice.ok ? notice.value.noticeNumber : input.noticeNumber;
  return [
    PAGOPA_QR_IDENTIFIER,
    PAGOPA_QR_VERSION,
    noticeNumber,
    input.creditorFiscalCode,
    amount,
  ].join("|");
}

/**
 * Reports every problem found. Accepts amounts of 1 to 11 digits, leading zeros
 * included: the spec says at least 2, but QR codes with 1 digit circulate
 * (io-pagopa-commons accepts them for that reason).
 */
export function parsePagoPaQrPayload(payload: string): Parsed<PagoPaQrData> {
  const parts = payload.split("|");
  if (parts.length !== 5) {
    return {
      ok: false,
      problems: [
        { field: "payload", reason: `has ${parts.length} fields separated by "|", 5 expected` },
      ],
    };
  }
  const [identifier, version, noticeText = "", creditorFiscalCode = "", amountText = ""] = parts;
  const problems: FieldProblem[] = [];
  if (identifier !== PAGOPA_QR_IDENTIFIER) {
    problems.push({ field: "identifier", reason: `must be ${PAGOPA_QR_IDENTIFIER}` });
  }
  if (version !== PAGOPA_QR_VERSION) {
    problems.push({ field: "version", reason: `must be ${PAGOPA_QR_VERSION}` });
  }
  // In the QR the notice number is exactly 18 digits; spaces are not tolerated here.
  const notice = /\s/.test(noticeText)
    ? ({ ok: false, problems: [{ field: "noticeNumber", reason: "must be 18 digits" }] } as const)
    : parsePagoPaNoticeNumber(noticeText);
  if (!notice.ok) problems.push(...notice.problems);
  const fiscalCodeProblem = numericFiscalCodeProblem(creditorFiscalCode);
  if (fiscalCodeProblem) problems.push({ field: "creditorFiscalCode", reason: fiscalCodeProblem });
  const amountMinor = /^\d{1,11}$/.test(amountText) ? BigInt(amountText) : null;
  if (amountMinor === null) {
    problems.push({ field: "amount", reason: "must be 1 to 11 digits of euro cents" });
  } else if (amountMinor < 1n) {
    problems.push({ field: "amount", reason: "must be at least 1 cent" });
  }
  if (problems.length > 0 || !notice.ok || amountMinor === null) return { ok: false, problems };
  return {
    ok: true,
    value: { noticeNumber: noticeText, creditorFiscalCode, amountMinor, notice: notice.value },
  };
}
