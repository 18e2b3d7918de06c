/** Contexts for tests: one with every optional group, one with none. */
import type { TemplateContext } from "./context.js";

export function fullContext(overrides: Partial<TemplateContext> = {}): TemplateContext {
  return {
    language: "it",
    today: "2026-11-24",
    debtor: { name: "Mario Rossi", firstName: "Mario", lastName: "Rossi", kind: "person" },
    creditor: {
      name: "Acqua Chiara",
      legalName: "Acqua Chiara S.p.A.",
      vatNumber: "01234567890",
      email: "crediti@acquachiara.it",
      phone: "02 1234567",
      website: "https://www.acquachiara.it",
      address: "Via Roma 1, 20121 Milano (MI)",
    },
    case: {
      reference: "PR-2026-000123",
      balanceMinor: 123456n,
      currency: "EUR",
      oldestDueDate: "2026-10-15",
      daysOverdue: 40,
    },
    invoices: [
      {
        number: "2026/0815",
        issueDate: "2026-09-15",
        dueDate: "2026-10-15",
        amountMinor: 100000n,
        openAmountMinor: 100000n,
      },
      {
        number: "2026/0902",
        issueDate: "2026-10-01",
        dueDate: "2026-10-31",
        amountMinor: 30000n,
        openAmountMinor: 23456n,
      },
    ],
    payment: {
      portalUrl: "https://paga.saldo.it/p/K7Q2M9",
      rfReference: "RF18539007547034",
      iban: "IT60X0542811101000000123456",
      beneficiary: "Acqua Chiara S.p.A.",
      pagoPaNoticeNumber: "301200000000000012",
    },
    optOut: { url: "https://paga.saldo.it/stop/K7Q2M9", smsKeyword: "STOP", smsNumber: "48000" },
    promise: { amountMinor: 50000n, date: "2026-12-05" },
    plan: {
      installments: [
        { seq: 1, dueDate: "2026-12-10", amountMinor: 41152n },
        { seq: 2, dueDate: "2027-01-10", amountMinor: 41152n },
        { seq: 3, dueDate: "2027-02-10", amountMinor: 41152n },
      ],
      downPaymentMinor: 10000n,
      totalMinor: 123456n,
    },
    formal: {
      capitalMinor: 123456n,
      interestMinor: 1850n,
      costsMinor: 4000n,
      totalMinor: 129306n,
      deadlineDate: "2026-12-09",
      interestRateLabel: "tasso legale",
    },
    agent: { name: "Giulia Bianchi" },
    ...overrides,
  };
}

/** Only what every case has: no promise, plan, formal notice, agent, IBAN, pagoPA or creditor details. */
export function minimalContext(): TemplateContext {
  const { promise, plan, formal, agent, ...rest } = fullContext();
  return {
    ...rest,
    debtor: { name: "ACME S.r.l.", kind: "company" },
    creditor: { name: "Acqua Chiara" },
    payment: { portalUrl: "https://paga.saldo.it/p/K7Q2M9", rfReference: "RF18539007547034" },
    optOut: { url: "https://paga.saldo.it/stop/K7Q2M9", smsKeyword: "STOP" },
  };
}
