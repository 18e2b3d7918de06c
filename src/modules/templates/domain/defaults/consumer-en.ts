/** English reminders to consumers: caring before the due date, then gentle reminders. */
import type { MessageTemplate } from "../template.js";
import {
  EN_ALREADY_PAID,
  EN_HARDSHIP,
  EN_HOW_TO_PAY,
  EN_INVOICES_DUE,
  EN_INVOICES_OVERDUE,
  EN_LETTER_HEADING,
  EN_OPT_OUT_EMAIL,
  EN_SIGN_OFF_EMAIL,
  EN_SIGN_OFF_LETTER,
  EN_TALK_TO_US,
} from "./blocks-en.js";
import { message, paragraphs } from "./compose.js";

const SMS_CONTACT = "Help: {{creditor.contact_short}}. {{opt_out_sms}}";

const FIRST_REMINDER_TEXT = `{{salutation}},

According to our records, the amount of {{balance}}, due on {{oldest_due_date}}, has not been paid yet:
${EN_INVOICES_OVERDUE}

This may simply have been overlooked: we would be grateful if you could arrange payment as soon as possible.`;

const FOLLOWUP_TEXT = `{{salutation}},

A few days ago we wrote to you about the amount of {{balance}}, due on {{oldest_due_date}}, which is still outstanding.

Please arrange payment, or get in touch if there is anything we can clarify.`;

const REMINDER_LETTER_TEXT = `{{salutation}},

Despite our previous reminders, the amount of {{balance}} is still outstanding, {{days_overdue}} days after it fell due. It relates to:
${EN_INVOICES_OVERDUE}

We kindly ask you to settle this amount within 10 days of receiving this letter.`;

const LEGAL_HANDOFF_TEXT = `{{salutation}},

Despite our reminders and the formal notice we sent you, the amount of {{balance}} on case {{case_reference}} remains unpaid and we have not received a proposal to settle it.

We regret to inform you that the case is now being passed to our lawyers, who will consider recovering the debt through the courts.

It is still possible to settle the matter amicably: if you pay the amount due, or contact us to agree a repayment plan, we will take this into account before any further step is taken.`;

export const CONSUMER_EN: readonly MessageTemplate[] = [
  message(
    "caring.courtesy",
    "email",
    "en",
    paragraphs(
      `{{salutation}},

This is a friendly reminder that a payment of {{balance}} to {{creditor.name}} is due on {{oldest_due_date}}:
${EN_INVOICES_DUE}`,
      EN_HOW_TO_PAY,
      EN_ALREADY_PAID,
      EN_TALK_TO_US,
      EN_SIGN_OFF_EMAIL,
      EN_OPT_OUT_EMAIL,
    ),
    "Reminder: payment due on {{oldest_due_date}}",
  ),
  message(
    "caring.courtesy",
    "sms",
    "en",
    `{{salutation}}, a friendly reminder from {{creditor.name}}: {{balance}} is due on {{oldest_due_date}}. Pay here: {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "reminder.first",
    "email",
    "en",
    paragraphs(
      FIRST_REMINDER_TEXT,
      EN_HOW_TO_PAY,
      EN_ALREADY_PAID,
      EN_TALK_TO_US,
      EN_SIGN_OFF_EMAIL,
      EN_OPT_OUT_EMAIL,
    ),
    "Payment reminder - {{creditor.name}}",
  ),
  message(
    "reminder.first",
    "letter",
    "en",
    paragraphs(
      EN_LETTER_HEADING,
      FIRST_REMINDER_TEXT,
      EN_HOW_TO_PAY,
      EN_ALREADY_PAID,
      EN_TALK_TO_US,
      EN_SIGN_OFF_LETTER,
    ),
    "Payment reminder",
  ),
  message(
    "reminder.first",
    "sms",
    "en",
    `{{salutation}}, we have not yet received your payment of {{balance}} to {{creditor.name}}, due on {{oldest_due_date}}. Pay here: {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "reminder.followup",
    "email",
    "en",
    paragraphs(
      FOLLOWUP_TEXT,
      EN_HOW_TO_PAY,
      EN_HARDSHIP,
      EN_ALREADY_PAID,
      EN_TALK_TO_US,
      EN_SIGN_OFF_EMAIL,
      EN_OPT_OUT_EMAIL,
    ),
    "Second reminder: payment of {{balance}}",
  ),
  message(
    "reminder.followup",
    "letter",
    "en",
    paragraphs(
      EN_LETTER_HEADING,
      FOLLOWUP_TEXT,
      EN_HOW_TO_PAY,
      EN_HARDSHIP,
      EN_ALREADY_PAID,
      EN_TALK_TO_US,
      EN_SIGN_OFF_LETTER,
    ),
    "Second payment reminder",
  ),
  message(
    "reminder.followup",
    "sms",
    "en",
    `{{salutation}}, your payment of {{balance}} to {{creditor.name}} is still outstanding. Pay here: {{portal_url}} If you need help, please contact us. ${SMS_CONTACT}`,
  ),

  message(
    "reminder.letter",
    "email",
    "en",
    paragraphs(
      REMINDER_LETTER_TEXT,
      EN_HOW_TO_PAY,
      EN_HARDSHIP,
      EN_ALREADY_PAID,
      EN_TALK_TO_US,
      EN_SIGN_OFF_EMAIL,
      EN_OPT_OUT_EMAIL,
    ),
    "Payment overdue - case {{case_reference}}",
  ),
  message(
    "reminder.letter",
    "letter",
    "en",
    paragraphs(
      EN_LETTER_HEADING,
      REMINDER_LETTER_TEXT,
      EN_HOW_TO_PAY,
      EN_HARDSHIP,
      EN_ALREADY_PAID,
      EN_TALK_TO_US,
      EN_SIGN_OFF_LETTER,
    ),
    "Payment overdue",
  ),

  message(
    "legal.handoff",
    "email",
    "en",
    paragraphs(
      LEGAL_HANDOFF_TEXT,
      EN_HOW_TO_PAY,
      EN_TALK_TO_US,
      EN_SIGN_OFF_EMAIL,
      EN_OPT_OUT_EMAIL,
    ),
    "Case {{case_reference}} passed to our lawyers",
  ),
  message(
    "legal.handoff",
    "letter",
    "en",
    paragraphs(
      EN_LETTER_HEADING,
      LEGAL_HANDOFF_TEXT,
      EN_HOW_TO_PAY,
      EN_TALK_TO_US,
      EN_SIGN_OFF_LETTER,
    ),
    "Your case is being passed to our lawyers",
  ),
];
