/** English service messages: confirmations and replies sent when the debtor acts. */
import type { MessageTemplate } from "../template.js";
import {
  EN_HOW_TO_PAY,
  EN_LETTER_HEADING,
  EN_OPT_OUT_EMAIL,
  EN_SIGN_OFF_EMAIL,
  EN_SIGN_OFF_LETTER,
  EN_TALK_TO_US,
} from "./blocks-en.js";
import { message, paragraphs } from "./compose.js";

const SMS_CONTACT = "Help: {{creditor.contact_short}}. {{opt_out_sms}}";

const PLAN_TEXT = `{{salutation}},

Thank you. We confirm the repayment plan agreed for case {{case_reference}}: {{plan.total}} in {{plan.installment_count}} instalments.
{{#has.plan_down_payment}}
A down payment of {{plan.down_payment}} is due first.
{{/has.plan_down_payment}}

The instalment schedule:
{{#plan.installments}}
- instalment {{seq}}: {{amount}} by {{due_date}}
{{/plan.installments}}

As long as the instalments are paid on time, you will not receive reminders about this case. If a payment date becomes difficult to meet, please contact us beforehand: we will find a solution together.`;

export const SERVICE_EN: readonly MessageTemplate[] = [
  message(
    "promise.confirmation",
    "email",
    "en",
    paragraphs(
      `{{salutation}},

Thank you. We confirm your commitment to pay {{promise.amount}} by {{promise.date}} on case {{case_reference}}.`,
      EN_HOW_TO_PAY,
      EN_TALK_TO_US,
      EN_SIGN_OFF_EMAIL,
      EN_OPT_OUT_EMAIL,
    ),
    "Confirmation of your payment commitment",
  ),
  message(
    "promise.confirmation",
    "sms",
    "en",
    `{{salutation}}, thank you: we confirm your commitment to pay {{promise.amount}} to {{creditor.name}} by {{promise.date}}. Pay here: {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "plan.confirmation",
    "email",
    "en",
    paragraphs(PLAN_TEXT, EN_HOW_TO_PAY, EN_TALK_TO_US, EN_SIGN_OFF_EMAIL, EN_OPT_OUT_EMAIL),
    "Your repayment plan - case {{case_reference}}",
  ),
  message(
    "plan.confirmation",
    "letter",
    "en",
    paragraphs(EN_LETTER_HEADING, PLAN_TEXT, EN_HOW_TO_PAY, EN_TALK_TO_US, EN_SIGN_OFF_LETTER),
    "Your repayment plan",
  ),
  message(
    "plan.confirmation",
    "sms",
    "en",
    `{{salutation}}, we confirm your repayment plan with {{creditor.name}}: {{plan.installment_count}} instalments, total {{plan.total}}, first due {{plan.first_due_date}}. Details and payment: {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "optout.confirmation",
    "sms",
    "en",
    "{{salutation}}, we have recorded your request: you will not receive further text messages from {{creditor.name}}. Your case can still be viewed and paid at {{portal_url}} Help: {{creditor.contact_short}}",
  ),
  message(
    "optout.confirmation",
    "email",
    "en",
    paragraphs(
      `{{salutation}},

We have recorded your request: you will not receive further emails from {{creditor.name}} about case {{case_reference}}. We may still contact you through the other channels you have given us.`,
      EN_HOW_TO_PAY,
      EN_TALK_TO_US,
      EN_SIGN_OFF_EMAIL,
    ),
    "Confirmed: you will not receive further emails",
  ),

  message(
    "proof.request",
    "email",
    "en",
    paragraphs(
      `{{salutation}},

Thank you for letting us know that you have already paid the amount of {{balance}} on case {{case_reference}}.

To update the case, please send us a copy of the receipt or the payment details (date, amount and, for a bank transfer, its reference), by replying to this email or uploading it at {{portal_url}}`,
      "If the payment has not been made yet, here is how to pay.",
      EN_HOW_TO_PAY,
      EN_TALK_TO_US,
      EN_SIGN_OFF_EMAIL,
      EN_OPT_OUT_EMAIL,
    ),
    "Proof of payment - case {{case_reference}}",
  ),
  message(
    "proof.request",
    "sms",
    "en",
    `{{salutation}}, thank you for letting us know. To update your case, please upload the receipt for your payment of {{balance}} at {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "reply.acknowledgement",
    "email",
    "en",
    paragraphs(
      `{{salutation}},

Thank you for your message about case {{case_reference}}: we have received it, and a member of our customer service team will reply as soon as possible.`,
      "For your convenience, here is how to view and pay your case.",
      EN_HOW_TO_PAY,
      EN_TALK_TO_US,
      EN_SIGN_OFF_EMAIL,
      EN_OPT_OUT_EMAIL,
    ),
    "We have received your message - case {{case_reference}}",
  ),
];
