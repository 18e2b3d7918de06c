/**
 * The SEPA basic Latin character set that every bank must accept (EPC217-08), and
 * the conversions Saldo applies before text goes into a SEPA XML message.
 */

export const SEPA_MAX_ID_LENGTH = 35;
export const SEPA_MAX_NAME_LENGTH = 70;
export const SEPA_MAX_REMITTANCE_LENGTH = 140;

const SEPA_CHARACTERS = /^[A-Za-z0-9/?:().,'+ -]*$/;
const NOT_SEPA_CHARACTER = /[^A-Za-z0-9/?:().,'+ -]/g;

/** Letters that Unicode decomposition does not reduce to a base letter, and common look-alikes. */
const SPECIAL_TRANSLITERATIONS: Record<string, string> = {
  ß: "ss",
  Æ: "AE",
  æ: "ae",
  Œ: "OE",
  œ: "oe",
  Ø: "O",
  ø: "o",
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Þ: "TH",
  þ: "th",
  // Italian names are often typed with a typographic apostrophe (D’Angelo).
  "’": "'",
  "‘": "'",
  ʼ: "'",
  "`": "'",
  "´": "'",
  "–": "-",
  "—": "-",
  "‐": "-",
  // EPC217-08 maps the ampersand to "+" rather than dropping it.
  "&": "+",
};

/**
 * Text in the SEPA basic character set: accents dropped ("è" → "e"), "&" → "+",
 * anything else outside the set → ".", runs of white space collapsed, trimmed.
 */
export function toSepaText(text: string): string {
  const substituted = Array.from(text, (char) => SPECIAL_TRANSLITERATIONS[char] ?? char).join("");
  return substituted
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .replace(NOT_SEPA_CHARACTER, ".")
    .trim();
}

/** A name as SEPA messages carry it: transliterated and cut to 70 characters. */
export function toSepaName(name: string): string {
  return toSepaText(name).slice(0, SEPA_MAX_NAME_LENGTH).trimEnd();
}

/** Why a name would not identify anyone once transliterated, or null when it would. */
export function sepaNameProblem(name: string): string | null {
  if (name.trim() === "") return "is empty";
  if (!/[A-Za-z0-9]/.test(toSepaText(name))) return "has no Latin letters or digits";
  return null;
}

/**
 * Identifiers (message, end-to-end, mandate references) are not transliterated: they
 * are matched character by character later, so they must already be valid. EPC217-08
 * also forbids a leading or trailing "/" and "//" anywhere.
 */
export function sepaIdentifierProblem(id: string, maxLength = SEPA_MAX_ID_LENGTH): string | null {
  if (id === "") return "is empty";
  if (id.length > maxLength) return `is longer than ${maxLength} characters`;
  if (!SEPA_CHARACTERS.test(id)) {
    return "may contain only letters A-Z a-z, digits and / - ? : ( ) . , ' + and space";
  }
  if (id.startsWith(" ") || id.endsWith(" ")) return "must not start or end with a space";
  if (id.startsWith("/") || id.endsWith("/")) return 'must not start or end with "/"';
  if (id.includes("//")) return 'must not contain "//"';
  return null;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Minor units as the decimal amount ISO 20022 expects ("1234" → "12.34"), without floats. */
export function formatSepaAmount(minor: bigint): string {
  if (minor < 0n) throw new RangeError(`negative amount: ${minor}`);
  return `${minor / 100n}.${String(minor % 100n).padStart(2, "0")}`;
}

/** The inverse of formatSepaAmount, also accepting "12" and "12.3" as other writers produce them. */
export function parseSepaAmount(text: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal amount: ${text}`);
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}
