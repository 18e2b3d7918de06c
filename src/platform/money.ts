/** Money is integer minor units (bigint) plus an ISO 4217 currency; never floats. */
export interface Money {
  readonly minor: bigint;
  readonly currency: string;
}

/** Minor-unit exponent per currency; EUR-like 2 unless listed. */
const EXPONENTS: Record<string, number> = { JPY: 0, KRW: 0, HUF: 2, BHD: 3, KWD: 3, TND: 3 };

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

export type DecimalStyle = "auto" | "comma" | "dot";

/**
 * Parses an amount as people and spreadsheets write it ("1.234,56", "1234.56",
 * "€ 1 234,5", "-12,00") into minor units. Returns null when the text is not an
 * amount or has more decimals than the currency allows (we never round money).
 */
export function parseAmount(
  text: string,
  exponent = 2,
  style: DecimalStyle = "auto",
): bigint | null {
  let s = text.trim().replace(/[€$£\s\u00a0\u202f]/g, "");
  if (s === "") return null;
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (s.endsWith("-")) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  const decimalSep = style === "comma" ? "," : style === "dot" ? "." : guessDecimalSeparator(s);
  const groupSep = decimalSep === "," ? "." : ",";
  const [intPart = "", fracPart = "", ...rest] = s.split(decimalSep);
  if (rest.length > 0) return null;
  if (!/^\d{1,3}([.,'’]?\d{3})*$|^\d+$/.test(intPart) && intPart !== "") return null;
  const digits = intPart.split(groupSep).join("").replace(/['’]/g, "");
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fracPart)) return null;
  if (digits === "" && fracPart === "") return null;
  if (fracPart.length > exponent) {
    // Trailing zeros beyond the exponent are harmless ("12.500" of a 2-decimal currency).
    if (!/^0*$/.test(fracPart.slice(exponent))) return null;
  }
  const frac = fracPart.slice(0, exponent).padEnd(exponent, "0");
  const minor = BigInt((digits || "0") + frac);
  return negative ? -minor : minor;
}

/** "1.234,56" → ","; "1,234.56" → "."; "1234,5" → ","; "1.234" is ambiguous: Italian thousands. */
function guessDecimalSeparator(s: string): "," | "." {
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? "," : ".";
  if (lastComma >= 0) return s.indexOf(",") === lastComma ? "," : ".";
  if (lastDot >= 0) {
    const afterDot = s.length - lastDot - 1;
    const several = s.indexOf(".") !== lastDot;
    // "1.234" or "1.234.567": thousands dots, as Italian spreadsheets write them.
    if (several || afterDot === 3) return ",";
    return ".";
  }
  return ",";
}

/** Formats minor units as a plain decimal string ("1234.56"), for APIs and CSV reports. */
export function formatDecimal(minor: bigint, exponent = 2): string {
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(exponent + 1, "0");
  const intPart = abs.slice(0, abs.length - exponent);
  const frac = exponent > 0 ? `.${abs.slice(abs.length - exponent)}` : "";
  return `${negative ? "-" : ""}${intPart}${frac}`;
}

/** Minor units as a JSON number: exact up to 2^53, far beyond any receivable. */
export function minorToJson(minor: bigint): number {
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount ${minor} is too large to send as a JSON number`);
  }
  return Number(minor);
}
