/**
 * Every way a debtor can pay one amount of a case: a SEPA transfer with the case's
 * RF reference (and its EPC QR code), and a pagoPA notice for tenants that are
 * pagoPA creditors. An installment gets its own pagoPA notice (sequence = its
 * number), so its payment is matched to it; the RF reference is the case's.
 */
import { epcQrPayload } from "./epc-qr.js";
import { caseIuvBase, pagoPaNoticeNumber, pagoPaQrPayload } from "./pagopa.js";
import { caseCreditorReference, formatCreditorReference } from "./rf-reference.js";

export interface PaymentInstructionsInput {
  caseReference: string;
  amountMinor: bigint;
  currency: string;
  beneficiary: string;
  iban?: string;
  bic?: string;
  pagoPa?: { creditorFiscalCode: string; segregationCode: string };
  /** 0 for the case's balance, n for installment n. */
  noticeSequence?: number;
}

export interface PaymentInstructions {
  amountMinor: bigint;
  currency: string;
  rfReference: string;
  rfReferencePrinted: string;
  bankTransfer?: { iban: string; bic?: string; beneficiary: string; epcQrPayload: string | null };
  pagoPa?: { noticeNumber: string; creditorFiscalCode: string; qrPayload: string };
}

export function paymentInstructions(input: PaymentInstructionsInput): PaymentInstructions {
  const rfReference = caseCreditorReference(input.caseReference);
  const payable = input.amountMinor > 0n;
  const result: PaymentInstructions = {
    amountMinor: input.amountMinor,
    currency: input.currency,
    rfReference,
    rfReferencePrinted: formatCreditorReference(rfReference),
  };
  if (input.iban) {
    result.bankTransfer = {
      iban: input.iban,
      ...(input.bic ? { bic: input.bic } : {}),
      beneficiary: input.beneficiary,
      // The EPC QR code is for euro transfers only.
      epcQrPayload:
        payable && input.currency === "EUR"
          ? epcQrPayload({
              name: input.beneficiary,
              iban: input.iban,
              ...(input.bic ? { bic: input.bic } : {}),
              amountMinor: input.amountMinor,
              currency: "EUR",
              reference: rfReference,
            })
          : null,
    };
  }
  if (input.pagoPa && payable && input.currency === "EUR") {
    const caseNumber = BigInt(input.caseReference.replace(/\D/g, "") || "0");
    const noticeNumber = pagoPaNoticeNumber({
      segregationCode: input.pagoPa.segregationCode,
      iuvBase: caseIuvBase(caseNumber, input.noticeSequence ?? 0),
    });
    result.pagoPa = {
      noticeNumber,
      creditorFiscalCode: input.pagoPa.creditorFiscalCode,
      qrPayload: pagoPaQrPayload({
        noticeNumber,
        creditorFiscalCode: input.pagoPa.creditorFiscalCode,
        amountMinor: input.amountMinor,
      }),
    };
  }
  return result;
}
