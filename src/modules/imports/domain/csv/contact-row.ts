/**
 * Builds the ContactRecords of a row: one per email, PEC, phone and mobile cell
 * (a cell may list several, "a@x.it; b@y.it"), one postal address, and one for a
 * contacts file's contact_type + contact_value pair. A bad contact is rejected alone.
 */
import type { ContactChannel, ContactKind, ContactRecord } from "../records.js";
import { checkEmail } from "./cell-checks.js";
import type { CanonicalField } from "./fields.js";
import { checkPhone } from "./phone-numbers.js";
import { buildPostal, parseOneLineAddress } from "./postal-address.js";
import type { FieldError, RowSettings, RowValues } from "./row-values.js";
import {
  type ContactTypeWord,
  parseContactType,
  parseCountry,
  parseOptOut,
} from "./value-vocabularies.js";

/** The opt-out channels that concern each kind of contact. */
const CHANNELS_OF: Record<ContactKind, readonly ContactChannel[]> = {
  phone: ["sms", "call", "voice"],
  email: ["email"],
  pec: ["pec"],
  postal: ["letter"],
};

type Draft = Omit<ContactRecord, "debtorExternalId" | "source" | "optOut">;

export function buildContacts(
  debtorId: string,
  v: RowValues,
  settings: RowSettings,
  errors: FieldError[],
  corrupt?: ReadonlySet<CanonicalField>,
): ContactRecord[] {
  const drafts: Draft[] = [];
  const usable = (field: CanonicalField) => v[field] !== undefined && !corrupt?.has(field);

  let country = settings.country;
  let countryOk = true;
  if (v.country !== undefined) {
    const parsed = parseCountry(v.country);
    if (parsed) country = parsed;
    else {
      countryOk = false;
      errors.push({
        field: "country",
        value: v.country,
        reason: "not a valid country: expected an ISO code such as IT",
      });
    }
  }

  for (const field of ["email", "pec"] as const) {
    if (!usable(field)) continue;
    for (const part of splitList(v[field]!, /[;,\s]+/)) {
      const checked = checkEmail(part);
      if (checked.ok) drafts.push({ kind: field, value: checked.value });
      else errors.push({ field, value: part, reason: checked.reason });
    }
  }

  for (const field of ["phone", "mobile"] as const) {
    if (!usable(field)) continue;
    for (const part of splitList(v[field]!, /[;,]|\s+\/\s+/)) {
      const checked = checkPhone(part, country, field === "mobile");
      if (checked.ok) {
        drafts.push({
          kind: "phone",
          value: checked.value.e164,
          phoneType: checked.value.phoneType,
        });
      } else errors.push({ field, value: part, reason: checked.reason });
    }
  }

  const postalFields = [
    "address",
    "address2",
    "postal_code",
    "city",
    "province",
    "country",
  ] as const;
  if (v.address !== undefined && countryOk && !postalFields.some((f) => corrupt?.has(f))) {
    const postal = buildPostal(v, country, errors);
    if (postal) drafts.push({ kind: "postal", value: postal.value, address: postal.address });
  }

  if (v.contact_value !== undefined || v.contact_type !== undefined) {
    const contactFields = ["contact_type", "contact_value"] as const;
    if (!contactFields.some((f) => corrupt?.has(f))) {
      const draft = buildTypedContact(v, country, errors);
      if (draft) drafts.push(draft);
    }
  }

  let optOut: ContactChannel[] | undefined;
  if (v.contact_opt_out !== undefined) {
    optOut = corrupt?.has("contact_opt_out") ? undefined : parseOptOut(v.contact_opt_out);
    if (optOut === undefined) {
      if (!corrupt?.has("contact_opt_out")) {
        errors.push({
          field: "contact_opt_out",
          value: v.contact_opt_out,
          reason: "not a known opt-out: expected channels such as sms;email, or tutti/all, or no",
        });
      }
      // Unsure whether the debtor opted out: importing the contacts could contact them unlawfully.
      return [];
    }
  }

  return drafts.map((draft) => {
    const record: ContactRecord = { debtorExternalId: debtorId, ...draft, source: "import" };
    const channels = optOut?.filter((c) => CHANNELS_OF[draft.kind].includes(c));
    if (channels && channels.length > 0) record.optOut = channels;
    return record;
  });
}

/** A contacts file row: contact_value read as contact_type says, or guessed from its shape. */
function buildTypedContact(v: RowValues, country: string, errors: FieldError[]): Draft | undefined {
  const value = v.contact_value;
  if (value === undefined) {
    errors.push({
      field: "contact_value",
      reason: "contact_value is required when contact_type is given",
    });
    return undefined;
  }
  let type: ContactTypeWord | undefined;
  if (v.contact_type !== undefined) {
    type = parseContactType(v.contact_type);
    if (type === undefined) {
      errors.push({
        field: "contact_type",
        value: v.contact_type,
        reason: "not a known contact type: expected email, pec, telefono, cellulare or indirizzo",
      });
      return undefined;
    }
  } else {
    type = value.includes("@") ? "email" : /^[\d\s+()./-]+$/.test(value) ? "phone" : undefined;
    if (type === undefined) {
      errors.push({
        field: "contact_type",
        reason: "contact_type is required when contact_value is not an email or a phone number",
      });
      return undefined;
    }
  }
  if (type === "email" || type === "pec") {
    const checked = checkEmail(value);
    if (checked.ok) return { kind: type, value: checked.value };
    errors.push({ field: "contact_value", value, reason: checked.reason });
    return undefined;
  }
  if (type === "phone" || type === "mobile") {
    const checked = checkPhone(value, country, type === "mobile");
    if (checked.ok)
      return { kind: "phone", value: checked.value.e164, phoneType: checked.value.phoneType };
    errors.push({ field: "contact_value", value, reason: checked.reason });
    return undefined;
  }
  const address = parseOneLineAddress(value, country);
  if (address) return { kind: "postal", value: address.value, address: address.address };
  errors.push({
    field: "contact_value",
    value,
    reason: "not a postal address Saldo can read: write it like Via Roma 1, 20121 Milano (MI)",
  });
  return undefined;
}

function splitList(text: string, separator: RegExp): string[] {
  return text.split(separator).filter((part) => part.trim() !== "");
}
