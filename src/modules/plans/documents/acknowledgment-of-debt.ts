import { createHash } from "node:crypto";
import PDFDocument from "pdfkit";
import { AppError } from "../../../platform/errors.js";
import { formatLocalDate, wallClockAt } from "../../../platform/zoned-time.js";
import { drawPayment } from "../../channels/letters/draw-payment.js";
import { finishPdf } from "../../channels/letters/index.js";
import { PAGE_MARGINS } from "../../channels/letters/page-geometry.js";
import {
  accentColour,
  FONT_BOLD,
  FONT_REGULAR,
  INK,
  MUTED_INK,
} from "../../channels/letters/pdf-style.js";
import { formatCreditorReference, formatIban } from "../../payments/domain/index.js";
import { formatDate, formatLongDate, formatMoney } from "../../templates/domain/index.js";
import {
  type AcknowledgmentInput,
  checkAcknowledgmentInput,
  type SignatureRecord,
  sumMinor,
} from "./acknowledgment-input.js";
import { ACKNOWLEDGMENT_STRINGS, type AcknowledgmentStrings } from "./acknowledgment-strings.js";
import {
  drawFooters,
  drawParagraph,
  drawParties,
  drawSectionTitle,
  drawTable,
  drawTitle,
} from "./draw-document.js";

const PAGE_OPTIONS: PDFKit.PDFDocumentOptions = {
  size: "A4",
  layout: "portrait",
  margins: { ...PAGE_MARGINS },
};
const DEFAULT_TIME_ZONE = "Europe/Rome";

/** Lower-case hex SHA-256 of a document's bytes: what the debtor's signature is bound to. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The acknowledgment of debt (riconoscimento di debito, art. 1988 c.c.) with its repayment
 * plan, as the debtor reads it before signing. Deterministic: the same input gives the same
 * bytes, so the SHA-256 recorded at signature can be checked by rendering again.
 */
export async function renderAcknowledgmentOfDebt(input: AcknowledgmentInput): Promise<Buffer> {
  checkAcknowledgmentInput(input);
  const doc = createDocument(input, input.generatedAt);
  drawAcknowledgment(doc, input);
  return finishPdf(doc);
}

/**
 * The signed copy for the debtor and the file: the very pages that were signed (drawn by
 * the same code, so they look the same and say "Pagina n di N" of the signed document
 * only) plus a signature record page. Refuses a record whose SHA-256 is not that of the
 * document this input renders: the record can only attest to what was really signed.
 */
export async function renderSignedAcknowledgment(
  input: AcknowledgmentInput,
  signature: SignatureRecord,
): Promise<Buffer> {
  const signed = sha256Hex(await renderAcknowledgmentOfDebt(input));
  if (signed !== signature.documentSha256.toLowerCase()) {
    throw new AppError("conflict", "the signature record is for another version of this document", {
      expected: signed,
      recorded: signature.documentSha256,
    });
  }
  const doc = createDocument(input, signature.signedAt);
  const pages = drawAcknowledgment(doc, input);
  drawSignatureRecord(doc, input, signature, pages);
  return finishPdf(doc);
}

function createDocument(input: AcknowledgmentInput, modifiedAt: Date): PDFKit.PDFDocument {
  const strings = ACKNOWLEDGMENT_STRINGS[input.language];
  return new PDFDocument({
    ...PAGE_OPTIONS,
    autoFirstPage: false,
    bufferPages: true,
    lang: input.language === "it" ? "it-IT" : "en-GB",
    displayTitle: true,
    // Fixed dates: pdfkit derives the file ID from the info, so nothing varies between runs.
    info: {
      Title: `${strings.title} – ${input.caseReference}`,
      Author: input.creditor.name,
      Subject: input.caseReference,
      Creator: "Saldo",
      Producer: "Saldo",
      CreationDate: input.generatedAt,
      ModDate: modifiedAt,
    },
  });
}

