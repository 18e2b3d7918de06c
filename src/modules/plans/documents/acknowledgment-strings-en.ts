import type { AcknowledgmentStrings } from "./acknowledgment-strings.js";

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six"];
const count = (n: number) => NUMBER_WORDS[n] ?? String(n);
const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

/** English: the contract speaks of the “Debtor” and the “Creditor”; notes to the reader use "you". */
export const ACKNOWLEDGMENT_EN: AcknowledgmentStrings = {
  title: "Acknowledgment of debt and repayment plan",
  subtitle: "under Article 1988 of the Italian Civil Code",
  caseLine: (reference, date) => `Case ${reference} · Document dated ${date}`,
  creditor: "Creditor",
  debtor: "Debtor",
  vatNumber: "VAT No.",
  taxCode: "Tax code",
  acknowledgmentTitle: "1. Acknowledgment of debt",
  acknowledgment: (debtor, creditor, total) =>
    `${debtor} (the “Debtor”) acknowledges owing ${creditor} (the “Creditor”) the total sum of ` +
    `${total}, due under the documents listed below, for the purposes of Article 1988 of the ` +
    "Italian Civil Code.",
  debtColumns: ["Document", "Date", "Due date", "Amount open"],
  invoice: (number) => `Invoice no. ${number}`,
  debtTotal: "Total acknowledged",
  planTitle: "2. Repayment plan",
  planIntro: (installments, frequency, downPayment) => {
    const down = downPayment ? `, after a down payment of ${downPayment},` : "";
    const cadence =
      installments === 1
        ? "in a single installment"
        : frequency === "monthly"
          ? `in ${installments} monthly installments`
          : frequency === "weekly"
            ? `in ${installments} weekly installments`
            : `in ${installments} installments, one every two weeks,`;
    const dates =
      installments === 1 && !downPayment ? "on the following date" : "on the following dates";
    return `The Creditor agrees that the acknowledged sum may be paid${down} ${cadence} ${dates}:`;
  },
  planColumns: ["Installment", "Due date", "Amount"],
  downPayment: "Down payment",
  planTotal: "Plan total",
  paymentTitle: "3. How to pay",
  paymentIntro:
    "Payments are made by SEPA credit transfer to the account below, always quoting the RF " +
    "reference as the payment reference, so that each payment is applied to the plan at once.",
  paymentBox: "Bank transfer details",
  beneficiary: "Beneficiary",
  paymentReference: "Payment reference",
  contact: (ways) =>
    `If you have any questions, or expect difficulty with an installment, please contact us ` +
    `before it falls due (${ways}) and we will find a solution together.`,
  termsTitle: "4. Terms",
  allocationTitle: "Application of payments",
  allocation:
    "Each payment is applied to the installments of the plan: first to the installment named in " +
    "the payment reference, if any, then to the unpaid installments, oldest due date first. The " +
    "Debtor may pay early, in full or in part, at any time.",
  forfeitureTitle: "Loss of the benefit of the term (Article 1186 of the Italian Civil Code)",
  forfeiture: ({ missedInstallments, graceDays, brokenAfterDays }) => {
    const missed =
      missedInstallments === 1
        ? `fails to pay an installment ${graceDays > 0 ? `within ${days(graceDays)} of its due date` : "by its due date"}`
        : `fails to pay ${count(missedInstallments)} installments, consecutive or not, ` +
          (graceDays > 0 ? `within ${days(graceDays)} of their due dates` : "by their due dates");
    const longLate =
      missedInstallments > 1 && brokenAfterDays > graceDays
        ? `, or leaves one installment unpaid for more than ${days(brokenAfterDays)} after its due date`
        : "";
    return (
      `If the Debtor ${missed}${longLate}, the Debtor loses the benefit of the term: the ` +
      "Creditor may then demand in writing immediate payment of the whole amount still owed."
    );
  },
  noNovationTitle: "No novation",
  noNovation:
    "The plan changes only when payment is due. It does not extinguish or replace the original " +
    "obligation, which remains governed by the documents listed above, together with its guarantees.",
  settlementTitle: "Settlement",
  settlement:
    "Once every installment of the plan has been paid, the acknowledged debt is fully settled.",
  privacyTitle: "Privacy notice",
  privacy: (controller, contact) =>
    `${controller}, as data controller, processes the personal data in this document and the ` +
    "data recorded at signature (date and time, the channel and address the code was sent to, IP " +
    "address) only to manage the repayment plan, to prove the signature and to protect its claim, " +
    "in accordance with Regulation (EU) 2016/679 (GDPR). The data are kept only as long as these " +
    "purposes and the law require. The Debtor may exercise the rights of access, rectification, " +
    `erasure, restriction and objection by writing to ${contact}, and may lodge a complaint with ` +
    "the Italian data protection authority (Garante per la protezione dei dati personali).",
  signatureTitle: "5. Electronic signature",
  signature:
    "The Debtor signs this document electronically by entering the six-digit one-time code sent " +
    "by text message or email. At the moment of signing, the date and time, the channel and " +
    "address the code was sent to, and the SHA-256 fingerprint of this document are recorded; the " +
    "fingerprint shows that the signed text has not been changed.",
  signatureBoxLabel: "The Debtor",
  signatureBoxNote: "Electronic signature with a one-time code",
  footer: (reference) => `Acknowledgment of debt · Case ${reference}`,
  pageOf: (page, total) => `Page ${page} of ${total}`,
  recordTitle: "Electronic signature record",
  recordIntro: (pages) =>
    `This page was added after signature. It records that the document above ` +
    `(${pages === 1 ? "page 1" : `pages 1–${pages}`}) was signed by the Debtor with a one-time code.`,
  recordDocument: "Document",
  recordFingerprint: "SHA-256 fingerprint of the document",
  recordSigner: "Signed by",
  recordSignedAt: "Date and time of signature",
  signedAt: (date, time, zone) =>
    `${date} at ${time} (${zone === "Europe/Rome" ? "Italian time" : `time zone ${zone}`})`,
  recordSentBy: "Code sent",
  sentBy: (channel, destination) =>
    channel === "sms" ? `by text message to ${destination}` : `by email to ${destination}`,
  recordIp: "IP address",
  recordCodeId: "Code identifier",
  recordFooter: (reference) => `Signature record · Case ${reference}`,
};
