/**
 * Italian messages to companies (the accounts department). Business letters
 * address a company in the plural ("Vi", "Vostra"). E-mails carry the opt-out
 * link; PEC and letters carry a date line and the legal name instead.
 */
import type { Channel, MessageTemplate } from "../template.js";
import {
  IT_ALREADY_PAID_B2B,
  IT_HOW_TO_PAY_B2B,
  IT_INVOICES_B2B,
  IT_LETTER_HEADING,
  IT_OPT_OUT_EMAIL_B2B,
  IT_SIGN_OFF_EMAIL,
  IT_SIGN_OFF_LETTER,
  IT_TALK_TO_US_B2B,
} from "./blocks-it.js";
import { message, paragraphs } from "./compose.js";

function b2bMessage(
  id: string,
  channel: Channel,
  subject: string,
  ...content: readonly string[]
): MessageTemplate {
  const body =
    channel === "email"
      ? paragraphs(...content, IT_SIGN_OFF_EMAIL, IT_OPT_OUT_EMAIL_B2B)
      : paragraphs(IT_LETTER_HEADING, ...content, IT_SIGN_OFF_LETTER);
  return message(id, channel, "it", body, subject);
}

const OPENING = "{{salutation}},\nalla c.a. dell'Ufficio Amministrazione";

const INVOICE_CHECK = [
  `${OPENING}

Vi scriviamo per verificare che le seguenti fatture, in scadenza il {{oldest_due_date}}, siano state regolarmente ricevute e registrate:
${IT_INVOICES_B2B}`,
  "Se riscontrate qualche anomalia (dati di fatturazione, riferimento d'ordine, importi), Vi saremo grati se ce la segnalaste ora, così da poterla correggere prima della scadenza.",
  IT_HOW_TO_PAY_B2B,
  IT_TALK_TO_US_B2B,
];

const FIRST_REMINDER = [
  `${OPENING}

da un controllo contabile risultano ancora aperte le seguenti fatture, per un totale di {{balance}}:
${IT_INVOICES_B2B}`,
  "Vi chiediamo cortesemente di verificare e di disporre il pagamento. Se qualche fattura non Vi risulta ricevuta o presenta un problema, segnalatecelo: Vi invieremo copia o la correggeremo.",
  IT_HOW_TO_PAY_B2B,
  IT_ALREADY_PAID_B2B,
  IT_TALK_TO_US_B2B,
];

const SECOND_REMINDER = [
  `${OPENING}

facciamo seguito al nostro precedente sollecito: ad oggi risultano ancora non saldate le seguenti fatture, per un totale di {{balance}}, la più vecchia scaduta da {{days_overdue}} giorni:
${IT_INVOICES_B2B}`,
  "Vi invitiamo a provvedere al pagamento entro 10 giorni dal ricevimento della presente. Vi ricordiamo che sulle somme scadute maturano gli interessi di mora previsti dal D.Lgs. 231/2002. In assenza di pagamento o di un Vostro riscontro, la pratica proseguirà con l'invio di una diffida formale.",
  IT_HOW_TO_PAY_B2B,
  IT_ALREADY_PAID_B2B,
  "Se l'azienda sta attraversando una temporanea difficoltà di liquidità, contattateci: possiamo valutare insieme un piano di pagamento.",
  IT_TALK_TO_US_B2B,
];

const LEGAL_HANDOFF = [
  `${OPENING}

nonostante i solleciti e la diffida ad adempiere a Voi inviata, l'importo di {{balance}} relativo alla pratica n. {{case_reference}} risulta ancora non pagato, né abbiamo ricevuto una proposta di accordo.`,
  "Vi comunichiamo pertanto che la pratica è affidata ai nostri legali per il recupero del credito in sede giudiziale, con ogni ulteriore costo a Vostro carico.",
  "È ancora possibile definire la posizione in via amichevole: il pagamento integrale, o un piano di rientro concordato per iscritto, ci consentirà di sospendere ogni iniziativa.",
  IT_HOW_TO_PAY_B2B,
  IT_TALK_TO_US_B2B,
];

export const B2B_IT: readonly MessageTemplate[] = [
  ...(["email", "pec"] as const).map((channel) =>
    b2bMessage(
      "b2b.caring.invoice_check",
      channel,
      "Verifica fatture in scadenza il {{oldest_due_date}} - {{creditor.name}}",
      ...INVOICE_CHECK,
    ),
  ),
  ...(["email", "letter", "pec"] as const).map((channel) =>
    b2bMessage(
      "b2b.reminder.first",
      channel,
      "Sollecito di pagamento fatture - {{creditor.name}}",
      ...FIRST_REMINDER,
    ),
  ),
  ...(["email", "pec", "registered_letter"] as const).map((channel) =>
    b2bMessage(
      "b2b.reminder.second",
      channel,
      "Secondo sollecito di pagamento - pratica {{case_reference}}",
      ...SECOND_REMINDER,
    ),
  ),
  ...(["pec", "registered_letter"] as const).map((channel) =>
    b2bMessage(
      "b2b.legal.handoff",
      channel,
      "Affidamento della pratica {{case_reference}} ai legali",
      ...LEGAL_HANDOFF,
    ),
  ),
];
