/**
 * Writes one message for a case: the template's text filled from the case, in
 * the debtor's language, as plain text (SMS, email text part, letter body) and
 * HTML (email), and for letters and PEC the letter laid out for the PDF.
 */
import { paymentInstructions } from "../../payments/domain/payment-instructions.js";
import type { TemplateContext } from "../../templates/domain/context.js";
import {
  formatDate,
  formatLongDate,
  formatMoney,
  groupInFours,
} from "../../templates/domain/format.js";
import { renderTemplate } from "../../templates/domain/render.js";
import type { MessageTemplate, TemplateLanguage } from "../../templates/domain/template.js";
import type { LetterInput } from "../letters/letter.js";
import type { ChannelSettings } from "./channel-settings.js";
import type { MessageChannel } from "./choose-recipient.js";
import { formalNoticeAmounts } from "./formal-notice.js";

export interface ComposeInput {
  channel: MessageChannel;
  template: MessageTemplate;
  today: string;
  caseRow: {
    reference: string;
    tenantName: string;
    legalName: string | null;
    tenantVat: string | null;
    currency: string;
    debtorName: string;
    firstName: string | null;
    lastName: string | null;
    debtorKind: "person" | "company";
  };
  invoices: ReadonlyArray<{
    number: string;
    issueDate: string;
    dueDate: string;
    amountMinor: bigint;
    openAmountMinor: bigint;
  }>;
  settings: ChannelSettings;
  recipientAddress: Record<string, string> | null;
  links: { portalUrl: string; optOutUrl: string };
}

export interface ComposedMessage {
  subject: string | null;
  text: string;
  html: string | null;
  letter: LetterInput | null;
}

/** The debtor's language if Saldo writes it, else English. */
export function messageLanguage(tag: string): TemplateLanguage {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return primary === "it" ? "it" : "en";
}

export function composeMessage(input: ComposeInput): ComposedMessage {
  const context = templateContext(input);
  const text = renderTemplate(input.template, context, "text");
  const html =
    input.channel === "email" || input.channel === "pec"
      ? renderTemplate(input.template, context, "html").body
      : null;
  const withLetter =
    input.channel === "letter" || input.channel === "registered_letter" || input.channel === "pec";
  return {
    subject: text.subject ?? null,
    text: text.body,
    html,
    letter: withLetter ? letterFor(input, context, text.subject ?? "", text.body) : null,
  };
}

/** The case's (or, for a formal notice, the total's) payment references and QR payloads. */
function instructionsFor(input: ComposeInput, amountMinor: bigint, beneficiary: string) {
  const { payment } = input.settings;
  return paymentInstructions({
    caseReference: input.caseRow.reference,
    amountMinor,
    currency: input.caseRow.currency,
    beneficiary,
    ...(payment.iban ? { iban: payment.iban } : {}),
    ...(payment.bic ? { bic: payment.bic } : {}),
    ...(payment.pagoPa ? { pagoPa: payment.pagoPa } : {}),
  });
}

export function templateContext(input: ComposeInput): TemplateContext {
  const { caseRow, settings } = input;
  const balance = input.invoices.reduce((sum, i) => sum + i.openAmountMinor, 0n);
  const oldest = input.invoices.find((i) => i.openAmountMinor > 0n)?.dueDate ?? input.today;
  const beneficiary = settings.payment.beneficiary ?? caseRow.legalName ?? caseRow.tenantName;
  const refs = instructionsFor(input, balance, beneficiary);
  const formal = formalNoticeAmounts({
    invoices: input.invoices,
    today: input.today,
    interestRatePercent: settings.formalNotice.interestRatePercent,
    debtorKind: caseRow.debtorKind,
    b2bFlatCostMinor: settings.formalNotice.b2bFlatCostMinor,
  });
  const language = input.template.language;
  const letter = settings.letter;
  return {
    language,
    today: input.today,
    debtor: {
      name: caseRow.debtorName,
      kind: caseRow.debtorKind,
      ...(caseRow.firstName ? { firstName: caseRow.firstName } : {}),
      ...(caseRow.lastName ? { lastName: caseRow.lastName } : {}),
    },
    creditor: {
      name: caseRow.tenantName,
      ...(caseRow.legalName ? { legalName: caseRow.legalName } : {}),
      ...(caseRow.tenantVat ? { vatNumber: caseRow.tenantVat } : {}),
      ...(letter.email ? { email: letter.email } : {}),
      ...(letter.phone ? { phone: letter.phone } : {}),
      ...(letter.website ? { website: letter.website } : {}),
      ...(letter.addressLines.length ? { address: letter.addressLines.join(", ") } : {}),
    },
    case: {
      reference: caseRow.reference,
      balanceMinor: balance,
      currency: caseRow.currency,
      oldestDueDate: oldest,
      daysOverdue: Math.max(0, Math.round((Date.parse(input.today) - Date.parse(oldest)) / 864e5)),
    },
    invoices: input.invoices.map((i) => ({ ...i })),
    payment: {
      portalUrl: input.links.portalUrl,
      rfReference: refs.rfReferencePrinted,
      ...(settings.payment.iban ? { iban: settings.payment.iban } : {}),
      beneficiary,
      ...(refs.pagoPa ? { pagoPaNoticeNumber: refs.pagoPa.noticeNumber } : {}),
    },
    optOut: {
      url: input.links.optOutUrl,
      smsKeyword: "STOP",
      ...(settings.sms.replyNumber ? { smsNumber: settings.sms.replyNumber } : {}),
    },
    formal: {
      ...formal,
      deadlineDate: addDays(input.today, settings.formalNotice.deadlineDays),
      interestRateLabel: interestLabel(settings.formalNotice.interestRatePercent, language),
    },
  };
}

