/**
 * Locale formatting for debtor-facing text. Hand-written rather than Intl:
 * Italian CLDR puts the euro sign after the amount and does not group four-digit
 * numbers ("1234,56 €"), while Italian business letters write "€ 1.234,56".
 * Money stays bigint minor units throughout; no floats.
 */
import { currencyExponent } from "../../../platform/money.js";
import type { TemplateLanguage } from "./template.js";

const ITALIAN_MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];
const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Symbols readers of each language recognise without doubt; other currencies show their ISO code. */
const CURRENCY_SYMBOLS: Readonly<Record<TemplateLanguage, Readonly<Record<string, string>>>> = {
  it: { EUR: "€", GBP: "£" },
  en: { EUR: "€", GBP: "£", USD: "$" },
};

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** "2026-11-24" → {2026, 11, 24}; a date that does not exist is a caller's bug, so it throws. */
export function parseCalendarDay(text: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  if (year === undefined || month === undefined || day === undefined) {
    throw new RangeError(`expected a date as YYYY-MM-DD, got "${text}"`);
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) {
    throw new RangeError(`"${text}" is not a real calendar date`);
  }
  return { year, month, day };
}

/** "24/11/2026" in Italian, "24 November 2026" in English. */
export function formatDate(text: string, language: TemplateLanguage): string {
  const { year, month, day } = parseCalendarDay(text);
  if (language === "it") {
    return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
  }
  return `${day} ${ENGLISH_MONTHS[month - 1]} ${year}`;
}

/** "24 novembre 2026" in Italian (for the date line of a letter), "24 November 2026" in English. */
export function formatLongDate(text: string, language: TemplateLanguage): string {
  const { year, month, day } = parseCalendarDay(text);
  const months = language === "it" ? ITALIAN_MONTHS : ENGLISH_MONTHS;
  return `${day} ${months[month - 1]} ${year}`;
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const start = parseCalendarDay(from);
  const end = parseCalendarDay(to);
  const startMs = Date.UTC(start.year, start.month - 1, start.day);
  const endMs = Date.UTC(end.year, end.month - 1, end.day);
  return Math.round((endMs - startMs) / 86_400_000);
}

/**
 * "€ 1.234,56" / "-€ 1.234,56" in Italian, "€1,234.56" / "-€1,234.56" in English;
 * "CHF 1.234,56" / "CHF 1,234.56" for currencies without a well-known symbol.
 */
export function formatMoney(minor: bigint, currency: string, language: TemplateLanguage): string {
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, "0");
  const integerPart = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const [groupSeparator, decimalSeparator] = language === "it" ? [".", ","] : [",", "."];
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  const amount = fraction ? `${grouped}${decimalSeparator}${fraction}` : grouped;
  const sign = negative ? "-" : "";
  const symbol = CURRENCY_SYMBOLS[language][code];
  if (symbol === undefined) return `${sign}${code} ${amount}`;
  return language === "it" ? `${sign}${symbol} ${amount}` : `${sign}${symbol}${amount}`;
}

/** IBANs, RF references and pagoPA notice numbers are printed in groups of four, as banks print them. */
export function groupInFours(code: string): string {
  const compact = code.replace(/\s+/g, "").toUpperCase();
  return compact.replace(/(.{4})(?=.)/g, "$1 ");
}
