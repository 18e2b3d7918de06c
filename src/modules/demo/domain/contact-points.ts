/**
 * Phone numbers and email addresses that pass real validation (libphonenumber,
 * an email syntax check) but reach nobody: emails only on the reserved example
 * domains, phones random within real numbering plans, never reused.
 */
import type { SeededRandom, Weighted } from "./random.js";
import type { UniquenessRegistry } from "./registry.js";

/** Mobile prefixes of the Italian operators (WindTre 32x, TIM 33x, Vodafone 34x, Iliad 35x). */
const MOBILE_PREFIXES: Weighted<number> = [
  ...[320, 324, 327, 328, 329].map((p) => [p, 3] as const),
  ...[321, 322, 323, 325, 326].map((p) => [p, 1] as const),
  ...[330, 331, 333, 334, 335, 338, 339].map((p) => [p, 4] as const),
  ...[332, 336, 337].map((p) => [p, 1] as const),
  ...[340, 342, 345, 346, 347, 348, 349].map((p) => [p, 4] as const),
  ...[341, 343, 344].map((p) => [p, 1] as const),
  [350, 1],
  [351, 3],
];

/** UK mobile blocks (07xxx); 07700 900xxx is Ofcom's drama range and not a valid number. */
const UK_MOBILE_PREFIXES = ["7400", "7451", "7507", "7723", "7812", "7835", "7787", "7958", "7971"];

export const EMAIL_DOMAINS: Weighted<string> = [
  ["example.it", 6],
  ["example.com", 3],
  ["example.org", 1],
];

export const PEC_DOMAIN = "pec.example.it";

export function italianMobile(rng: SeededRandom, registry: UniquenessRegistry): string {
  return claimPhone(registry, () => `+39${rng.weighted(MOBILE_PREFIXES)}${rng.digits(7, true)}`);
}

/**
 * A fixed line in the debtor's district: national numbers are 10 digits long, so the
 * subscriber part is what the area code leaves ("02" + 8 digits, "0331" + 6).
 */
export function italianLandline(
  rng: SeededRandom,
  registry: UniquenessRegistry,
  areaCode: string,
): string {
  const subscriberLength = 10 - areaCode.length;
  return claimPhone(
    registry,
    () => `+39${areaCode}${rng.int(2, 9)}${rng.digits(subscriberLength - 1)}`,
  );
}

export function ukMobile(rng: SeededRandom, registry: UniquenessRegistry): string {
  return claimPhone(registry, () => `+44${rng.pick(UK_MOBILE_PREFIXES)}${rng.digits(6)}`);
}

function claimPhone(registry: UniquenessRegistry, make: () => string): string {
  const phone = registry.claimFirst("phone", make, 100);
  if (!phone) throw new Error("demo generator ran out of phone numbers");
  return phone;
}

/** Lower-case ASCII letters and digits only: "D'Angelo" → "dangelo", "Nicolò" → "nicolo". */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** The address shapes people choose: mario.rossi, m.rossi, rossi.mario, mariorossi80… */
export function personalEmail(
  rng: SeededRandom,
  registry: UniquenessRegistry,
  firstName: string,
  lastName: string,
  birthYear: number,
): string {
  const first = asciiSlug(firstName);
  const last = asciiSlug(lastName);
  const yy = String(birthYear % 100).padStart(2, "0");
  const shapes = [
    `${first}.${last}`,
    `${first[0]}.${last}`,
    `${last}.${first}`,
    `${first}${last}${yy}`,
    `${first}_${last}`,
    `${first}.${last}${birthYear}`,
  ];
  const domain = rng.weighted(EMAIL_DOMAINS);
  const preferred = rng.int(0, shapes.length - 1);
  const email = registry.claimFirst("email", (attempt) => {
    const shape = shapes[(preferred + attempt) % shapes.length]!;
    // After every shape is taken, namesakes get a number, as mail providers suggest.
    const suffix = attempt < shapes.length ? "" : String(attempt);
    return `${shape}${suffix}@${domain}`;
  });
  if (!email) throw new Error("demo generator ran out of email addresses");
  return email;
}

/** A company's shared mailbox: amministrazione.rossiimpianti@example.it. */
export function businessEmail(
  rng: SeededRandom,
  registry: UniquenessRegistry,
  companyKey: string,
): string {
  const mailbox = rng.pick(["amministrazione", "info", "contabilita", "ufficio"]);
  const domain = rng.weighted(EMAIL_DOMAINS);
  const email = registry.claimFirst(
    "email",
    (attempt) => `${mailbox}.${companyKey}${attempt === 0 ? "" : attempt + 1}@${domain}`,
  );
  if (!email) throw new Error("demo generator ran out of email addresses");
  return email;
}

/** Certified email (PEC): companies must have one; sole traders mostly do. */
export function pecAddress(registry: UniquenessRegistry, localPart: string): string {
  const pec = registry.claimFirst(
    "email",
    (attempt) => `${localPart}${attempt === 0 ? "" : attempt + 1}@${PEC_DOMAIN}`,
  );
  if (!pec) throw new Error("demo generator ran out of PEC addresses");
  return pec;
}
