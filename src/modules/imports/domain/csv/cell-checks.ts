/**
 * Validation of single cells. Each check returns the normalised value or a
 * reason written for the person who will fix the file.
 */
import { currencyExponent, type DecimalStyle, parseAmount } from "../../../../platform/money.js";
import {
  isValidPersonalTaxCode,
  isValidVatNumber,
  normalizeTaxId,
} from "../../../debtors/domain/tax-ids.js";

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(reason: string): Checked<T> => ({ ok: false, reason });

export function checkAmount(text: string, currency: string, style: DecimalStyle): Checked<bigint> {
  const exponent = currencyExponent(currency);
  const minor = parseAmount(text, exponent, style);
  if (minor !== null) return ok(minor);
  const example = style === "dot" ? "1234.56" : "1.234,56";
  return fail(
    `not a valid amount: expected a number such as ${example}, with at most ${exponent} decimals`,
  );
}

/** The shape of a personal codice fiscale (omocodia letters allowed in digit places). */
const PERSONAL_CODE =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** A codice fiscale: 16 characters for people, 11 digits for companies. */
export function checkTaxCode(text: string): Checked<string> {
  const code = normalizeTaxId(text);
  if (code.length === 16) {
    if (!PERSONAL_CODE.test(code)) {
      return fail(
        "not a valid Italian tax code: letters and digits are not where a codice fiscale has them",
      );
    }
    return isValidPersonalTaxCode(code)
      ? ok(code)
      : fail("not a valid Italian tax code: check digit mismatch");
  }
  if (/^\d{11}$/.test(code)) {
    return isValidVatNumber(code)
      ? ok(code)
      : fail("not a valid Italian tax code: check digit mismatch");
  }
  return fail(
    "not a valid Italian tax code: expected 16 characters (person) or 11 digits (company)",
  );
}

/** A partita IVA, with or without the IT prefix; stored without it. */
export function checkVatNumber(text: string): Checked<string> {
  const code = normalizeTaxId(text);
  if (!/^\d{11}$/.test(code)) {
    return fail("not a valid Italian VAT number: expected 11 digits, optionally after IT");
  }
  return isValidVatNumber(code)
    ? ok(code)
    : fail("not a valid Italian VAT number: check digit mismatch");
}

const EMAIL = /^[^\s@,;:<>()"]+@[^\s@,;:<>()"]+\.[a-z]{2,}$/i;

export function checkEmail(text: string): Checked<string> {
  const address = text
    .trim()
    .replace(/^mailto:/i, "")
    .toLowerCase();
  return EMAIL.test(address) ? ok(address) : fail("not a valid email address");
}

export function checkCurrency(text: string): Checked<string> {
  const code = text.trim().toUpperCase();
  if (code === "€" || code === "EURO") return ok("EUR");
  return /^[A-Z]{3}$/.test(code)
    ? ok(code)
    : fail("not a valid currency: expected an ISO 4217 code such as EUR");
}

export function checkRiskScore(text: string): Checked<number> {
  const trimmed = text.trim().replace(/%$/, "");
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(trimmed))
    return fail("not a valid risk score: expected a number");
  return ok(Number(trimmed.replace(",", ".")));
}

const timeZones = new Map<string, string | null>();

/** An IANA time zone ("Europe/Rome"), in its canonical spelling. Results are cached: Intl is slow. */
export function checkTimeZone(text: string): Checked<string> {
  const name = text.trim();
  let canonical = timeZones.get(name);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
    if (timeZones.size < 1000) timeZones.set(name, canonical);
  }
  return canonical
    ? ok(canonical)
    : fail("not a valid time zone: expected an IANA name such as Europe/Rome");
}
