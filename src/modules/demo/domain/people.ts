/**
 * Natural persons: name, gender, birth, a correct codice fiscale, where they live
 * and which phones and mailbox they have. The same identity can be a debtor of
 * several tenants; what each tenant knows about it is decided in contacts.ts.
 */
import type { PostalAddress } from "../../imports/domain/records.js";
import { homeAddress, ukAddress } from "./addresses.js";
import { dayFromParts, dayParts, daysInMonth, formatIsoDay } from "./calendar.js";
import { italianLandline, italianMobile, personalEmail, ukMobile } from "./contact-points.js";
import {
  ENGLISH_FEMALE_NAMES,
  ENGLISH_MALE_NAMES,
  ENGLISH_SURNAMES,
  ITALIAN_FEMALE_NAMES,
  ITALIAN_MALE_NAMES,
  ITALIAN_SURNAMES,
} from "./names.js";
import { FOREIGN_BIRTH_COUNTRIES, type Place, pickPlace, type Region } from "./places.js";
import type { SeededRandom, Weighted } from "./random.js";
import type { UniquenessRegistry } from "./registry.js";
import { type Gender, omocodiaVariant, personalTaxCode } from "./tax-codes.js";

export interface PersonIdentity {
  firstName: string;
  lastName: string;
  gender: Gender;
  /** ISO date */
  birthDate: string;
  birthplace: string;
  taxCode: string;
  language: "it" | "en";
  timeZone: string;
  residence: PostalAddress;
  /** Where they live, when in Italy: it gives the fixed line's area code and the office code of a P.IVA. */
  residencePlace?: Place;
  mobile?: string;
  landline?: string;
  email?: string;
}

export interface PersonOptions {
  residenceRegions: Weighted<Region>;
  minAge: number;
  maxAge: number;
  /** Sole traders and shared identities live in Italy; only households may have moved abroad. */
  allowAbroad: boolean;
}

/** Where people are born, seen from a northern portfolio: many locally, many from the south. */
const BIRTH_REGIONS: Weighted<Region> = [
  ["lombardia", 30],
  ["veneto", 20],
  ["north", 15],
  ["centre_south", 35],
];

type Origin = "italian" | "english_resident" | "abroad_english" | "abroad_italian";

/** ~3.5% English speakers living in Italy, ~1.6% living in the UK: they exercise language and time-zone rules. */
const ORIGINS: Weighted<Origin> = [
  ["italian", 949],
  ["english_resident", 35],
  ["abroad_english", 8],
  ["abroad_italian", 8],
];
const DOMESTIC_ORIGINS = ORIGINS.filter(([origin]) => !origin.startsWith("abroad"));

export function createPerson(
  rng: SeededRandom,
  registry: UniquenessRegistry,
  today: number,
  options: PersonOptions,
): PersonIdentity {
  const origin = rng.weighted(options.allowAbroad ? ORIGINS : DOMESTIC_ORIGINS);
  const english = origin === "english_resident" || origin === "abroad_english";
  const abroad = origin === "abroad_english" || origin === "abroad_italian";

  const gender: Gender = rng.chance(0.5) ? "F" : "M";
  const firstName = english
    ? rng.pick(gender === "F" ? ENGLISH_FEMALE_NAMES : ENGLISH_MALE_NAMES)
    : rng.pick(gender === "F" ? ITALIAN_FEMALE_NAMES : ITALIAN_MALE_NAMES);
  const lastName = english ? rng.pick(ENGLISH_SURNAMES) : rng.pick(ITALIAN_SURNAMES);

  // Ages skew to the middle: two draws averaged.
  const age = Math.round(
    (rng.int(options.minAge, options.maxAge) + rng.int(options.minAge, options.maxAge)) / 2,
  );
  const birthYear = dayParts(today).year - age - 1;
  const birthMonth = rng.int(1, 12);
  const birthDay = rng.int(1, daysInMonth(birthYear, birthMonth));

  const residencePlace = abroad ? undefined : pickPlace(rng, options.residenceRegions);
  const birth = english
    ? rng.pick(FOREIGN_BIRTH_COUNTRIES)
    : residencePlace && rng.chance(0.6)
      ? residencePlace
      : pickPlace(rng, BIRTH_REGIONS);

  const plainCode = personalTaxCode({
    firstName,
    lastName,
    gender,
    birthYear,
    birthMonth,
    birthDay,
    birthplaceCode: birth.cadastralCode,
  });
  // A few codes come out omocodic, as if a namesake born the same day held the plain one.
  const startLevel = rng.chance(0.004) ? 1 : 0;
  const taxCode = registry.claimFirst(
    "taxCode",
    (level) =>
      level + startLevel === 0 ? plainCode : omocodiaVariant(plainCode, level + startLevel),
    8,
  );
  if (!taxCode) throw new Error("demo generator could not give a unique codice fiscale");

  const person: PersonIdentity = {
    firstName,
    lastName,
    gender,
    birthDate: formatIsoDay(dayFromParts(birthYear, birthMonth, birthDay)),
    birthplace: birth.name,
    taxCode,
    language: english ? "en" : "it",
    timeZone: abroad ? "Europe/London" : "Europe/Rome",
    residence: residencePlace ? homeAddress(rng, residencePlace) : ukAddress(rng),
    ...(residencePlace ? { residencePlace } : {}),
  };

  if (abroad) {
    if (rng.chance(0.9)) person.mobile = ukMobile(rng, registry);
  } else {
    // Older people more often keep only the fixed line; a few leave no phone at all.
    const phones = rng.weighted<"none" | "mobile" | "both" | "landline">(
      age >= 75
        ? [
            ["none", 5],
            ["mobile", 35],
            ["both", 30],
            ["landline", 30],
          ]
        : [
            ["none", 4],
            ["mobile", 78],
            ["both", 14],
            ["landline", 4],
          ],
    );
    if (phones === "mobile" || phones === "both") person.mobile = italianMobile(rng, registry);
    if (phones === "landline" || phones === "both") {
      person.landline = italianLandline(rng, registry, residencePlace!.areaCode);
    }
  }
  if (rng.chance(age >= 65 ? 0.45 : 0.75)) {
    person.email = personalEmail(rng, registry, firstName, lastName, birthYear);
  }
  return person;
}

export function personDisplayName(person: PersonIdentity): string {
  return `${person.firstName} ${person.lastName}`;
}
