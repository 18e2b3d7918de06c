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
  /** Sender identity, letterhead and payment details (see channels/domain/channel-settings). */
  channelSettings: Record<string, unknown>;
  /** Matching, promises, plan policy and SEPA creditor identity (see payments/domain/payment-settings). */
  paymentSettings: Record<string, unknown>;
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
    channelSettings: {
      email: { fromName: "Acqua & Luce Lombarda — Servizio Clienti" },
      sms: { sender: "AcquaLuce", replyNumber: "48000" },
      letter: {
        returnAddress: "Acqua & Luce Lombarda — Casella Postale 123, 20100 Milano",
        place: "Milano",
        addressLines: ["Via Mecenate 90", "20138 Milano (MI)"],
        phone: "800 123 456",
        email: "clienti@acqualuce.example",
        website: "www.acqualuce.example",
        colour: "#0a5f8c",
      },
      payment: { iban: "IT25O0306909606100000012345", beneficiary: "Acqua & Luce Lombarda S.p.A." },
    },
    paymentSettings: {
      directDebit: {
        creditorId: "IT10ZZZ0000008734150157",
        creditorName: "Acqua & Luce Lombarda S.p.A.",
        iban: "IT25O0306909606100000012345",
      },
    },
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
    channelSettings: {
      email: { fromName: "Ferramenta Industriale Veneta — Amministrazione" },
      sms: { sender: "FIV" },
      letter: {
        returnAddress: "Ferramenta Industriale Veneta S.r.l., 35127 Padova",
        place: "Padova",
        addressLines: ["Via Venezia 59", "35127 Padova (PD)"],
        phone: "049 123 4567",
        email: "amministrazione@fiv.example",
        colour: "#7a3e12",
      },
      payment: {
        iban: "IT17F0503411102000000098765",
        beneficiary: "Ferramenta Industriale Veneta S.r.l.",
      },
      formalNotice: { interestRatePercent: 10.15, b2bFlatCostMinor: 4000, deadlineDays: 15 },
    },
    // Businesses get shorter promises and must put 20% down on a plan.
    paymentSettings: {
      promises: { graceDays: 2, maxDaysAhead: 21, brokenPriorityBoost: 150 },
      plans: {
        policy: {
          bands: [
            { upToMinor: "500000", maxInstallments: 6 },
            { upToMinor: null, maxInstallments: 12, requiresSupervisor: true },
          ],
          minInstallmentMinor: "10000",
          maxDurationMonths: 12,
          minDownPaymentPercent: { consumer: 0, business: 20 },
          frequencies: ["monthly"],
          maxStartDelayDays: 15,
          autoApprove: true,
        },
        graceDays: 3,
        brokenAfterDays: 20,
      },
      directDebit: {
        creditorId: "IT96ZZZ0000003452190246",
        creditorName: "Ferramenta Industriale Veneta S.r.l.",
        iban: "IT17F0503411102000000098765",
      },
    },
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