/** Draws the document from a new page; returns how many pages it took. */
function drawAcknowledgment(doc: PDFKit.PDFDocument, input: AcknowledgmentInput): number {
  const { language, creditor, debtor, currency } = input;
  const strings = ACKNOWLEDGMENT_STRINGS[language];
  const accent = accentColour(creditor.colour);
  const money = (minor: bigint) => formatMoney(minor, currency, language);
  const day = (isoDay: string) => formatDate(isoDay, language);
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const total = sumMinor(input.invoices.map((invoice) => invoice.openMinor));

  doc.addPage(PAGE_OPTIONS);
  const today = formatLocalDate(wallClockAt(input.generatedAt, timeZone));
  drawTitle(
    doc,
    {
      brand: creditor.name,
      title: strings.title,
      subtitle: strings.subtitle,
      caseLine: strings.caseLine(input.caseReference, formatLongDate(today, language)),
    },
    accent,
  );
  drawParties(doc, [
    {
      label: strings.creditor,
      name: creditor.legalName,
      details: [`${strings.vatNumber} ${creditor.vatNumber}`, ...creditor.addressLines],
    },
    {
      label: strings.debtor,
      name: debtor.name,
      details: [
        ...(debtor.taxCode ? [`${strings.taxCode} ${debtor.taxCode}`] : []),
        ...(debtor.vatNumber ? [`${strings.vatNumber} ${debtor.vatNumber}`] : []),
        ...(debtor.addressLines ?? []),
      ],
    },
  ]);

  drawSectionTitle(doc, strings.acknowledgmentTitle, accent);
  drawParagraph(doc, strings.acknowledgment(debtor.name, creditor.legalName, money(total)));
  const [document, date, due, open] = strings.debtColumns;
  drawTable(
    doc,
    [
      { header: document, weight: 4, align: "left" },
      { header: date, weight: 2.2, align: "left" },
      { header: due, weight: 2.2, align: "left" },
      { header: open, weight: 2.6, align: "right" },
    ],
    input.invoices.map((invoice) => [
      strings.invoice(invoice.number),
      day(invoice.issueDate),
      invoice.dueDate ? day(invoice.dueDate) : "",
      money(invoice.openMinor),
    ]),
    [strings.debtTotal, "", "", money(total)],
  );

  const { installments, frequency, breakRule } = input.plan;
  const down = installments.find((row) => row.kind === "down_payment");
  const count = installments.filter((row) => row.kind === "installment").length;
  drawSectionTitle(doc, strings.planTitle, accent);
  drawParagraph(
    doc,
    strings.planIntro(count, frequency, down ? money(down.amountMinor) : undefined),
  );
  const [number, dueDate, amount] = strings.planColumns;
  drawTable(
    doc,
    [
      { header: number, weight: 4, align: "left" },
      { header: dueDate, weight: 3.4, align: "left" },
      { header: amount, weight: 3.6, align: "right" },
    ],
    installments.map((row) => [
      row.kind === "down_payment" ? strings.downPayment : String(row.seq),
      day(row.dueDate),
      money(row.amountMinor),
    ]),
    [strings.planTotal, "", money(sumMinor(installments.map((row) => row.amountMinor)))],
  );

  drawSectionTitle(doc, strings.paymentTitle, accent);
  drawParagraph(doc, strings.paymentIntro);
  const { payment } = input;
  const paymentLines = [
    `${strings.beneficiary}: ${payment.beneficiary}`,
    `IBAN: ${formatIban(payment.iban)}`,
    ...(payment.bic ? [`BIC: ${payment.bic}`] : []),
    `${strings.paymentReference}: ${formatCreditorReference(payment.rfReference)}`,
  ];
  drawPayment(doc, { lines: paymentLines, qrCodes: [] }, strings.paymentBox, accent);
  const ways = [creditor.email, creditor.phone ? `tel. ${creditor.phone}` : undefined];
  const contact = ways.filter((way) => way !== undefined).join(", ");
  if (contact) drawParagraph(doc, strings.contact(contact));

  drawSectionTitle(doc, strings.termsTitle, accent);
  drawParagraph(doc, strings.allocation, strings.allocationTitle);
  drawParagraph(doc, strings.forfeiture(breakRule), strings.forfeitureTitle);
  drawParagraph(doc, strings.noNovation, strings.noNovationTitle);
  drawParagraph(doc, strings.settlement, strings.settlementTitle);
  const privacyContact = creditor.privacyContact ?? creditor.email ?? "";
  drawParagraph(doc, strings.privacy(creditor.legalName, privacyContact), strings.privacyTitle);

  drawSectionTitle(doc, strings.signatureTitle, accent);
  drawParagraph(doc, strings.signature);
  drawSignatureLine(doc, strings, debtor.name);

  const range = doc.bufferedPageRange();
  const first = range.start;
  drawFooters(doc, first, range.count, strings.footer(input.caseReference), (page) =>
    strings.pageOf(page, range.count),
  );
  doc.switchToPage(first + range.count - 1);
  return range.count;
}

function drawSignatureLine(doc: PDFKit.PDFDocument, strings: AcknowledgmentStrings, name: string) {
  const left = doc.page.margins.left;
  doc.moveDown(0.5);
  doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED_INK).text(strings.signatureBoxLabel, left);
  doc.font(FONT_BOLD).fontSize(10).fillColor(INK).text(name, left);
  doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED_INK).text(strings.signatureBoxNote, left);
}

function drawSignatureRecord(
  doc: PDFKit.PDFDocument,
  input: AcknowledgmentInput,
  signature: SignatureRecord,
  documentPages: number,
): void {
  const { language } = input;
  const strings = ACKNOWLEDGMENT_STRINGS[language];
  const accent = accentColour(input.creditor.colour);
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const wall = wallClockAt(signature.signedAt, timeZone);
  const time = [wall.hour, wall.minute, wall.second]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
  const signedAt = strings.signedAt(formatDate(formatLocalDate(wall), language), time, timeZone);
  const signer = [input.debtor.name, input.debtor.taxCode ?? input.debtor.vatNumber]
    .filter(Boolean)
    .join(" – ");

  doc.addPage(PAGE_OPTIONS);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc
    .font(FONT_BOLD)
    .fontSize(15)
    .fillColor(INK)
    .text(strings.recordTitle, left, doc.page.margins.top);
  doc.moveDown(0.4);
  drawParagraph(doc, strings.recordIntro(documentPages));
  const entries: Array<[string, string, string?]> = [
    [strings.recordDocument, `${strings.title} – ${input.caseReference}`],
    [strings.recordFingerprint, signature.documentSha256.toLowerCase(), "Courier"],
    [strings.recordSigner, signer],
    [
      strings.recordSignedAt,
      `${signedAt}\n${signature.signedAt.toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    ],
    [strings.recordSentBy, strings.sentBy(signature.channel, signature.destinationMasked)],
    [strings.recordIp, signature.ip],
    [strings.recordCodeId, signature.codeId],
  ];
  for (const [label, value, font] of entries) {
    doc.moveDown(0.4);
    doc.font(FONT_REGULAR).fontSize(8).fillColor(accent).text(label, left, doc.y, { width });
    doc
      .font(font ?? FONT_REGULAR)
      .fontSize(10)
      .fillColor(INK)
      .text(value, left, doc.y, { width });
  }
  const page = doc.bufferedPageRange().count - 1;
  drawFooters(doc, page, 1, strings.recordFooter(input.caseReference), () => "");
}
