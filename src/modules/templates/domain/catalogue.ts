/**
 * Every variable a template may use, by the name written between braces. A
 * variable that `requires` an optional group fails to render when the context
 * lacks that group (see TemplateRenderError); templates guard such variables
 * with the group's flag, `{{#has.<group>}}…{{/has.<group>}}`, when the data may
 * be absent.
 */
import { OPTIONAL_GROUPS, type OptionalGroup } from "./context.js";

/** text: a formatted string; list: a section to iterate; flag: a true/false for a section. */
export type VariableKind = "text" | "list" | "flag";

export interface TemplateVariable {
  name: string;
  description: string;
  kind: VariableKind;
  requires?: OptionalGroup;
  /** For lists: the fields of one item, usable inside the section. */
  fields?: readonly TemplateVariable[];
}

function text(name: string, description: string, requires?: OptionalGroup): TemplateVariable {
  return requires
    ? { name, description, kind: "text", requires }
    : { name, description, kind: "text" };
}

function flag(name: string, description: string): TemplateVariable {
  return { name, description, kind: "flag" };
}

function list(
  name: string,
  description: string,
  fields: readonly TemplateVariable[],
  requires?: OptionalGroup,
): TemplateVariable {
  const variable: TemplateVariable = { name, description, kind: "list", fields };
  return requires ? { ...variable, requires } : variable;
}

const INVOICE_FIELDS = [
  text("number", "Invoice number as issued"),
  text("issue_date", "Invoice date, formatted for the language"),
  text("due_date", "Invoice due date, formatted for the language"),
  text("amount", "Invoice total, formatted money"),
  text("open_amount", "What is still unpaid on the invoice, formatted money"),
];

const INSTALLMENT_FIELDS = [
  text("seq", "Installment number, 1 for the first"),
  text("due_date", "Installment due date, formatted for the language"),
  text("amount", "Installment amount, formatted money"),
];

const GROUP_FLAGS = OPTIONAL_GROUPS.map((group) =>
  flag(`has.${group}`, `True when the context carries the "${group}" data`),
);

export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [
  text("salutation", 'Opening: "Gentile Mario Rossi", "Spett.le ACME S.r.l.", "Dear Mario Rossi"'),
  text("today", "The day the message is written (24/11/2026; 24 November 2026)"),
  text("today_long", "The day the message is written, long form (24 novembre 2026)"),

  text("debtor.name", "Debtor's full name or company name"),
  text("debtor.first_name", "Debtor's first name", "debtor_names"),
  text("debtor.last_name", "Debtor's last name", "debtor_names"),
  flag("debtor.is_company", "True when the debtor is a company"),
  flag("debtor.is_person", "True when the debtor is a person"),

  text("creditor.name", "Creditor's trading name"),
  text("creditor.legal_name", "Creditor's legal name (the trading name when not given)"),
  text("creditor.vat_number", "Creditor's VAT number", "creditor_vat"),
  text("creditor.email", "Creditor's e-mail for debtors", "creditor_email"),
  text("creditor.phone", "Creditor's phone number for debtors", "creditor_phone"),
  text("creditor.website", "Creditor's website", "creditor_website"),
  text("creditor.address", "Creditor's postal address on one line", "creditor_address"),
  text("creditor.contact", "How to reach a person: phone and e-mail, else website, else portal"),
  text("creditor.contact_short", "The shortest way to reach a person, for SMS: phone, else e-mail"),

  text("case_reference", "The case (pratica) reference"),
  text("balance", "Total still owed on the case, formatted money"),
  text("currency", "ISO 4217 code of the case's currency"),
  text("oldest_due_date", "Due date of the oldest unpaid invoice, formatted"),
  text("days_overdue", "Days past the oldest due date (negative before it)"),
  text("invoice_count", "How many invoices are open"),
  list("invoices", "The open invoices", INVOICE_FIELDS),

  text("portal_url", "Link to the payment portal for this case"),
  text("rf_reference", "RF creditor reference (ISO 11649) to quote in a transfer, in groups of 4"),
  text("iban", "IBAN for a bank transfer, in groups of 4", "iban"),
  text("beneficiary", "Account holder of the IBAN (the creditor's legal name when not given)"),
  text("pagopa_notice", "pagoPA notice number (codice avviso), in groups of 4", "pagopa"),

  text("opt_out_url", "Link to stop receiving messages on this channel"),
  text("opt_out_sms", 'SMS opt-out line: "STOP al 4XXXX per non ricevere più SMS", "Reply STOP…"'),

  text("promise.amount", "Amount the debtor promised to pay, formatted money", "promise"),
  text("promise.date", "Date the debtor promised to pay by, formatted", "promise"),

  list("plan.installments", "The repayment plan's installments", INSTALLMENT_FIELDS, "plan"),
  text("plan.installment_count", "How many installments the plan has", "plan"),
  text("plan.first_due_date", "Due date of the first installment, formatted", "plan"),
  text("plan.total", "Total the plan repays, formatted money", "plan"),
  text("plan.down_payment", "Down payment due before the first installment", "plan_down_payment"),

  text("formal.capital", "Formal notice: unpaid capital, formatted money", "formal"),
  text("formal.interest", "Formal notice: late-payment interest, formatted money", "formal"),
  text("formal.interest_rate", "Formal notice: how the interest is computed (a label)", "formal"),
  text("formal.costs", "Formal notice: recovery costs, formatted money", "formal"),
  text("formal.total", "Formal notice: capital + interest + costs, formatted money", "formal"),
  text("formal.deadline_date", "Formal notice: the day payment is due by, formatted", "formal"),
  text("formal.deadline_days", "Formal notice: days from today to the deadline", "formal"),

  text("agent.name", "Name of the agent making the call", "agent"),

  ...GROUP_FLAGS,
];

const BY_NAME = new Map(TEMPLATE_VARIABLES.map((variable) => [variable.name, variable]));

export function findVariable(name: string): TemplateVariable | undefined {
  return BY_NAME.get(name);
}
