/**
 * Paragraphs shared by the English templates: how to pay, how to reach a
 * person, how to stop e-mails. Plain, polite British-style English.
 */

export const EN_INVOICES_DUE = `{{#invoices}}
- invoice {{number}} of {{issue_date}}, due on {{due_date}}: {{open_amount}}
{{/invoices}}`;

export const EN_INVOICES_OVERDUE = `{{#invoices}}
- invoice {{number}} of {{issue_date}}, due on {{due_date}}: {{open_amount}} outstanding
{{/invoices}}`;

export const EN_INVOICES_B2B = `{{#invoices}}
- invoice {{number}} of {{issue_date}}, due {{due_date}}, amount {{amount}}, outstanding {{open_amount}}
{{/invoices}}`;

export const EN_HOW_TO_PAY = `You can pay quickly and securely online: {{portal_url}}
Your payment reference is {{rf_reference}}.
{{#has.iban}}
If you prefer a bank transfer: IBAN {{iban}}, account holder {{beneficiary}}, reference {{rf_reference}}.
{{/has.iban}}
{{#has.pagopa}}
You can also pay through pagoPA with notice number {{pagopa_notice}}.
{{/has.pagopa}}`;

/** The itemised payment methods of formal letters, as a list. */
export const EN_PAYMENT_METHODS = `- online: {{portal_url}}
{{#has.iban}}
- bank transfer: IBAN {{iban}}, account holder {{beneficiary}}, reference {{rf_reference}}
{{/has.iban}}
{{#has.pagopa}}
- pagoPA, notice number {{pagopa_notice}}
{{/has.pagopa}}
- payment reference: {{rf_reference}}`;

export const EN_TALK_TO_US =
  "If you have any questions, or would like to speak to a person, we are here to help: {{creditor.contact}}.";

export const EN_ALREADY_PAID =
  "If you have already paid, thank you, and please disregard this message.";

export const EN_ALREADY_PAID_B2B =
  "If payment has already been made, please let us know the date and the transfer details so that we can update our records, and disregard this message.";

export const EN_HARDSHIP =
  "If you are going through a difficult time, please tell us: we can agree on a manageable solution together, such as paying in instalments.";

export const EN_OPT_OUT_EMAIL =
  "If you would rather not receive these messages by email, let us know here: {{opt_out_url}}";

export const EN_SIGN_OFF_EMAIL = "Kind regards\n{{creditor.name}}";

export const EN_SIGN_OFF_LETTER = "Yours sincerely\n{{creditor.legal_name}}";

/**
 * Nothing: the letter renderer prints the place, date and case reference above the
 * subject (a heading here would say them twice). Kept so a tenant's own letter
 * templates can add lines at the top.
 */
export const EN_LETTER_HEADING = "";

export const EN_CREDITOR_IDENTITY =
  "{{creditor.legal_name}}{{#has.creditor_vat}} (VAT number {{creditor.vat_number}}){{/has.creditor_vat}}";
