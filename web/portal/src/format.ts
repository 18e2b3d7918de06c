/**
 * Money and dates for people. Amounts arrive as strings of integer minor units and
 * never pass through a float; days ("YYYY-MM-DD") are formatted in UTC so they
 * cannot move to the day before or after in any time zone.
 */
import type { Language } from "./types";

export function localeOf(language: Language): string {
  return language === "en" ? "en-GB" : "it-IT";
}

/** How many minor-unit digits a currency has (2 for EUR, 0 for JPY). */
export function fractionDigits(currency: string): number {
  try {
    const options = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions();
    return options.maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "12345" with 2 digits is "123.45"; anything that is not an integer string is "0". */
export function minorToDecimal(minor: string, digits: number): string {
  const negative = minor.startsWith("-");
  const unsigned = negative ? minor.slice(1) : minor;
  if (!/^\d+$/.test(unsigned)) return "0";
  const sign = negative ? "-" : "";
  if (digits === 0) return sign + unsigned.replace(/^0+(?=\d)/, "");
  const padded = unsigned.padStart(digits + 1, "0");
  const whole = padded.slice(0, -digits).replace(/^0+(?=\d)/, "");
  return `${sign}${whole}.${padded.slice(-digits)}`;
}

export function formatMoney(minor: string, currency: string, language: Language): string {
  const decimal = minorToDecimal(minor, fractionDigits(currency)) as `${number}`;
  try {
    return new Intl.NumberFormat(localeOf(language), { style: "currency", currency }).format(
      decimal,
    );
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** The amount as a person would type it back: "123,45" in Italian, "123.45" in English. */
export function minorToInput(minor: string, currency: string, language: Language): string {
  const decimal = minorToDecimal(minor, fractionDigits(currency));
  return language === "it" ? decimal.replace(".", ",") : decimal;
}

/**
 * Parses what a person typed ("123,45", "123.45", "1.234,50", "€ 1,234.50", "50") into
 * minor units. The last separator is the decimal one unless exactly three digits follow
 * it (then it groups thousands). Returns "" for an empty field and null when unreadable.
 */
export function parseAmount(input: string, currency: string): string | null {
  const digits = fractionDigits(currency);
  const text = input.replace(/[\s\u00a0\u202f'€$£]/g, "").replace(/^[A-Za-z]{3}|[A-Za-z]{3}$/g, "");
  if (text === "") return "";
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  const last = Math.max(lastDot, lastComma);
  let whole = text;
  let fraction = "";
  if (last >= 0) {
    const separator = text.charAt(last);
    const after = text.slice(last + 1);
    const onlyOneKind = lastDot < 0 || lastComma < 0;
    const occurrences = text.split(separator).length - 1;
    const grouping = onlyOneKind && (occurrences > 1 || (after.length === 3 && digits < 3));
    if (!grouping) {
      whole = text.slice(0, last);
      fraction = after;
    }
  }
  const groups = whole.split(/[.,]/);
  if (groups.length > 1) {
    const [first, ...rest] = groups;
    if (!first || first.length > 3 || rest.some((group) => group.length !== 3)) return null;
  }
  if (!/^\d*$/.test(fraction) || fraction.length > digits) return null;
  const joined = groups.join("") + fraction.padEnd(digits, "0");
  if (!/^\d+$/.test(joined)) return null;
  return BigInt(joined).toString();
}

function dayToUtc(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-11-24" → "24 novembre 2026" / "24 November 2026", the same day everywhere. */
export function formatDay(day: string, language: Language, style: "long" | "medium" = "long") {
  const date = dayToUtc(day);
  if (!date) return day;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: style, timeZone: "UTC" }).format(
    date,
  );
}

function formatInstantWith(
  iso: string,
  language: Language,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(localeOf(language), options).format(date);
  }
}

/** An instant on the debtor's clock: "24 nov 2026, 09:30". */
export function formatInstant(iso: string, language: Language, timeZone?: string): string {
  return formatInstantWith(iso, language, timeZone, { dateStyle: "medium", timeStyle: "short" });
}

export function formatTime(iso: string, language: Language, timeZone?: string): string {
  return formatInstantWith(iso, language, timeZone, { timeStyle: "short" });
}

/** "IT60X0542811101000000123456" → "IT60 X054 2811 1010 0000 0123 456". */
export function groupBy4(value: string): string {
  return (value.replace(/\s+/g, "").match(/.{1,4}/g) ?? []).join(" ");
}

function toBigInt(minor: string): bigint {
  return /^-?\d+$/.test(minor) ? BigInt(minor) : 0n;
}

/** Compares two minor-unit strings: -1, 0 or 1. */
export function compareMinor(a: string, b: string): number {
  const difference = toBigInt(a) - toBigInt(b);
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
}
