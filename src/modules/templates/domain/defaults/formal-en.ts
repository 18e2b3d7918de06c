/**
 * English formal notices: the English text of an Italian "diffida ad adempiere
 * e costituzione in mora" (articles 1219 and 1454 of the Italian Civil Code),
 * for debtors who read English. Firm, precise and respectful.
 */
import type { Channel, MessageTemplate } from "../template.js";
import {
  EN_CREDITOR_IDENTITY,
  EN_INVOICES_OVERDUE,
  EN_LETTER_HEADING,
  EN_PAYMENT_METHODS,
  EN_SIGN_OFF_LETTER,
} from "./blocks-en.js";
import { message, paragraphs } from "./compose.js";

const SUBJECT =
  "Formal notice to pay and notice of default (diffida ad adempiere) - case {{case_reference}}";

const AMOUNTS = `- principal: {{formal.capital}}
- late-payment interest ({{formal.interest_rate}}): {{formal.interest}}
- costs: {{formal.costs}}
- total due: {{formal.total}}`;

const DEMAND =
  "Accordingly, under articles 1219 and 1454 of the Italian Civil Code, we formally request payment of {{formal.total}} no later than {{formal.deadline_date}} ({{formal.deadline_days}} days from the date of this letter), and hereby give you notice of default.";

const INTERRUPTION =
  "This letter also interrupts the limitation period under article 2943 of the Italian Civil Code.";

const CONSUMER_NOTICE = paragraphs(
  EN_LETTER_HEADING,
  `{{salutation}},

${EN_CREDITOR_IDENTITY} hereby informs you that, despite previous reminders, the following documents remain unpaid:
${EN_INVOICES_OVERDUE}`,
  `As of today, the amount due is made up as follows:
${AMOUNTS}`,
  DEMAND,
  `You can pay in any of the following ways:
${EN_PAYMENT_METHODS}`,
  "If this deadline passes without payment, the contract will be terminated by operation of law under article 1454 of the Civil Code, and the case may be passed to our lawyers for recovery through the courts, with further costs that we would like to spare you.",
  INTERRUPTION,
  "If you have already paid, please send us a copy of the receipt and disregard this letter. If you would like to agree a repayment plan, or believe that the amount is not owed, please contact us before the deadline: {{creditor.contact}}.",
  EN_SIGN_OFF_LETTER,
);

const B2B_NOTICE = paragraphs(
  EN_LETTER_HEADING,
  `{{salutation}},
For the attention of the Accounts Department

${EN_CREDITOR_IDENTITY} notes that, despite previous reminders, the following invoices remain unpaid:
${EN_INVOICES_OVERDUE}`,
  `As of today, the amount due is made up as follows:
${AMOUNTS}`,
  `${DEMAND} Late-payment interest continues to accrue on the overdue amounts until payment in full.`,
  `Payment can be made in any of the following ways:
${EN_PAYMENT_METHODS}`,
  "If this deadline passes without payment, the contract will be terminated by operation of law under article 1454 of the Civil Code, and the case will be passed to our lawyers for recovery through the courts, with the resulting costs charged to you.",
  INTERRUPTION,
  "If payment has already been made, please send us the transfer details and consider this letter superseded. Before the deadline we remain available to discuss a repayment plan or any documented dispute: {{creditor.contact}}.",
  EN_SIGN_OFF_LETTER,
);

const FORMAL_CHANNELS: readonly Channel[] = ["pec", "registered_letter"];

export const FORMAL_EN: readonly MessageTemplate[] = FORMAL_CHANNELS.flatMap((channel) => [
  message("notice.formal", channel, "en", CONSUMER_NOTICE, SUBJECT),
  message("b2b.notice.formal", channel, "en", B2B_NOTICE, SUBJECT),
]);