function letterFor(
  input: ComposeInput,
  context: TemplateContext,
  subject: string,
  body: string,
): LetterInput {
  const { settings, caseRow } = input;
  const language = input.template.language;
  const money = (minor: bigint) => formatMoney(minor, caseRow.currency, language);
  const formal = context.formal;
  const isFormal = /notice\.formal|legal/.test(input.template.id) && formal;
  const labels =
    language === "it"
      ? { capital: "Capitale", interest: "Interessi", costs: "Spese", total: "Totale dovuto" }
      : { capital: "Principal", interest: "Interest", costs: "Costs", total: "Total due" };
  const rows = isFormal
    ? [
        { label: labels.capital, amount: money(formal.capitalMinor) },
        {
          label: `${labels.interest} (${formal.interestRateLabel})`,
          amount: money(formal.interestMinor),
        },
        { label: labels.costs, amount: money(formal.costsMinor) },
      ]
    : input.invoices.map((i) => ({
        label: `${language === "it" ? "Fattura" : "Invoice"} ${i.number} · ${formatDate(i.dueDate, language)}`,
        amount: money(i.openAmountMinor),
      }));
  const total = isFormal ? formal.totalMinor : context.case.balanceMinor;
  return {
    language,
    letterhead: {
      name: caseRow.legalName ?? caseRow.tenantName,
      addressLines: settings.letter.addressLines,
      ...(caseRow.tenantVat ? { vatNumber: caseRow.tenantVat } : {}),
      ...(settings.letter.email ? { email: settings.letter.email } : {}),
      ...(settings.letter.phone ? { phone: settings.letter.phone } : {}),
      ...(settings.letter.website ? { website: settings.letter.website } : {}),
      ...(settings.letter.colour ? { colour: settings.letter.colour } : {}),
    },
    returnAddress: settings.letter.returnAddress,
    recipient: { name: caseRow.debtorName, lines: addressLines(input.recipientAddress) },
    place: settings.letter.place,
    date: formatLongDate(input.today, language),
    reference: caseRow.reference,
    subject,
    body,
    amounts: { rows, total: { label: labels.total, amount: money(total) } },
    payment: paymentBox(input, context, total),
    ...(input.channel === "registered_letter" ? { registered: {} } : {}),
    window: settings.letter.window,
  };
}

function paymentBox(input: ComposeInput, context: TemplateContext, totalMinor: bigint) {
  const { payment } = input.settings;
  const it = input.template.language === "it";
  const refs = instructionsFor(
    input,
    totalMinor,
    context.payment.beneficiary ?? input.caseRow.tenantName,
  );
  const lines = [
    `${it ? "Riferimento di pagamento" : "Payment reference"}: ${context.payment.rfReference}`,
    ...(payment.iban ? [`IBAN: ${groupInFours(payment.iban)}`] : []),
    `${it ? "Beneficiario" : "Beneficiary"}: ${context.payment.beneficiary}`,
    `${it ? "Online" : "Online"}: ${input.links.portalUrl}`,
  ];
  const qrCodes = [];
  if (refs.bankTransfer?.epcQrPayload) {
    qrCodes.push({
      label: it ? "Bonifico (QR EPC)" : "Bank transfer (EPC QR)",
      payload: refs.bankTransfer.epcQrPayload,
    });
  }
  if (refs.pagoPa) {
    lines.push(
      `${it ? "Avviso pagoPA" : "pagoPA notice"}: ${groupInFours(refs.pagoPa.noticeNumber)}`,
    );
    qrCodes.push({ label: "pagoPA", payload: refs.pagoPa.qrPayload });
  }
  return { lines, qrCodes };
}

/** A postal address as the lines of an Italian address block (CAP, CITTÀ, province). */
export function addressLines(address: Record<string, string> | null): string[] {
  if (!address) return [];
  const city = [address.postalCode, address.city?.toUpperCase(), address.province]
    .filter(Boolean)
    .join(" ");
  const country = address.country && address.country !== "IT" ? [address.country] : [];
  return [address.line1, address.line2, city, ...country].filter((l): l is string => !!l);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 864e5).toISOString().slice(0, 10);
}

function interestLabel(ratePercent: number, language: TemplateLanguage): string {
  const rate = ratePercent.toLocaleString(language === "it" ? "it-IT" : "en-GB");
  return language === "it" ? `${rate}% annuo` : `${rate}% a year`;
}
