/**
 * Turns a TemplateContext into the view a template is rendered with: every value
 * a preformatted string for the language (money, dates, codes in groups of four),
 * named as in the catalogue. Data an optional group lacks stays undefined, so
 * the renderer can refuse it instead of printing a blank.
 */
import { type OptionalGroup, presentGroups, type TemplateContext } from "./context.js";
import { daysBetween, formatDate, formatLongDate, formatMoney, groupInFours } from "./format.js";
import type { TemplateLanguage } from "./template.js";

export {
  findVariable,
  TEMPLATE_VARIABLES,
  type TemplateVariable,
  type VariableKind,
} from "./catalogue.js";
export {
  OPTIONAL_GROUPS,
  type OptionalGroup,
  presentGroups,
  type TemplateContext,
  type TemplateInstallment,
  type TemplateInvoice,
} from "./context.js";

export interface TemplateView {
  salutation: string;
  today: string;
  today_long: string;
  debtor: {
    name: string;
    first_name?: string;
    last_name?: string;
    is_company: boolean;
    is_person: boolean;
  };
  creditor: {
    name: string;
    legal_name: string;
    vat_number?: string;
    email?: string;
    phone?: string;
    website?: string;
    address?: string;
    contact: string;
    contact_short: string;
  };
  case_reference: string;
  balance: string;
  currency: string;
  oldest_due_date: string;
  days_overdue: string;
  invoice_count: string;
  invoices: {
    number: string;
    issue_date: string;
    due_date: string;
    amount: string;
    open_amount: string;
  }[];
  portal_url: string;
  rf_reference: string;
  iban?: string;
  beneficiary: string;
  pagopa_notice?: string;
  opt_out_url: string;
  opt_out_sms: string;
  promise?: { amount: string; date: string };
  plan?: {
    installments: { seq: string; due_date: string; amount: string }[];
    installment_count: string;
    first_due_date?: string;
    total: string;
    down_payment?: string;
  };
  formal?: {
    capital: string;
    interest: string;
    interest_rate: string;
    costs: string;
    total: string;
    deadline_date: string;
    deadline_days: string;
  };
  agent?: { name: string };
  has: Record<OptionalGroup, boolean>;
}

export function buildTemplateView(context: TemplateContext): TemplateView {
  const { language, debtor, creditor, payment } = context;
  const money = (minor: bigint) => formatMoney(minor, context.case.currency, language);
  const date = (day: string) => formatDate(day, language);
  const has = presentGroups(context);
  const legalName = nonBlank(creditor.legalName) ?? creditor.name;
  return {
    salutation: salutation(debtor.name, debtor.kind, language),
    today: date(context.today),
    today_long: formatLongDate(context.today, language),
    debtor: {
      name: debtor.name,
      ...(has.debtor_names ? { first_name: debtor.firstName, last_name: debtor.lastName } : {}),
      is_company: debtor.kind === "company",
      is_person: debtor.kind === "person",
    },
    creditor: {
      name: creditor.name,
      legal_name: legalName,
      vat_number: has.creditor_vat ? creditor.vatNumber : undefined,
      email: has.creditor_email ? creditor.email : undefined,
      phone: has.creditor_phone ? creditor.phone : undefined,
      website: has.creditor_website ? creditor.website : undefined,
      address: has.creditor_address ? creditor.address : undefined,
      contact: contactLine(context, language),
      contact_short:
        nonBlank(creditor.phone) ??
        nonBlank(creditor.email) ??
        nonBlank(creditor.website) ??
        payment.portalUrl,
    },
    case_reference: context.case.reference,
    balance: money(context.case.balanceMinor),
    currency: context.case.currency.toUpperCase(),
    oldest_due_date: date(context.case.oldestDueDate),
    days_overdue: String(context.case.daysOverdue),
    invoice_count: String(context.invoices.length),
    invoices: context.invoices.map((invoice) => ({
      number: invoice.number,
      issue_date: date(invoice.issueDate),
      due_date: date(invoice.dueDate),
      amount: money(invoice.amountMinor),
      open_amount: money(invoice.openAmountMinor),
    })),
    portal_url: payment.portalUrl,
    rf_reference: groupInFours(payment.rfReference),
    iban: has.iban && payment.iban ? groupInFours(payment.iban) : undefined,
    beneficiary: nonBlank(payment.beneficiary) ?? legalName,
    pagopa_notice:
      has.pagopa && payment.pagoPaNoticeNumber
        ? groupInFours(payment.pagoPaNoticeNumber)
        : undefined,
    opt_out_url: context.optOut.url,
    opt_out_sms: smsOptOut(context.optOut, language),
    promise: context.promise && {
      amount: money(context.promise.amountMinor),
      date: date(context.promise.date),
    },
    plan: context.plan && {
      installments: context.plan.installments.map((installment) => ({
        seq: String(installment.seq),
        due_date: date(installment.dueDate),
        amount: money(installment.amountMinor),
      })),
      installment_count: String(context.plan.installments.length),
      first_due_date: mapDefined(context.plan.installments[0]?.dueDate, date),
      total: money(context.plan.totalMinor),
      down_payment: mapDefined(context.plan.downPaymentMinor, money),
    },
    formal: context.formal && {
      capital: money(context.formal.capitalMinor),
      interest: money(context.formal.interestMinor),
      interest_rate: context.formal.interestRateLabel,
      costs: money(context.formal.costsMinor),
      total: money(context.formal.totalMinor),
      deadline_date: date(context.formal.deadlineDate),
      deadline_days: String(daysBetween(context.today, context.formal.deadlineDate)),
    },
    agent: has.agent && context.agent ? { name: context.agent.name } : undefined,
    has,
  };
}

/** Italian business letters address a company as "Spett.le" and a person as "Gentile". */
function salutation(name: string, kind: "person" | "company", language: TemplateLanguage): string {
  if (language === "en") return `Dear ${name}`;
  return kind === "company" ? `Spett.le ${name}` : `Gentile ${name}`;
}

/** Phone and e-mail when known; otherwise the website or, at least, the portal (which has a contact form). */
function contactLine(context: TemplateContext, language: TemplateLanguage): string {
  const { phone, email, website } = context.creditor;
  const words =
    language === "it"
      ? { phone: "tel.", email: "e-mail", portal: "il portale" }
      : { phone: "phone", email: "email", portal: "the portal" };
  const parts = [
    nonBlank(phone) && `${words.phone} ${phone}`,
    nonBlank(email) && `${words.email} ${email}`,
  ].filter((part): part is string => Boolean(part));
  if (parts.length > 0) return parts.join(", ");
  return nonBlank(website) ?? `${words.portal} ${context.payment.portalUrl}`;
}

/** Kept short: it travels inside a two-segment SMS. */
function smsOptOut(optOut: TemplateContext["optOut"], language: TemplateLanguage): string {
  const keyword = optOut.smsKeyword;
  if (language === "it") {
    return optOut.smsNumber
      ? `Invii ${keyword} al ${optOut.smsNumber} per non ricevere più SMS`
      : `Risponda ${keyword} per non ricevere più SMS`;
  }
  return optOut.smsNumber
    ? `Text ${keyword} to ${optOut.smsNumber} to opt out`
    : `Reply ${keyword} to opt out`;
}

function nonBlank(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value : undefined;
}

function mapDefined<T, R>(value: T | undefined, map: (value: T) => R): R | undefined {
  return value === undefined ? undefined : map(value);
}
