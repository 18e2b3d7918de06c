/**
 * The raw data a message is rendered from. Amounts are bigint minor units in the
 * case's currency; days are "YYYY-MM-DD". Everything optional here is an
 * "optional group": a variable that needs it fails to render without it.
 */
import type { TemplateLanguage } from "./template.js";

export interface TemplateInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  amountMinor: bigint;
  openAmountMinor: bigint;
}

export interface TemplateInstallment {
  seq: number;
  dueDate: string;
  amountMinor: bigint;
}

export interface TemplateContext {
  language: TemplateLanguage;
  /** The day the message is written: the date line of letters, the base of deadlines. */
  today: string;
  debtor: { name: string; firstName?: string; lastName?: string; kind: "person" | "company" };
  creditor: {
    name: string;
    legalName?: string;
    vatNumber?: string;
    email?: string;
    phone?: string;
    website?: string;
    /** One line: "Via Roma 1, 20121 Milano (MI)". */
    address?: string;
  };
  case: {
    reference: string;
    balanceMinor: bigint;
    currency: string;
    oldestDueDate: string;
    daysOverdue: number;
  };
  invoices: readonly TemplateInvoice[];
  payment: {
    portalUrl: string;
    rfReference: string;
    iban?: string;
    beneficiary?: string;
    pagoPaNoticeNumber?: string;
  };
  optOut: { url: string; smsKeyword: string; smsNumber?: string };
  promise?: { amountMinor: bigint; date: string };
  plan?: {
    installments: readonly TemplateInstallment[];
    downPaymentMinor?: bigint;
    totalMinor: bigint;
  };
  formal?: {
    capitalMinor: bigint;
    interestMinor: bigint;
    costsMinor: bigint;
    totalMinor: bigint;
    deadlineDate: string;
    /** How the interest was computed: "tasso legale", "D.Lgs. 231/2002 (BCE + 8 punti)". */
    interestRateLabel: string;
  };
  agent?: { name: string };
}

/**
 * Data a template may only use when the context has it. Each group also becomes
 * a flag, `has.<group>`, so a template can write
 * `{{#has.iban}}IBAN {{iban}}{{/has.iban}}` instead of risking a blank.
 */
export const OPTIONAL_GROUPS = [
  "promise",
  "plan",
  "plan_down_payment",
  "formal",
  "agent",
  "iban",
  "pagopa",
  "debtor_names",
  "creditor_vat",
  "creditor_email",
  "creditor_phone",
  "creditor_website",
  "creditor_address",
] as const;
export type OptionalGroup = (typeof OPTIONAL_GROUPS)[number];

/** Which optional groups this context carries. */
export function presentGroups(context: TemplateContext): Record<OptionalGroup, boolean> {
  const given = (value: string | undefined) => value !== undefined && value.trim() !== "";
  return {
    promise: context.promise !== undefined,
    plan: context.plan !== undefined,
    plan_down_payment: context.plan?.downPaymentMinor !== undefined,
    formal: context.formal !== undefined,
    agent: context.agent !== undefined && given(context.agent.name),
    iban: given(context.payment.iban),
    pagopa: given(context.payment.pagoPaNoticeNumber),
    debtor_names: given(context.debtor.firstName) && given(context.debtor.lastName),
    creditor_vat: given(context.creditor.vatNumber),
    creditor_email: given(context.creditor.email),
    creditor_phone: given(context.creditor.phone),
    creditor_website: given(context.creditor.website),
    creditor_address: given(context.creditor.address),
  };
}
