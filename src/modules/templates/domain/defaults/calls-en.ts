/**
 * English agent call scripts. Sections in [BRACKETS] are steps; the listening
 * step branches on what the debtor says. Rules that protect the debtor (right
 * party before anything else, nothing said to third parties) come first.
 */
import type { MessageTemplate } from "../template.js";
import { message } from "./compose.js";

const IDENTITY_CHECK = `[IDENTITY CHECK]
Before discussing the case, make sure you are speaking to {{debtor.name}}: ask them to confirm their full name and one detail only they would know (for example the customer number or the supply address).
- If someone else answers: do NOT reveal the reason for the call or that any debt exists. Say only: "Thank you, I will call back. Have a nice day." You may ask for a better time to call.
- If the right person cannot talk now: ask when to call back and note the time.`;

const BRANCHES = `[LISTEN]
"Is there a reason the payment has not come through yet? Please tell me."
Listen without interrupting, then follow the matching branch.

[A. SAYS THEY HAVE ALREADY PAID]
"Thank you. To update the case, could you give me the date, the amount and, if possible, the transfer reference?"
- Note the details and record the outcome "already paid": the case is checked before any further contact.
- Ask them to upload the receipt at {{portal_url}} or send it by email.

[B. DISPUTES THE AMOUNT OR THE INVOICE]
"I understand. Could you tell me what does not look right to you?"
- Note the reason precisely, without arguing the point.
- Record the outcome "dispute": reminders stop until the dispute has been reviewed. Explain that someone will get back to them.

[C. FINANCIAL DIFFICULTY]
"Thank you for telling me. Let's see together what is manageable for you."
- Offer a repayment plan: ask how much they could pay each month and from when.
- If the person is in a particularly vulnerable situation (illness, bereavement, job loss), record the outcome "hardship" and do not press.

[D. CAN PAY NOW]
"Great. You can pay now at {{portal_url}} with the payment reference {{rf_reference}}."
{{#has.iban}}
- For a bank transfer: IBAN {{iban}}, account holder {{beneficiary}}, reference {{rf_reference}}.
{{/has.iban}}
- If they cannot pay today, agree a specific date and record the promise to pay (amount and date).

[E. ASKS FOR A REPAYMENT PLAN]
"Of course. How many instalments would suit you, and of what amount?"
- Record the proposal as a repayment plan; the confirmation with the instalment schedule will follow in writing.`;

const CLOSING = `[CLOSING]
- Summarise what was agreed (amount, date, method).
- "If you need us, you can reach us at: {{creditor.contact}}."
- "Thank you for your time. Have a nice day."
- Record the outcome of the call.`;

export const CALLS_EN: readonly MessageTemplate[] = [
  message(
    "call.reminder",
    "call",
    "en",
    `[GREETING]
"Good morning, this is {{agent.name}} calling on behalf of {{creditor.name}}. May I speak to {{debtor.name}}?"

${IDENTITY_CHECK}

[REASON FOR THE CALL]
"I am calling with a reminder: our records show that {{balance}}, due on {{oldest_due_date}}, is still outstanding."
{{#invoices}}
- invoice {{number}} of {{issue_date}}, due on {{due_date}}: {{open_amount}}
{{/invoices}}

${BRANCHES}

${CLOSING}`,
    "Reminder call - case {{case_reference}}",
  ),
  message(
    "call.prelegal",
    "call",
    "en",
    `[GREETING]
"Good morning, this is {{agent.name}} calling on behalf of {{creditor.name}}. May I speak to {{debtor.name}}?"

${IDENTITY_CHECK}

[REASON FOR THE CALL]
"I am calling about the amount of {{balance}}, now {{days_overdue}} days overdue, for which we have also sent you a formal notice. Before the case goes to our lawyers for review, we would like to find a solution with you."
- Keep a calm, respectful tone: inform, do not pressure. Do not mention consequences other than the ones stated here.

${BRANCHES}

${CLOSING}`,
    "Last call before legal review - case {{case_reference}}",
  ),
  message(
    "b2b.call.accounts",
    "call",
    "en",
    `[GREETING]
"Good morning, this is {{agent.name}} from {{creditor.name}}. May I speak to the accounts payable department, or whoever handles supplier payments at {{debtor.name}}?"

[CHECK WHO YOU ARE SPEAKING TO]
- Ask for the person's name and role: discuss the invoices only with accounts staff or someone authorised for the company.
- If the right person is not available: ask for a name, a direct contact and the best time, without going into detail.

[REASON FOR THE CALL]
"I am calling about some invoices that are still open in our records, totalling {{balance}}:"
{{#invoices}}
- invoice {{number}} of {{issue_date}}, due {{due_date}}, outstanding {{open_amount}}
{{/invoices}}

[LISTEN]
"Could you confirm that these invoices have been received and booked? When is payment scheduled?"

[A. INVOICE NOT RECEIVED OR NOT BOOKED]
- Check the billing address or e-invoicing details and offer to resend a copy; note the contact person.

[B. SAYS THEY HAVE ALREADY PAID]
- Ask for the date, the amount and the transfer reference; record the outcome "already paid".

[C. DISPUTE (goods, service, amounts)]
- Note the reason and the purchase order reference; record the outcome "dispute" and explain that the right team will get back to them.

[D. CASH-FLOW DIFFICULTY]
- Ask what timing is realistic and offer a payment plan; record the proposal.

[E. PAYMENT SCHEDULED OR IMMEDIATE]
- Ask for the date of the payment run and record the promise (amount and date).
- Remind them how to pay: {{portal_url}}, payment reference {{rf_reference}}{{#has.iban}}, IBAN {{iban}}, account holder {{beneficiary}}{{/has.iban}}.

[F. ASKS FOR A REPAYMENT PLAN]
- Collect the proposal (number of instalments, amounts, dates); the confirmation will follow in writing.

[CLOSING]
- Summarise what was agreed and the name of the contact person.
- "If you need anything: {{creditor.contact}}. Thank you, and have a good day."
- Record the outcome of the call.`,
    "Call to accounts payable - case {{case_reference}}",
  ),
];
