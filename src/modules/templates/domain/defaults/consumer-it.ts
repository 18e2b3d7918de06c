/** Italian reminders to consumers: caring before the due date, then gentle reminders. */
import type { MessageTemplate } from "../template.js";
import {
  IT_ALREADY_PAID,
  IT_HARDSHIP,
  IT_HOW_TO_PAY,
  IT_INVOICES_DUE,
  IT_INVOICES_OVERDUE,
  IT_LETTER_HEADING,
  IT_OPT_OUT_EMAIL,
  IT_SIGN_OFF_EMAIL,
  IT_SIGN_OFF_LETTER,
  IT_TALK_TO_US,
} from "./blocks-it.js";
import { message, paragraphs } from "./compose.js";

const SMS_CONTACT = "Info: {{creditor.contact_short}}. {{opt_out_sms}}";

const FIRST_REMINDER_TEXT = `{{salutation}},

da un nostro controllo non risulta ancora pagato l'importo di {{balance}}, scaduto il {{oldest_due_date}}:
${IT_INVOICES_OVERDUE}

Può trattarsi di una semplice dimenticanza: Le saremmo grati se volesse provvedere al pagamento appena possibile.`;

const FOLLOWUP_TEXT = `{{salutation}},

qualche giorno fa Le abbiamo scritto a proposito dell'importo di {{balance}}, scaduto il {{oldest_due_date}}, che ad oggi risulta ancora da saldare.

La invitiamo a provvedere al pagamento oppure a contattarci se c'è qualcosa da chiarire.`;

const REMINDER_LETTER_TEXT = `{{salutation}},

nonostante i nostri precedenti promemoria, risulta ancora da saldare l'importo di {{balance}}, scaduto da {{days_overdue}} giorni, relativo ai seguenti documenti:
${IT_INVOICES_OVERDUE}

La invitiamo cortesemente a regolarizzare la Sua posizione entro 10 giorni dal ricevimento di questa comunicazione.`;

const LEGAL_HANDOFF_TEXT = `{{salutation}},

nonostante i nostri solleciti e la diffida che Le abbiamo inviato, l'importo di {{balance}} relativo alla pratica n. {{case_reference}} risulta ancora non pagato e non abbiamo ricevuto una proposta di accordo.

Con dispiacere Le comunichiamo che la pratica passa ora ai nostri legali, che ne valuteranno il recupero per via giudiziale.

È ancora possibile chiudere la pratica in modo amichevole: se paga l'importo dovuto, o ci contatta per concordare un piano di rientro, ne terremo conto prima di qualsiasi iniziativa.`;

export const CONSUMER_IT: readonly MessageTemplate[] = [
  message(
    "caring.courtesy",
    "email",
    "it",
    paragraphs(
      `{{salutation}},

Le ricordiamo con un piccolo anticipo che il {{oldest_due_date}} scadrà il pagamento di {{balance}}, relativo a:
${IT_INVOICES_DUE}`,
      IT_HOW_TO_PAY,
      IT_ALREADY_PAID,
      IT_TALK_TO_US,
      IT_SIGN_OFF_EMAIL,
      IT_OPT_OUT_EMAIL,
    ),
    "Promemoria: pagamento in scadenza il {{oldest_due_date}}",
  ),
  message(
    "caring.courtesy",
    "sms",
    "it",
    `{{salutation}}, {{creditor.name}} Le ricorda che il {{oldest_due_date}} scade il pagamento di {{balance}}. Può pagare qui: {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "reminder.first",
    "email",
    "it",
    paragraphs(
      FIRST_REMINDER_TEXT,
      IT_HOW_TO_PAY,
      IT_ALREADY_PAID,
      IT_TALK_TO_US,
      IT_SIGN_OFF_EMAIL,
      IT_OPT_OUT_EMAIL,
    ),
    "Promemoria di pagamento - {{creditor.name}}",
  ),
  message(
    "reminder.first",
    "letter",
    "it",
    paragraphs(
      IT_LETTER_HEADING,
      FIRST_REMINDER_TEXT,
      IT_HOW_TO_PAY,
      IT_ALREADY_PAID,
      IT_TALK_TO_US,
      IT_SIGN_OFF_LETTER,
    ),
    "Promemoria di pagamento",
  ),
  message(
    "reminder.first",
    "sms",
    "it",
    `{{salutation}}, {{creditor.name}} non ha ancora ricevuto il pagamento di {{balance}}, scaduto il {{oldest_due_date}}. Può pagare qui: {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "reminder.followup",
    "email",
    "it",
    paragraphs(
      FOLLOWUP_TEXT,
      IT_HOW_TO_PAY,
      IT_HARDSHIP,
      IT_ALREADY_PAID,
      IT_TALK_TO_US,
      IT_SIGN_OFF_EMAIL,
      IT_OPT_OUT_EMAIL,
    ),
    "Secondo promemoria: pagamento di {{balance}}",
  ),
  message(
    "reminder.followup",
    "letter",
    "it",
    paragraphs(
      IT_LETTER_HEADING,
      FOLLOWUP_TEXT,
      IT_HOW_TO_PAY,
      IT_HARDSHIP,
      IT_ALREADY_PAID,
      IT_TALK_TO_US,
      IT_SIGN_OFF_LETTER,
    ),
    "Secondo promemoria di pagamento",
  ),
  message(
    "reminder.followup",
    "sms",
    "it",
    `{{salutation}}, {{creditor.name}} Le ricorda il pagamento di {{balance}}, ancora da saldare. Può pagare qui: {{portal_url}} Se ha bisogno di aiuto ci contatti. ${SMS_CONTACT}`,
  ),

  message(
    "reminder.letter",
    "email",
    "it",
    paragraphs(
      REMINDER_LETTER_TEXT,
      IT_HOW_TO_PAY,
      IT_HARDSHIP,
      IT_ALREADY_PAID,
      IT_TALK_TO_US,
      IT_SIGN_OFF_EMAIL,
      IT_OPT_OUT_EMAIL,
    ),
    "Sollecito di pagamento - pratica {{case_reference}}",
  ),
  message(
    "reminder.letter",
    "letter",
    "it",
    paragraphs(
      IT_LETTER_HEADING,
      REMINDER_LETTER_TEXT,
      IT_HOW_TO_PAY,
      IT_HARDSHIP,
      IT_ALREADY_PAID,
      IT_TALK_TO_US,
      IT_SIGN_OFF_LETTER,
    ),
    "Sollecito di pagamento",
  ),

  message(
    "legal.handoff",
    "email",
    "it",
    paragraphs(
      LEGAL_HANDOFF_TEXT,
      IT_HOW_TO_PAY,
      IT_TALK_TO_US,
      IT_SIGN_OFF_EMAIL,
      IT_OPT_OUT_EMAIL,
    ),
    "Trasmissione della pratica {{case_reference}} ai legali",
  ),
  message(
    "legal.handoff",
    "letter",
    "it",
    paragraphs(
      IT_LETTER_HEADING,
      LEGAL_HANDOFF_TEXT,
      IT_HOW_TO_PAY,
      IT_TALK_TO_US,
      IT_SIGN_OFF_LETTER,
    ),
    "Trasmissione della pratica ai legali",
  ),
];
