/**
 * Contact records with the consent and opt-out flags the contact policy reads.
 * The gaps are deliberate (no email, no phone, an opted-out SMS): fallback rules
 * and "which rule said no" need them to be exercised.
 */
import type {
  ConsentStatus,
  ContactChannel,
  ContactRecord,
  PostalAddress,
} from "../../imports/domain/records.js";
import { renderAddress } from "./addresses.js";
import type { SeededRandom } from "./random.js";

/** Everything a creditor knows about how to reach one debtor. */
export interface ContactPoints {
  mobile?: string;
  landline?: string;
  email?: string;
  pec?: string;
  address?: PostalAddress;
}

/** An opted-out channel is "denied"; otherwise most debtors agreed when they signed the contract. */
function consentFor(rng: SeededRandom, optedOut: boolean): ConsentStatus {
  if (optedOut) return "denied";
  return rng.chance(0.7) ? "granted" : "unknown";
}

export function contactRecords(
  rng: SeededRandom,
  debtorExternalId: string,
  points: ContactPoints,
): ContactRecord[] {
  const records: ContactRecord[] = [];
  const base = { debtorExternalId, source: "import" } as const;

  if (points.mobile) {
    const optOut: ContactChannel[] = [];
    if (rng.chance(0.02)) optOut.push("sms");
    if (rng.chance(0.01)) optOut.push("call");
    records.push({
      ...base,
      kind: "phone",
      value: points.mobile,
      phoneType: "mobile",
      verified: rng.chance(0.45),
      consent: {
        sms: consentFor(rng, optOut.includes("sms")),
        call: consentFor(rng, optOut.includes("call")),
      },
      ...(optOut.length > 0 ? { optOut } : {}),
    });
  }
  if (points.landline) {
    const optedOut = rng.chance(0.01);
    records.push({
      ...base,
      kind: "phone",
      value: points.landline,
      phoneType: "fixed",
      verified: rng.chance(0.4),
      consent: { call: consentFor(rng, optedOut) },
      ...(optedOut ? { optOut: ["call"] satisfies ContactChannel[] } : {}),
    });
  }
  if (points.email) {
    const optedOut = rng.chance(0.015);
    records.push({
      ...base,
      kind: "email",
      value: points.email,
      verified: rng.chance(0.4),
      consent: { email: consentFor(rng, optedOut) },
      ...(optedOut ? { optOut: ["email"] satisfies ContactChannel[] } : {}),
    });
  }
  if (points.pec) {
    // PEC addresses come from the public INI-PEC registry: verified, and no consent is needed.
    records.push({ ...base, kind: "pec", value: points.pec, verified: true });
  }
  if (points.address) {
    records.push({
      ...base,
      kind: "postal",
      value: renderAddress(points.address),
      address: points.address,
      verified: rng.chance(0.7),
    });
  }
  return records;
}
