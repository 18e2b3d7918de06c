/**
 * Phone numbers to E.164 with libphonenumber-js. The "max" metadata is needed:
 * only it knows number types, and the type decides whether SMS can be sent.
 */
import {
  type CountryCode,
  isSupportedCountry,
  type NumberType,
  parsePhoneNumberFromString,
} from "libphonenumber-js/max";
import type { PhoneType } from "../records.js";
import type { Checked } from "./cell-checks.js";

export interface CheckedPhone {
  /** E.164, e.g. "+393471234567". */
  e164: string;
  phoneType: PhoneType;
}

/**
 * @param defaultCountry ISO alpha-2 used for numbers written without a prefix ("02 12345678").
 * @param fromMobileColumn the number sat in a "cellulare" column: a valid number there is
 *   taken as SMS-capable even when the metadata cannot tell (FIXED_LINE_OR_MOBILE, VOIP, ...).
 */
export function checkPhone(
  text: string,
  defaultCountry: string,
  fromMobileColumn: boolean,
): Checked<CheckedPhone> {
  const country: CountryCode = isSupportedCountry(defaultCountry) ? defaultCountry : "IT";
  const parsed = parsePhoneNumberFromString(text.trim(), country);
  if (!parsed?.isValid()) {
    const where = /^\s*(\+|00)/.test(text) ? "" : ` (read as a number of ${country})`;
    return { ok: false, reason: `not a valid phone number${where}` };
  }
  const phoneType = fromMobileColumn ? "mobile" : phoneTypeOf(parsed.getType());
  return { ok: true, value: { e164: parsed.number, phoneType } };
}

function phoneTypeOf(type: NumberType): PhoneType {
  if (type === "MOBILE") return "mobile";
  if (type === "FIXED_LINE") return "fixed";
  return "other";
}
