import { currencyExponent } from "../../../../platform/money";
import { firstPdfAttachment } from "./attachments";
import type { FieldReader } from "./field-reader";
import { isValidIban, normalizeIban } from "./iban";
import type { FatturaBody, FatturaInstallment, FatturaRelatedDocument } from "./types";
import { childrenNamed, elementsAt, type XmlElement } from "./xml-tree";

/** TD04 nota di credito, TD08 nota di credito semplificata. */
const CREDIT_NOTE_TYPES = new Set(["TD04", "TD08"]);

/** One FatturaElettronicaBody: a single invoice, credit note or other document. */
export function readBody(r: FieldReader, body: XmlElement, index: number): FatturaBody {
  const general = r.requiredElement(body, "DatiGenerali/DatiGeneraliDocumento");
  const documentType = r.requiredText(general, "TipoDocumento").toUpperCase();
  if (!/^TD\d{2}$/.test(documentType)) {
    throw r.fail(
      general,
      `"${documentType}" is not a TipoDocumento code (TD01, TD04, ...)`,
      "TipoDocumento",
    );
  }
  const currency = r.requiredText(general, "Divisa").toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw r.fail(general, `"${currency}" is not an ISO 4217 currency code`, "Divisa");
  }
  const exponent = currencyExponent(currency);
  const declaredTotal = r.optionalAmount(general, "ImportoTotaleDocumento", exponent);
  const summaries = elementsAt(body, "DatiBeniServizi/DatiRiepilogo");

  let totalMinor: bigint;
  if (declaredTotal !== undefined) {
    totalMinor = declaredTotal;
  } else {
    // ImportoTotaleDocumento is optional; DatiRiepilogo (one per VAT rate) is not.
    if (summaries.length === 0) {
      throw r.fail(
        body,
        "neither ImportoTotaleDocumento nor DatiRiepilogo is present, so the total is unknown",
        "DatiBeniServizi/DatiRiepilogo",
      );
    }
    totalMinor = r.optionalAmount(general, "Arrotondamento", exponent) ?? 0n;
    for (const s of summaries) {
      totalMinor += r.requiredAmount(s, "ImponibileImporto", exponent);
      totalMinor += r.requiredAmount(s, "Imposta", exponent);
    }
  }

  const withholdingMinor = sumOrUndefined(
    childrenNamed(general, "DatiRitenuta").map((w) =>
      r.requiredAmount(w, "ImportoRitenuta", exponent),
    ),
  );
  // Split payment (scissione dei pagamenti): the public body pays this VAT to the State,
  // so the supplier can only collect the rest.
  const splitPaymentVatMinor = sumOrUndefined(
    summaries
      .filter((s) => r.optionalText(s, "EsigibilitaIVA")?.toUpperCase() === "S")
      .map((s) => r.requiredAmount(s, "Imposta", exponent)),
  );
  const amountDueMinor = totalMinor - (withholdingMinor ?? 0n) - (splitPaymentVatMinor ?? 0n);

  const relatedInvoices = elementsAt(body, "DatiGenerali/DatiFattureCollegate").map(
    (ref): FatturaRelatedDocument => {
      const date = r.optionalDate(ref, "Data");
      const number = r.requiredText(ref, "IdDocumento");
      return date ? { number, date } : { number };
    },
  );

  const pdfAttachment = firstPdfAttachment(body);
  return {
    index,
    line: body.line,
    documentType,
    isCreditNote: CREDIT_NOTE_TYPES.has(documentType),
    number: r.requiredText(general, "Numero"),
    date: r.requiredDate(general, "Data"),
    currency,
    totalMinor,
    totalSource: declaredTotal !== undefined ? "ImportoTotaleDocumento" : "DatiRiepilogo",
    ...(withholdingMinor !== undefined && { withholdingMinor }),
    ...(splitPaymentVatMinor !== undefined && { splitPaymentVatMinor }),
    amountDueMinor,
    relatedInvoices,
    relatedInvoiceNumbers: relatedInvoices.map((d) => d.number),
    installments: readInstallments(r, body, exponent),
    ...(pdfAttachment && { pdfAttachment }),
  };
}

function readInstallments(
  r: FieldReader,
  body: XmlElement,
  exponent: number,
): FatturaInstallment[] {
  const installments: FatturaInstallment[] = [];
  for (const payment of childrenNamed(body, "DatiPagamento")) {
    const condition = r.requiredText(payment, "CondizioniPagamento").toUpperCase();
    for (const detail of childrenNamed(payment, "DettaglioPagamento")) {
      const installment: FatturaInstallment = {
        condition,
        method: r.requiredText(detail, "ModalitaPagamento").toUpperCase(),
        dueDate: r.optionalDate(detail, "DataScadenzaPagamento") ?? null,
        amountMinor: r.requiredAmount(detail, "ImportoPagamento", exponent),
        ibanValid: null,
        line: detail.line,
      };
      const termDays = r.optionalInteger(detail, "GiorniTerminiPagamento");
      if (termDays !== undefined) installment.termDays = termDays;
      const termStartDate = r.optionalDate(detail, "DataRiferimentoTerminiPagamento");
      if (termStartDate) installment.termStartDate = termStartDate;
      const iban = r.optionalText(detail, "IBAN");
      if (iban) {
        // Kept as given (normalised spacing only); a failing check is not a reason to drop it.
        installment.iban = normalizeIban(iban);
        installment.ibanValid = isValidIban(iban);
      }
      const bic = r.optionalText(detail, "BIC");
      if (bic) installment.bic = bic.toUpperCase();
      const bankName = r.optionalText(detail, "IstitutoFinanziario");
      if (bankName) installment.bankName = bankName.replace(/\s+/g, " ");
      installments.push(installment);
    }
  }
  return installments;
}

function sumOrUndefined(values: bigint[]): bigint | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0n);
}
