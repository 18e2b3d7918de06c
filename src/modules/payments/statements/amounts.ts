/**
 * Amount text to integer minor units, by the currency's exponent and without
 * floating point. More decimals than the currency has is an error (we never round
 * money); extra trailing zeros ("12.500" EUR) lose nothing and are accepted.
 */
import { currencyExponent, parseAmount } from "../../../platform/money.js";

export type AmountResult = { ok: true; minor: bigint } | { ok: false; reason: string };

const ISO_DECIMAL = /^(\d{1,18})(?:\.(\d{1,10}))?$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(text: string): boolean {
  return CURRENCY_CODE.test(text);
}

/** ISO 20022 amount text ("1234.5", never signed, "." as decimal point). */
export function isoAmountToMinor(text: string, currency: string): AmountResult {
  const match = ISO_DECIMAL.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `"${text}" is not an amount (digits with an optional "." and decimals)`,
    };
  }
  return scale(text, match[1]!, match[2] ?? "", currency);
}

/**
 * An amount as CSV exports write it: "1.234,56", "-1234.56", "1234,5", "€ 12".
 * Signed; the reason says why when it is not an amount for the currency.
 */
export function looseAmountToMinor(text: string, currency: string): AmountResult {
  const exponent = currencyExponent(currency);
  const minor = parseAmount(text, exponent);
  if (minor !== null) return { ok: true, minor };
  // parseAmount says only "no": find out whether decimals were the trouble.
  const decimals = /[.,](\d+)\s*-?\s*$/.exec(text.trim())?.[1];
  const groupedThousands = decimals?.length === 3 && /\d[.,]\d{3}[.,]/.test(text);
  if (decimals && decimals.length > exponent && !groupedThousands && /^[-+\d\s.,€]+$/.test(text)) {
    return { ok: false, reason: tooManyDecimals(text.trim(), decimals.length, currency, exponent) };
  }
  return { ok: false, reason: `"${text}" is not an amount` };
}

function scale(text: string, whole: string, fraction: string, currency: string): AmountResult {
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent && !/^0*$/.test(fraction.slice(exponent))) {
    return { ok: false, reason: tooManyDecimals(text, fraction.length, currency, exponent) };
  }
  const minor = BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, "0"));
  return { ok: true, minor };
}

function tooManyDecimals(text: string, count: number, currency: string, exponent: number): string {
  return `"${text}" has ${count} decimals; ${currency} allows ${exponent}`;
}
