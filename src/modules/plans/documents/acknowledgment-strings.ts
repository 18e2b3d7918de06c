import type { PlanFrequency } from "../domain/plan-calendar.js";
import type { BreakRule } from "../domain/plan-progress.js";
import { ACKNOWLEDGMENT_EN } from "./acknowledgment-strings-en.js";
import { ACKNOWLEDGMENT_IT } from "./acknowledgment-strings-it.js";

export type DocumentLanguage = "it" | "en";

/** Every word the acknowledgment prints besides the data; amounts and dates come formatted. */
export interface AcknowledgmentStrings {
  title: string;
  subtitle: string;
  caseLine: (reference: string, date: string) => string;
  creditor: string;
  debtor: string;
  vatNumber: string;
  taxCode: string;
  acknowledgmentTitle: string;
  acknowledgment: (debtor: string, creditor: string, total: string) => string;
  debtColumns: [string, string, string, string];
  invoice: (number: string) => string;
  debtTotal: string;
  planTitle: string;
  planIntro: (installments: number, frequency: PlanFrequency, downPayment?: string) => string;
  planColumns: [string, string, string];
  downPayment: string;
  planTotal: string;
  paymentTitle: string;
  paymentIntro: string;
  paymentBox: string;
  beneficiary: string;
  paymentReference: string;
  contact: (ways: string) => string;
  termsTitle: string;
  allocationTitle: string;
  allocation: string;
  forfeitureTitle: string;
  forfeiture: (rule: BreakRule) => string;
  noNovationTitle: string;
  noNovation: string;
  settlementTitle: string;
  settlement: string;
  privacyTitle: string;
  privacy: (controller: string, contact: string) => string;
  signatureTitle: string;
  signature: string;
  signatureBoxLabel: string;
  signatureBoxNote: string;
  footer: (reference: string) => string;
  pageOf: (page: number, total: number) => string;
  recordTitle: string;
  recordIntro: (pages: number) => string;
  recordDocument: string;
  recordFingerprint: string;
  recordSigner: string;
  recordSignedAt: string;
  signedAt: (date: string, time: string, timeZone: string) => string;
  recordSentBy: string;
  sentBy: (channel: "sms" | "email", destination: string) => string;
  recordIp: string;
  recordCodeId: string;
  recordFooter: (reference: string) => string;
}

export const ACKNOWLEDGMENT_STRINGS: Record<DocumentLanguage, AcknowledgmentStrings> = {
  it: ACKNOWLEDGMENT_IT,
  en: ACKNOWLEDGMENT_EN,
};
