/**
 * Italian formal notices: "diffida ad adempiere e costituzione in mora"
 * (artt. 1219 and 1454 c.c.), by PEC or registered letter. Firm and precise,
 * never rude: the itemised amount, a deadline of at least 15 days, how to pay,
 * what happens next, and a person to talk to before the deadline.
 */
import type { Channel, MessageTemplate } from "../template.js";
import {
  IT_CREDITOR_IDENTITY,
  IT_INVOICES_OVERDUE,
  IT_LETTER_HEADING,
  IT_PAYMENT_METHODS,
  IT_SIGN_OFF_LETTER,
} from "./blocks-it.js";
import { message, paragraphs } from "./compose.js";

const SUBJECT = "Diffida ad adempiere e costituzione in mora - pratica {{case_reference}}";

const AMOUNTS = `- capitale: {{formal.capital}}
- interessi di mora ({{formal.interest_rate}}): {{formal.interest}}
- spese: {{formal.costs}}
- totale dovuto: {{formal.total}}`;

const CONSUMER_NOTICE = paragraphs(
  IT_LETTER_HEADING,
  `{{salutation}},

con la presente ${IT_CREDITOR_IDENTITY} Le comunica che, nonostante i precedenti solleciti, risultano tuttora non pagati i seguenti documenti:
${IT_INVOICES_OVERDUE}`,
  `Alla data odierna l'importo dovuto è così composto:
${AMOUNTS}`,
  "Pertanto, ai sensi e per gli effetti degli artt. 1219 e 1454 del Codice Civile, La invitiamo formalmente a pagare la somma di {{formal.total}} entro e non oltre il {{formal.deadline_date}} ({{formal.deadline_days}} giorni dalla data della presente) e, con la presente, La costituiamo in mora.",
  `Può pagare con una delle seguenti modalità:
${IT_PAYMENT_METHODS}`,
  "Decorso inutilmente tale termine, il contratto si intenderà risolto di diritto ai sensi dell'art. 1454 c.c. e la pratica potrà essere affidata ai nostri legali per il recupero del credito in sede giudiziale, con ulteriori costi che desideriamo evitarLe.",
  "La presente vale anche quale atto di interruzione della prescrizione ai sensi dell'art. 2943 c.c.",
  "Se ha già provveduto al pagamento, La preghiamo di inviarci copia della ricevuta e di non tenere conto della presente. Se desidera concordare un piano di rientro, o ritiene che l'importo non sia dovuto, La invitiamo a contattarci prima della scadenza: {{creditor.contact}}.",
  IT_SIGN_OFF_LETTER,
);

const B2B_NOTICE = paragraphs(
  IT_LETTER_HEADING,
  `{{salutation}},
alla c.a. dell'Amministrazione

con la presente ${IT_CREDITOR_IDENTITY} rileva che, nonostante i precedenti solleciti, risultano tuttora non saldate le seguenti fatture:
${IT_INVOICES_OVERDUE}`,
  `Alla data odierna l'importo dovuto è così composto:
${AMOUNTS}`,
  "Pertanto, ai sensi e per gli effetti degli artt. 1219 e 1454 del Codice Civile, Vi invitiamo formalmente a pagare la somma di {{formal.total}} entro e non oltre il {{formal.deadline_date}} ({{formal.deadline_days}} giorni dalla data della presente) e, con la presente, Vi costituiamo in mora. Sulle somme scadute continuano a maturare gli interessi di mora fino al saldo.",
  `Il pagamento può essere effettuato con una delle seguenti modalità:
${IT_PAYMENT_METHODS}`,
  "Decorso inutilmente tale termine, il contratto si intenderà risolto di diritto ai sensi dell'art. 1454 c.c. e la pratica sarà affidata ai nostri legali per il recupero del credito in sede giudiziale, con aggravio di costi a Vostro carico.",
  "La presente vale anche quale atto di interruzione della prescrizione ai sensi dell'art. 2943 c.c.",
  "Qualora il pagamento sia già stato disposto, Vi preghiamo di trasmetterci gli estremi del bonifico e di considerare superata la presente. Restiamo disponibili, prima della scadenza indicata, a valutare un piano di rientro o eventuali contestazioni documentate: {{creditor.contact}}.",
  IT_SIGN_OFF_LETTER,
);

const FORMAL_CHANNELS: readonly Channel[] = ["pec", "registered_letter"];

export const FORMAL_IT: readonly MessageTemplate[] = FORMAL_CHANNELS.flatMap((channel) => [
  message("notice.formal", channel, "it", CONSUMER_NOTICE, SUBJECT),
  message("b2b.notice.formal", channel, "it", B2B_NOTICE, SUBJECT),
]);
