/**
 * Italian agent call scripts. Sections in [BRACKETS] are steps; the listening
 * step branches on what the debtor says. Rules that protect the debtor (right
 * party before anything else, nothing said to third parties) come first.
 */
import type { MessageTemplate } from "../template.js";
import { message } from "./compose.js";

const IDENTITY_CHECK = `[VERIFICA DELL'IDENTITÀ]
Prima di parlare della pratica verifichi di parlare con {{debtor.name}}: chieda conferma di nome e cognome e di un dato che conosce solo l'interessato (ad esempio il codice cliente o l'indirizzo di fornitura).
- Se risponde un'altra persona: NON riveli il motivo della chiamata né l'esistenza di un debito. Dica soltanto: "La ringrazio, richiamerò. Buona giornata." Può chiedere l'orario migliore per richiamare.
- Se l'interessato non può parlare ora: chieda quando richiamare e annoti l'orario.`;

const BRANCHES = `[ASCOLTO]
"Ci sono motivi per cui il pagamento non è ancora arrivato? Mi dica pure."
Ascolti senza interrompere, poi segua il ramo corrispondente.

[A. DICE DI AVER GIÀ PAGATO]
"La ringrazio. Per aggiornare la pratica mi servirebbero data, importo e, se possibile, il CRO o TRN del bonifico."
- Annoti i dati e registri l'esito "già pagato": la pratica viene verificata prima di qualsiasi altro contatto.
- Chieda di caricare la ricevuta sul portale {{portal_url}} o di inviarla via e-mail.

[B. CONTESTA L'IMPORTO O LA FATTURA]
"Capisco. Mi può spiegare che cosa non Le risulta corretto?"
- Annoti il motivo con precisione, senza discutere nel merito.
- Registri l'esito "contestazione": i promemoria si fermano finché la contestazione non è esaminata. Spieghi che riceverà una risposta.

[C. DIFFICOLTÀ ECONOMICHE]
"La ringrazio di avermelo detto. Vediamo insieme che cosa è sostenibile per Lei."
- Proponga un piano di rientro: chieda quanto potrebbe pagare al mese e da quando.
- Se la persona è in una situazione di particolare fragilità (malattia, lutto, perdita del lavoro), registri l'esito "difficoltà" e non insista.

[D. PUÒ PAGARE SUBITO]
"Perfetto. Può pagare ora dal portale {{portal_url}} con il codice di riferimento {{rf_reference}}."
{{#has.iban}}
- Se preferisce il bonifico: IBAN {{iban}}, beneficiario {{beneficiary}}, causale {{rf_reference}}.
{{/has.iban}}
- Se non può pagare oggi, concordi una data precisa e registri la promessa di pagamento (importo e data).

[E. CHIEDE UN PIANO DI RIENTRO]
"Certamente. Quante rate Le sarebbero comode, e di che importo?"
- Registri la proposta nel piano di rientro; la conferma arriverà per iscritto con il calendario delle rate.`;

const CLOSING = `[CHIUSURA]
- Riepiloghi quanto concordato (importo, data, modalità).
- "Se ha bisogno di noi, può contattarci: {{creditor.contact}}."
- "La ringrazio per il tempo che mi ha dedicato. Buona giornata."
- Registri l'esito della chiamata.`;

export const CALLS_IT: readonly MessageTemplate[] = [
  message(
    "call.reminder",
    "call",
    "it",
    `[SALUTO]
"Buongiorno, sono {{agent.name}} e La chiamo per conto di {{creditor.name}}. Potrei parlare con {{debtor.name}}?"

${IDENTITY_CHECK}

[MOTIVO DELLA CHIAMATA]
"La chiamo per un promemoria: ci risulta ancora da saldare l'importo di {{balance}}, scaduto il {{oldest_due_date}}."
{{#invoices}}
- fattura n. {{number}} del {{issue_date}}, scaduta il {{due_date}}: {{open_amount}}
{{/invoices}}

${BRANCHES}

${CLOSING}`,
    "Chiamata di promemoria - pratica {{case_reference}}",
  ),
  message(
    "call.prelegal",
    "call",
    "it",
    `[SALUTO]
"Buongiorno, sono {{agent.name}} e La chiamo per conto di {{creditor.name}}. Potrei parlare con {{debtor.name}}?"

${IDENTITY_CHECK}

[MOTIVO DELLA CHIAMATA]
"La chiamo a proposito dell'importo di {{balance}}, scaduto da {{days_overdue}} giorni, per il quale Le abbiamo inviato anche una comunicazione formale. Prima che la pratica passi alla valutazione dei nostri legali, vorremmo trovare con Lei una soluzione."
- Mantenga un tono calmo e rispettoso: informi, non faccia pressione. Non parli di conseguenze diverse da quelle indicate qui.

${BRANCHES}

${CLOSING}`,
    "Ultima chiamata prima della valutazione legale - pratica {{case_reference}}",
  ),
  message(
    "b2b.call.accounts",
    "call",
    "it",
    `[SALUTO]
"Buongiorno, sono {{agent.name}} di {{creditor.name}}. Potrei parlare con l'ufficio amministrazione o con il responsabile dei pagamenti fornitori di {{debtor.name}}?"

[VERIFICA DELL'INTERLOCUTORE]
- Chieda nome e ruolo della persona: parli delle fatture solo con l'amministrazione o con chi è autorizzato per l'azienda.
- Se la persona giusta non è disponibile: chieda un nominativo, un recapito diretto e l'orario migliore, senza entrare nei dettagli.

[MOTIVO DELLA CHIAMATA]
"La chiamo a proposito di alcune fatture che ci risultano aperte, per un totale di {{balance}}:"
{{#invoices}}
- fattura n. {{number}} del {{issue_date}}, scadenza {{due_date}}, da saldare {{open_amount}}
{{/invoices}}

[ASCOLTO]
"Mi conferma che le fatture sono state ricevute e registrate? Quando è previsto il pagamento?"

[A. FATTURA NON RICEVUTA O NON REGISTRATA]
- Verifichi indirizzo PEC o codice destinatario SDI e offra di reinviare copia; annoti il referente.

[B. DICE DI AVER GIÀ PAGATO]
- Chieda data, importo e CRO/TRN del bonifico; registri l'esito "già pagato".

[C. CONTESTAZIONE (merce, servizio, importi)]
- Annoti il motivo e il riferimento d'ordine; registri l'esito "contestazione" e spieghi che l'ufficio competente la ricontatterà.

[D. DIFFICOLTÀ DI LIQUIDITÀ]
- Chieda quali tempi sono realistici e proponga un piano di pagamento; registri la proposta.

[E. PAGAMENTO IN PROGRAMMA O IMMEDIATO]
- Chieda la data della distinta di pagamento e registri la promessa (importo e data).
- Ricordi le modalità: portale {{portal_url}}, codice di riferimento {{rf_reference}}{{#has.iban}}, IBAN {{iban}}, beneficiario {{beneficiary}}{{/has.iban}}.

[F. CHIEDE UN PIANO DI RIENTRO]
- Raccolga la proposta (numero di rate, importi, date); la conferma arriverà per iscritto.

[CHIUSURA]
- Riepiloghi quanto concordato e il nome del referente.
- "Per qualsiasi necessità: {{creditor.contact}}. Grazie e buon lavoro."
- Registri l'esito della chiamata.`,
    "Chiamata all'ufficio amministrazione - pratica {{case_reference}}",
  ),
];
