/** Postal addresses from address columns, or from one line in a contacts file. */
import type { PostalAddress } from "../records.js";
import type { FieldError, RowValues } from "./row-values.js";

export interface CheckedPostal {
  address: PostalAddress;
  /** One line, as letters are addressed in Italy: "Via Roma 1, 20121 Milano (MI)". */
  value: string;
}

const REQUIRED_REASON = "a postal address needs address, postal_code and city";

/** From the address columns; only called when the address cell is not empty. */
export function buildPostal(
  v: RowValues,
  country: string,
  errors: FieldError[],
): CheckedPostal | undefined {
  const errorsBefore = errors.length;
  if (v.postal_code === undefined) errors.push({ field: "postal_code", reason: REQUIRED_REASON });
  if (v.city === undefined) errors.push({ field: "city", reason: REQUIRED_REASON });
  let postalCode: string | undefined;
  if (v.postal_code !== undefined) {
    postalCode = normalizePostalCode(v.postal_code, country);
    if (postalCode === undefined) {
      errors.push({
        field: "postal_code",
        value: v.postal_code,
        reason: "not a valid Italian postal code (CAP): expected 5 digits",
      });
    }
  }
  if (errors.length > errorsBefore || postalCode === undefined || v.city === undefined) {
    return undefined;
  }
  // A quoted multi-line address cell: the first line is the street, the rest complements it.
  const lines = (v.address ?? "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const line2 = [...lines.slice(1), ...(v.address2 ? [v.address2] : [])].join(", ");
  return postalOf({
    line1: lines[0] ?? "",
    line2,
    postalCode,
    city: v.city,
    province: v.province,
    country,
  });
}

const ONE_LINE =
  /^(.+?),\s*(\d{4,5})\s+([^,(]+?)\s*(?:\(([A-Za-z]{2})\))?\s*(?:,\s*([A-Za-z]{2}))?$/;

/** "Via Roma 1, 20121 Milano (MI)" or "Via Roma 1, Scala B, 20121 Milano (MI), IT"; else undefined. */
export function parseOneLineAddress(
  text: string,
  defaultCountry: string,
): CheckedPostal | undefined {
  const match = ONE_LINE.exec(text.replace(/\s+/g, " ").trim());
  if (!match) return undefined;
  const [, street = "", code = "", city = "", province, country] = match;
  const countryCode = country?.toUpperCase() ?? defaultCountry;
  const postalCode = normalizePostalCode(code, countryCode);
  if (postalCode === undefined) return undefined;
  const [line1 = "", ...rest] = street.split(",").map((part) => part.trim());
  return postalOf({
    line1,
    line2: rest.join(", "),
    postalCode,
    city,
    province,
    country: countryCode,
  });
}

function postalOf(parts: {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  province: string | undefined;
  country: string;
}): CheckedPostal {
  const address: PostalAddress = {
    line1: parts.line1,
    postalCode: parts.postalCode,
    city: parts.city,
    country: parts.country,
  };
  if (parts.line2 !== "") address.line2 = parts.line2;
  const province = parts.province?.trim();
  if (province) address.province = /^[a-z]{2}$/i.test(province) ? province.toUpperCase() : province;
  const value = [
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}${address.province ? ` (${address.province})` : ""}`,
    address.country === "IT" ? undefined : address.country,
  ]
    .filter((part) => part !== undefined)
    .join(", ");
  return { address, value };
}

/** Italian CAPs are 5 digits; Excel drops leading zeros ("00184" → "184"), so pad them back. */
function normalizePostalCode(text: string, country: string): string | undefined {
  const code = text.trim();
  if (country !== "IT") return code;
  if (/^\d{5}$/.test(code)) return code;
  if (/^\d{3,4}$/.test(code)) return code.padStart(5, "0");
  return undefined;
}
