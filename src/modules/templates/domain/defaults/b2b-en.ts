/**
 * English messages to companies (the accounts department). E-mails carry the
 * opt-out link; PEC and letters carry a date line and the legal name instead.
 */
import type { Channel, MessageTemplate } from "../template.js";
import {
  EN_ALREADY_PAID_B2B,
  EN_HOW_TO_PAY,
  EN_INVOICES_B2B,
  EN_LETTER_HEADING,
  EN_OPT_OUT_EMAIL,
  EN_SIGN_OFF_EMAIL,
  EN_SIGN_OFF_LETTER,
  EN_TALK_TO_US,
} from "./blocks-en.js";
import { message, paragraphs } from "./compose.js";

function b2bMessage(
  id: string,
  channel: Channel,
  subject: string,
  ...content: readonly string[]
): MessageTemplate {
  const body =
    channel === "email"
      ? paragraphs(...content, EN_SIGN_OFF_EMAIL, EN_OPT_OUT_EMAIL)
      : paragraphs(EN_LETTER_HEADING, ...content, EN_SIGN_OFF_LETTER);
  return message(id, channel, "en", body, subject);
}

const OPENING = "{{salutation}},\nFor the attention of the Accounts Department";

const INVOICE_CHECK = [
  `${OPENING}

We are writing to check that the following invoices, due on {{oldest_due_date}}, have been received and booked:
${EN_INVOICES_B2B}`,
  "If anything is not in order (billing details, purchase order reference, amounts), we would be grateful if you could tell us now, so that we can correct it before the due date.",
  EN_HOW_TO_PAY,
  EN_TALK_TO_US,
];

const FIRST_REMINDER = [
  `${OPENING}

According to our accounts, the following invoices, totalling {{balance}}, are still open:
${EN_INVOICES_B2B}`,
  "We kindly ask you to check them and arrange payment. If an invoice has not reached you or shows a problem, please tell us and we will send a copy or correct it.",
  EN_HOW_TO_PAY,
  EN_ALREADY_PAID_B2B,
  EN_TALK_TO_US,
];

const SECOND_REMINDER = [
  `${OPENING}

Further to our previous reminder, the following invoices, totalling {{balance}}, remain unpaid; the oldest fell due {{days_overdue}} days ago:
${EN_INVOICES_B2B}`,
  "Please arrange payment within 10 days of receiving this letter. Please note that late-payment interest under Italian Legislative Decree 231/2002 accrues on overdue amounts. Without payment or a reply from you, the next step will be a formal notice.",
  EN_HOW_TO_PAY,
  EN_ALREADY_PAID_B2B,
  "If your company is facing a temporary cash-flow difficulty, please contact us: we can look at a payment plan together.",
  EN_TALK_TO_US,
];

const LEGAL_HANDOFF = [
  `${OPENING}

Despite our reminders and the formal notice sent to you, the amount of {{balance}} on case {{case_reference}} remains unpaid, and we have not received a proposal to settle it.`,
  "We therefore inform you that the case has been passed to our lawyers for recovery through the courts, with all further costs charged to you.",
  "It is still possible to settle the matter amicably: payment in full, or a repayment plan agreed in writing, will allow us to suspend any further action.",
  EN_HOW_TO_PAY,
  EN_TALK_TO_US,
];

export const B2B_EN: readonly MessageTemplate[] = [
  ...(["email", "pec"] as const).map((channel) =>
    b2bMessage(
      "b2b.caring.invoice_check",
      channel,
      "Invoices due on {{oldest_due_date}}: please confirm receipt - {{creditor.name}}",
      ...INVOICE_CHECK,
    ),
  ),
  ...(["email", "letter", "pec"] as const).map((channel) =>
    b2bMessage(
      "b2b.reminder.first",
      channel,
      "Payment reminder for open invoices - {{creditor.name}}",
      ...FIRST_REMINDER,
    ),
  ),
  ...(["email", "pec", "registered_letter"] as const).map((channel) =>
    b2bMessage(
      "b2b.reminder.second",
      channel,
      "Second payment reminder - case {{case_reference}}",
      ...SECOND_REMINDER,
    ),
  ),
  ...(["pec", "registered_letter"] as const).map((channel) =>
    b2bMessage(
      "b2b.legal.handoff",
      channel,
      "Case {{case_reference}} passed to our lawyers",
      ...LEGAL_HANDOFF,
    ),
  ),
];
