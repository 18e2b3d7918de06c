/**
 * Money, days and instants for people. Amounts arrive as integer minor units and are
 * turned into a decimal string by digits, never by float arithmetic; Intl formats
 * that string. Days ("YYYY-MM-DD") are formatted in UTC so they never shift.
 */
import type { Language } from "./i18n/language";

export function localeOf(language: Language): string {
  return language === "en" ? "en-GB" : "it-IT";
}

/** How many minor-unit digits a currency has (2 for EUR, 0 for JPY). */
export function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** 12345 with 2 digits is "123.45". */
export function minorToDecimal(minor: number | bigint, digits: number): string {
  const text = BigInt(minor).toString();
  const negative = text.startsWith("-");
  const unsigned = negative ? text.slice(1) : text;
  const sign = negative ? "-" : "";
  if (digits === 0) return sign + unsigned;
  const padded = unsigned.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

export function formatMoney(minor: number, currency: string, language: Language): string {
  const decimal = minorToDecimal(minor, fractionDigits(currency));
  try {
    return new Intl.NumberFormat(localeOf(language), { style: "currency", currency }).format(
      decimal as `${number}`,
    );
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** The amount as a person types it back: "123,45" in Italian, "123.45" in English. */
export function minorToInput(minor: number, currency: string, language: Language): string {
  const decimal = minorToDecimal(minor, fractionDigits(currency));
  return language === "it" ? decimal.replace(".", ",") : decimal;
}

/**
 * What a person typed ("123,45", "1.234,50", "1,234.50", "50") in minor units; null
 * when unreadable. The last separator is the decimal one unless exactly three digits
 * follow it (then it groups thousands).
 */
export function parseAmount(input: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const text = input.replace(/[\s\u00a0\u202f'€$£]/g, "");
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const last = Math.max(text.lastIndexOf(","), text.lastIndexOf("."));
  let whole = text;
  let fraction = "";
  if (last >= 0 && text.length - last - 1 !== 3) {
    whole = text.slice(0, last);
    fraction = text.slice(last + 1);
  }
  whole = whole.replace(/[.,]/g, "");
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || fraction.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || 0);
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}

/** A day such as "2026-11-24" in words, without moving it across time zones. */
export function formatDay(day: string, language: Language): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: "medium",
    timeZone: "UTC",
  }).format(date);
}

/** An instant in the browser's time zone (or the one given). */
export function formatInstant(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: "short",
    timeStyle: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

export function formatTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { timeStyle: "short" }).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** A <input type="datetime-local"> value ("2026-11-25T15:30", the browser's zone) as ISO UTC. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Today in the browser's zone, "YYYY-MM-DD", or that many days later. */
export function localDay(offsetDays = 0, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Midnight of a day ("YYYY-MM-DD") plus some days, in the browser's zone, as ISO UTC. */
export function dayStartIso(day: string, plusDays: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}
