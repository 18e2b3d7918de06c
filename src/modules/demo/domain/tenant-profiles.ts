/**
 * How each demo creditor's book differs: who its debtors are, where they live,
 * how late they pay, and how it bills. The generator code is shared; these
 * numbers are what makes one book look like a utility and the other like a wholesaler.
 */
import type { AgingBucket } from "./aging.js";
import type { Trade } from "./companies.js";
import type { InvoiceDraft } from "./invoice-drafts.js";
import type { PersonOptions } from "./people.js";
import type { Region } from "./places.js";
import type { SeededRandom, Weighted } from "./random.js";
import { supplierInvoices } from "./supplier-invoices.js";
import type { DemoTenantSlug } from "./tenants.js";
import { utilityBills } from "./utility-bills.js";

export type DebtorShape =
  | { kind: "person"; segment: string; soleTrader: boolean; people: PersonOptions }
  | { kind: "company"; segment: string; trade: Trade; large: boolean; regions: Weighted<Region> };

export interface TenantProfile {
  slug: DemoTenantSlug;
  /** How late the oldest open invoice of a debtor is: most are not due yet or 1–30 days late. */
  buckets: Weighted<AgingBucket>;
  creditNoteChance: number;
  pickShape(rng: SeededRandom): DebtorShape;
  /** The role in this tenant of a person who is a debtor of both tenants. */
  sharedShape: DebtorShape & { kind: "person" };
  invoices(
    rng: SeededRandom,
    debtorExternalId: string,
    segment: string,
    today: number,
    bucket: AgingBucket,
  ): InvoiceDraft[];
}

const LOMBARDY: Weighted<Region> = [
  ["lombardia", 96],
  ["veneto", 2],
  ["north", 2],
];
const NORTH_EAST: Weighted<Region> = [
  ["veneto", 65],
  ["lombardia", 15],
  ["north", 20],
];

/** People who are debtors of both tenants: Lombard households that also run a trade. */
export const SHARED_PEOPLE: PersonOptions = {
  residenceRegions: [["lombardia", 1]],
  minAge: 28,
  maxAge: 65,
  allowAbroad: false,
};

const HOUSEHOLDS: PersonOptions = {
  residenceRegions: LOMBARDY,
  minAge: 20,
  maxAge: 90,
  allowAbroad: true,
};
const LOMBARD_TRADERS: PersonOptions = {
  residenceRegions: LOMBARDY,
  minAge: 25,
  maxAge: 70,
  allowAbroad: false,
};
const NORTH_EAST_TRADERS: PersonOptions = {
  residenceRegions: NORTH_EAST,
  minAge: 25,
  maxAge: 68,
  allowAbroad: false,
};

const utility: TenantProfile = {
  slug: "utility",
  buckets: [
    ["not_due", 36],
    ["dpd_1_30", 30],
    ["dpd_31_60", 14],
    ["dpd_61_90", 8],
    ["dpd_over_90", 12],
  ],
  creditNoteChance: 0.03,
  pickShape(rng) {
    const r = rng.next();
    if (r < 0.86)
      return { kind: "person", segment: "residential", soleTrader: false, people: HOUSEHOLDS };
    if (r < 0.93)
      return {
        kind: "person",
        segment: "small_business",
        soleTrader: true,
        people: LOMBARD_TRADERS,
      };
    return {
      kind: "company",
      segment: "small_business",
      trade: "shop",
      large: false,
      regions: LOMBARDY,
    };
  },
  sharedShape: { kind: "person", segment: "residential", soleTrader: false, people: SHARED_PEOPLE },
  invoices: (rng, id, segment, today, bucket) =>
    utilityBills(
      rng,
      id,
      segment === "residential" ? "residential" : "small_business",
      today,
      bucket,
    ),
};

const b2b: TenantProfile = {
  slug: "b2b",
  buckets: [
    ["not_due", 32],
    ["dpd_1_30", 28],
    ["dpd_31_60", 17],
    ["dpd_61_90", 10],
    ["dpd_over_90", 13],
  ],
  creditNoteChance: 0.06,
  pickShape(rng) {
    const r = rng.next();
    if (r < 0.18)
      return {
        kind: "person",
        segment: "sole_trader",
        soleTrader: true,
        people: NORTH_EAST_TRADERS,
      };
    if (r < 0.28)
      return {
        kind: "company",
        segment: "key_account",
        trade: "building",
        large: true,
        regions: NORTH_EAST,
      };
    return {
      kind: "company",
      segment: "sme",
      trade: "building",
      large: false,
      regions: NORTH_EAST,
    };
  },
  sharedShape: { kind: "person", segment: "sole_trader", soleTrader: true, people: SHARED_PEOPLE },
  invoices: (rng, id, segment, today, bucket) =>
    supplierInvoices(
      rng,
      id,
      segment === "key_account" || segment === "sme" ? segment : "sole_trader",
      today,
      bucket,
    ),
};

export const TENANT_PROFILES: Readonly<Record<DemoTenantSlug, TenantProfile>> = { utility, b2b };
