/** Italian service messages: confirmations and replies sent when the debtor acts. */
import type { MessageTemplate } from "../template.js";
import {
  IT_HOW_TO_PAY,
  IT_LETTER_HEADING,
  IT_OPT_OUT_EMAIL,
  IT_SIGN_OFF_EMAIL,
  IT_SIGN_OFF_LETTER,
  IT_TALK_TO_US,
} from "./blocks-it.js";
import { message, paragraphs } from "./compose.js";

const SMS_CONTACT = "Info: {{creditor.contact_short}}. {{opt_out_sms}}";

const PLAN_TEXT = `{{salutation}},

La ringraziamo: Le confermiamo il piano di rientro concordato per la pratica n. {{case_reference}}, per un totale di {{plan.total}} in {{plan.installment_count}} rate.
{{#has.plan_down_payment}}
È previsto un acconto iniziale di {{plan.down_payment}}.
{{/has.plan_down_payment}}

Il calendario delle rate:
{{#plan.installments}}
- rata {{seq}}: {{amount}} entro il {{due_date}}
{{/plan.installments}}

Finché le rate sono pagate regolarmente non riceverà solleciti per questa pratica. Se una scadenza dovesse diventare difficile da rispettare, ci contatti prima: troveremo insieme una soluzione.`;

export const SERVICE_IT: readonly MessageTemplate[] = [
  message(
    "promise.confirmation",
    "email",
    "it",
    paragraphs(
      `{{salutation}},

La ringraziamo per la disponibilità. Le confermiamo il Suo impegno a pagare {{promise.amount}} entro il {{promise.date}} per la pratica n. {{case_reference}}.`,
      IT_HOW_TO_PAY,
      IT_TALK_TO_US,
      IT_SIGN_OFF_EMAIL,
      IT_OPT_OUT_EMAIL,
    ),
    "Conferma del Suo impegno di pagamento",
  ),
  message(
    "promise.confirmation",
    "sms",
    "it",
    `{{salutation}}, grazie: {{creditor.name}} conferma il Suo impegno a pagare {{promise.amount}} entro il {{promise.date}}. Può pagare qui: {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "plan.confirmation",
    "email",
    "it",
    paragraphs(PLAN_TEXT, IT_HOW_TO_PAY, IT_TALK_TO_US, IT_SIGN_OFF_EMAIL, IT_OPT_OUT_EMAIL),
    "Conferma del piano di rientro - pratica {{case_reference}}",
  ),
  message(
    "plan.confirmation",
    "letter",
    "it",
    paragraphs(IT_LETTER_HEADING, PLAN_TEXT, IT_HOW_TO_PAY, IT_TALK_TO_US, IT_SIGN_OFF_LETTER),
    "Conferma del piano di rientro",
  ),
  message(
    "plan.confirmation",
    "sms",
    "it",
    `{{salutation}}, confermiamo il piano di rientro con {{creditor.name}}: {{plan.installment_count}} rate, totale {{plan.total}}, prima rata il {{plan.first_due_date}}. Dettagli e pagamento: {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "optout.confirmation",
    "sms",
    "it",
    "{{salutation}}, abbiamo registrato la Sua richiesta: non riceverà più SMS da {{creditor.name}}. La pratica resta consultabile e pagabile qui: {{portal_url}} Info: {{creditor.contact_short}}",
  ),
  message(
    "optout.confirmation",
    "email",
    "it",
    paragraphs(
      `{{salutation}},

abbiamo registrato la Sua richiesta: non riceverà più messaggi via e-mail da {{creditor.name}} per la pratica n. {{case_reference}}. Potremo comunque contattarLa con gli altri canali che ci ha indicato.`,
      IT_HOW_TO_PAY,
      IT_TALK_TO_US,
      IT_SIGN_OFF_EMAIL,
    ),
    "Conferma: non riceverà più e-mail",
  ),

  message(
    "proof.request",
    "email",
    "it",
    paragraphs(
      `{{salutation}},

grazie per averci segnalato di aver già pagato l'importo di {{balance}} relativo alla pratica n. {{case_reference}}.

Per aggiornare la pratica, La preghiamo di inviarci copia della ricevuta o gli estremi del pagamento (data, importo e, per un bonifico, il codice CRO o TRN), rispondendo a questa e-mail o caricandola sul portale: {{portal_url}}`,
      "Se invece il pagamento non fosse ancora stato effettuato, trova qui le modalità per provvedere.",
      IT_HOW_TO_PAY,
      IT_TALK_TO_US,
      IT_SIGN_OFF_EMAIL,
      IT_OPT_OUT_EMAIL,
    ),
    "Ricevuta di pagamento - pratica {{case_reference}}",
  ),
  message(
    "proof.request",
    "sms",
    "it",
    `{{salutation}}, {{creditor.name}} La ringrazia della segnalazione. Per aggiornare la pratica ci invii la ricevuta del pagamento di {{balance}} dal portale {{portal_url}} ${SMS_CONTACT}`,
  ),

  message(
    "reply.acknowledgement",
    "email",
    "it",
    paragraphs(
      `{{salutation}},

La ringraziamo per il Suo messaggio relativo alla pratica n. {{case_reference}}: lo abbiamo ricevuto e una persona del nostro servizio clienti Le risponderà al più presto.`,
      "Per Sua comodità, Le ricordiamo come consultare e pagare la pratica.",
      IT_HOW_TO_PAY,
      IT_TALK_TO_US,
      IT_SIGN_OFF_EMAIL,
      IT_OPT_OUT_EMAIL,
    ),
    "Abbiamo ricevuto il Suo messaggio - pratica {{case_reference}}",
  ),
];
