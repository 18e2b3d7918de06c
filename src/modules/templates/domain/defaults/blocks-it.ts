/**
 * Paragraphs shared by the Italian templates, so every message says the same
 * thing the same way: how to pay, how to reach a person, how to stop e-mails.
 * Consumers are addressed with "Lei"; companies, as Italian business letters do,
 * with "Voi" ("Vi preghiamo").
 */

export const IT_INVOICES_DUE = `{{#invoices}}
- fattura n. {{number}} del {{issue_date}}, in scadenza il {{due_date}}: {{open_amount}}
{{/invoices}}`;

export const IT_INVOICES_OVERDUE = `{{#invoices}}
- fattura n. {{number}} del {{issue_date}}, scaduta il {{due_date}}: {{open_amount}}
{{/invoices}}`;

export const IT_INVOICES_B2B = `{{#invoices}}
- fattura n. {{number}} del {{issue_date}}, scadenza {{due_date}}, importo {{amount}}, da saldare {{open_amount}}
{{/invoices}}`;

export const IT_HOW_TO_PAY = `Può pagare in modo semplice e sicuro dal portale: {{portal_url}}
Il codice di riferimento del pagamento è {{rf_reference}}.
{{#has.iban}}
Se preferisce il bonifico bancario: IBAN {{iban}}, beneficiario {{beneficiary}}, causale {{rf_reference}}.
{{/has.iban}}
{{#has.pagopa}}
Può pagare anche tramite pagoPA con il codice avviso {{pagopa_notice}}.
{{/has.pagopa}}`;

export const IT_HOW_TO_PAY_B2B = `Potete pagare dal portale {{portal_url}} (codice di riferimento {{rf_reference}}).
{{#has.iban}}
In alternativa, con bonifico bancario: IBAN {{iban}}, beneficiario {{beneficiary}}, causale {{rf_reference}}.
{{/has.iban}}
{{#has.pagopa}}
È possibile pagare anche tramite pagoPA con il codice avviso {{pagopa_notice}}.
{{/has.pagopa}}`;

/** The itemised payment methods of formal letters, as a list. */
export const IT_PAYMENT_METHODS = `- online dal portale: {{portal_url}}
{{#has.iban}}
- bonifico bancario: IBAN {{iban}}, beneficiario {{beneficiary}}, causale {{rf_reference}}
{{/has.iban}}
{{#has.pagopa}}
- pagoPA, codice avviso {{pagopa_notice}}
{{/has.pagopa}}
- codice di riferimento del pagamento: {{rf_reference}}`;

export const IT_TALK_TO_US =
  "Per qualsiasi chiarimento, o se desidera parlare con una persona, siamo a Sua disposizione: {{creditor.contact}}.";

export const IT_TALK_TO_US_B2B =
  "Per qualsiasi chiarimento il nostro ufficio amministrativo è a Vostra disposizione: {{creditor.contact}}.";

export const IT_ALREADY_PAID =
  "Se ha già provveduto al pagamento, La ringraziamo e La preghiamo di non tenere conto di questo messaggio.";

export const IT_ALREADY_PAID_B2B =
  "Se il pagamento è già stato disposto, Vi preghiamo di comunicarci la data e gli estremi del bonifico, così da aggiornare la posizione; in tal caso non tenete conto di questo messaggio.";

export const IT_HARDSHIP =
  "Se sta attraversando un momento di difficoltà, ce lo dica: potremo valutare insieme una soluzione sostenibile, ad esempio un pagamento a rate.";

export const IT_OPT_OUT_EMAIL =
  "Se preferisce non ricevere più questi messaggi via e-mail, può indicarlo qui: {{opt_out_url}}";

export const IT_OPT_OUT_EMAIL_B2B =
  "Per non ricevere più questi messaggi via e-mail a questo indirizzo: {{opt_out_url}}";

export const IT_SIGN_OFF_EMAIL = "Cordiali saluti\n{{creditor.name}}";

export const IT_SIGN_OFF_LETTER = "Distinti saluti\n{{creditor.legal_name}}";

/**
 * Nothing: the letter renderer prints the place, date and case reference above the
 * subject (a heading here would say them twice). Kept so a tenant's own letter
 * templates can add lines at the top.
 */
export const IT_LETTER_HEADING = "";

/** Identifies the sender of a formal letter: legal name and, when known, VAT number. */
export const IT_CREDITOR_IDENTITY =
  "{{creditor.legal_name}}{{#has.creditor_vat}} (P.IVA {{creditor.vat_number}}){{/has.creditor_vat}}";
