import { DEFAULT_BREAK_RULE } from "../../domain/plan-progress.js";
import { splitInstallments } from "../../domain/split-installments.js";
import type { AcknowledgmentInput, SignatureRecord } from "../acknowledgment-input.js";

/** A realistic acknowledgment for tests and previews: €1,234.56 in a down payment and 6 months. */
export function sampleAcknowledgment(
  overrides: Partial<AcknowledgmentInput> = {},
): AcknowledgmentInput {
  return {
    language: "it",
    generatedAt: new Date("2026-03-10T09:00:00Z"),
    currency: "EUR",
    caseReference: "PR-2026-000417",
    creditor: {
      name: "Luce & Gas Italia",
      legalName: "Luce & Gas Italia S.p.A.",
      vatNumber: "01234567890",
      addressLines: ["Via Giuseppe Verdi 12", "20121 Milano (MI)"],
      email: "crediti@lucegas.example",
      phone: "02 1234 5678",
      privacyContact: "privacy@lucegas.example",
      colour: "#107a55",
    },
    debtor: {
      name: "Maria Bianchi",
      taxCode: "BNCMRA80A41H501X",
      addressLines: ["Via dei Fiori 7, int. 3", "00184 Roma (RM)"],
    },
    invoices: [
      { number: "2025/1187", issueDate: "2025-10-15", dueDate: "2025-11-14", openMinor: 112_000n },
      { number: "2025/1342", issueDate: "2025-11-15", dueDate: "2025-12-15", openMinor: 11_456n },
    ],
    plan: {
      frequency: "monthly",
      installments: splitInstallments({
        totalMinor: 123_456n,
        downPaymentMinor: 20_000n,
        count: 6,
        frequency: "monthly",
        firstDueDate: "2026-04-30",
        downPaymentDueDate: "2026-03-17",
      }),
      breakRule: DEFAULT_BREAK_RULE,
    },
    payment: {
      beneficiary: "Luce & Gas Italia S.p.A.",
      iban: "IT60X0542811101000000123456",
      rfReference: "RF18539007547034",
    },
    ...overrides,
  };
}

export function sampleSignature(documentSha256: string): SignatureRecord {
  return {
    signedAt: new Date("2026-03-10T09:15:32Z"),
    channel: "sms",
    destinationMasked: "+39 *** *** 4567",
    ip: "203.0.113.24",
    documentSha256,
    codeId: "otp_01HZX5K2M8",
  };
}
