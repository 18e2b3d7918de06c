/**
 * The demo portfolio: a pure function of a seed and a date. Invoices are dated
 * relative to `today`, so the same seed gives the same people on any day and a
 * book that always has invoices not yet due, just late and long overdue.
 */
import type { IntakeRecord } from "../../imports/domain/records.js";
import { parseIsoDay } from "./calendar.js";
import { createPerson, type PersonIdentity } from "./people.js";
import { SeededRandom } from "./random.js";
import { UniquenessRegistry } from "./registry.js";
import { buildTenantBook } from "./tenant-book.js";
import { SHARED_PEOPLE, TENANT_PROFILES } from "./tenant-profiles.js";
import { DEFAULT_DEMO_SIZE, DEMO_AGENCY, DEMO_TENANTS, type DemoTenantSlug } from "./tenants.js";

export interface DemoPortfolioOptions {
  seed: number;
  /** ISO date (YYYY-MM-DD) the aging is measured from. */
  today: string;
  /** Debtors per tenant slug; tenants left out are not generated. Defaults to DEFAULT_DEMO_SIZE. */
  debtorsPerTenant?: Readonly<Partial<Record<DemoTenantSlug, number>>>;
}

export interface DemoTenantPortfolio {
  tenantSlug: DemoTenantSlug;
  records: IntakeRecord[];
}

/** About 20 people owe both creditors: the product must see them as one identity. */
const SHARED_IDENTITIES = 20;

function sharedIdentityCount(sizes: readonly number[]): number {
  if (sizes.length < 2) return 0;
  return Math.min(SHARED_IDENTITIES, Math.floor(Math.min(...sizes) / 10));
}

/** Spreads the shared people over the book (not all first), never at a position they hold elsewhere. */
function placeSharedPeople(
  rng: SeededRandom,
  size: number,
  people: readonly PersonIdentity[],
  usedPositions: readonly Set<number>[],
): Map<number, PersonIdentity> {
  const free = rng.shuffle(Array.from({ length: size }, (_, i) => i));
  const placed = new Map<number, PersonIdentity>();
  people.forEach((person, i) => {
    const at = free.findIndex((position) => !usedPositions[i]!.has(position));
    const [position] = free.splice(at, 1);
    usedPositions[i]!.add(position!);
    placed.set(position!, person);
  });
  return placed;
}

export function generateDemoPortfolio(options: DemoPortfolioOptions): DemoTenantPortfolio[] {
  if (!Number.isSafeInteger(options.seed)) throw new RangeError("seed must be an integer");
  const today = parseIsoDay(options.today);
  const sizes = options.debtorsPerTenant ?? DEFAULT_DEMO_SIZE;
  for (const [slug, size] of Object.entries(sizes)) {
    if (!(slug in TENANT_PROFILES)) throw new RangeError(`unknown demo tenant: ${slug}`);
    if (!Number.isSafeInteger(size) || size! < 0)
      throw new RangeError(`bad size for ${slug}: ${size}`);
  }
  const tenants = DEMO_TENANTS.filter((tenant) => sizes[tenant.slug] !== undefined);

  const root = new SeededRandom(options.seed, "saldo-demo");
  const registry = new UniquenessRegistry();
  // The creditors' and the agency's own numbers are taken: no debtor may share them.
  for (const vat of [DEMO_AGENCY.vatNumber, ...DEMO_TENANTS.map((t) => t.vatNumber)]) {
    registry.claim("companyNumber", String(Number(vat.slice(0, 7))));
  }

  const sharedRng = root.stream("shared-identities");
  const sharedCount = sharedIdentityCount(tenants.map((tenant) => sizes[tenant.slug]!));
  const sharedPeople: PersonIdentity[] = Array.from({ length: sharedCount }, () =>
    createPerson(sharedRng, registry, today, SHARED_PEOPLE),
  );

  // Where each shared person already sits: their customer code must differ in every tenant.
  const usedPositions = sharedPeople.map(() => new Set<number>());
  return tenants.map((tenant) => {
    const size = sizes[tenant.slug]!;
    const rng = root.stream(`tenant:${tenant.slug}`);
    const shared = placeSharedPeople(rng, size, sharedPeople, usedPositions);
    const records = buildTenantBook(
      {
        profile: TENANT_PROFILES[tenant.slug],
        invoicePrefix: tenant.invoicePrefix,
        rng,
        registry,
        today,
      },
      size,
      shared,
    );
    return { tenantSlug: tenant.slug, records };
  });
}
