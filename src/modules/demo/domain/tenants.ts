/** The demo creditors (tenants) and the collection agency that works for them. */

export type DemoTenantSlug = "utility" | "b2b";

export interface DemoTenant {
  slug: DemoTenantSlug;
  name: string;
  legalName: string;
  /** Partita IVA, 11 digits with a valid check digit; also the company's codice fiscale. */
  vatNumber: string;
  currency: "EUR";
  locale: "it-IT";
  timeZone: "Europe/Rome";
  country: "IT";
  description: string;
  /** Prefix of invoice external ids, e.g. "ALL" in "ALL-2026-000123". */
  invoicePrefix: string;
}

export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    slug: "utility",
    name: "Acqua & Luce Lombarda",
    legalName: "Acqua & Luce Lombarda S.p.A.",
    vatNumber: "08734150157",
    currency: "EUR",
    locale: "it-IT",
    timeZone: "Europe/Rome",
    country: "IT",
    description:
      "Multi-utility (water, power, gas) in Lombardy: mostly households, some small businesses.",
    invoicePrefix: "ALL",
  },
  {
    slug: "b2b",
    name: "Ferramenta Industriale Veneta",
    legalName: "Ferramenta Industriale Veneta S.r.l.",
    vatNumber: "03452190246",
    currency: "EUR",
    locale: "it-IT",
    timeZone: "Europe/Rome",
    country: "IT",
    description: "Hardware and building-supply wholesaler: installers, builders and workshops.",
    invoicePrefix: "FIV",
  },
];

export interface DemoAgency {
  slug: string;
  name: string;
  legalName: string;
  vatNumber: string;
  /** Collecting for third parties needs a licence from the Questore (TULPS art. 115). */
  licence: string;
  locale: "it-IT";
  timeZone: "Europe/Rome";
  country: "IT";
}

export const DEMO_AGENCY: DemoAgency = {
  slug: "saldo-demo",
  name: "Saldo Demo Recuperi",
  legalName: "Saldo Demo Recuperi S.r.l.",
  vatNumber: "10283760154",
  licence: "Licenza art. 115 TULPS, Questura di Milano",
  locale: "it-IT",
  timeZone: "Europe/Rome",
  country: "IT",
};

/** About 2,000 debtors: enough to make queues, charts and KPIs look like a real portfolio. */
export const DEFAULT_DEMO_SIZE: Readonly<Record<DemoTenantSlug, number>> = {
  utility: 1400,
  b2b: 600,
};
