import type { DebtorKind, PostalAddress } from "../records";
import type { FatturaPdfAttachment } from "./attachments";

/**
 * A FatturaPA file as read, before it becomes intake records. Values are kept as the
 * document states them (trimmed); validation of identifiers happens in the mapping,
 * where it can become a RowError instead of losing the whole file.
 */

/** FPA12: invoice to a public administration; FPR12: between private parties. */
export type FatturaFormat = "FPA12" | "FPR12";

export interface FatturaDocument {
  format: FatturaFormat;
  transmission: FatturaTransmission;
  /** CedentePrestatore: who issued the invoice (the creditor). */
  supplier: FatturaSupplier;
  /** CessionarioCommittente: who must pay (the debtor). */
  customer: FatturaCustomer;
  /** One per FatturaElettronicaBody; a "lot" carries several invoices for the same parties. */
  bodies: FatturaBody[];
}

export interface FatturaTransmission {
  /** ProgressivoInvio, as written ("00001"). */
  progressiveId: string;
  /** IdTrasmittente as country + code, e.g. "IT01234567890". */
  senderId: string;
  /** CodiceDestinatario: SdI channel code, "0000000" when delivery goes to a PEC. */
  recipientCode?: string;
}

export interface FatturaSupplier {
  name: string;
  /** IdFiscaleIVA/IdCodice, without the country. */
  vatNumber: string;
  /** IdFiscaleIVA/IdPaese, ISO 3166-1 alpha-2. */
  vatCountry: string;
  taxCode?: string;
  address?: PostalAddress;
}

export interface FatturaCustomer {
  /** Person when Nome/Cognome are given or the codice fiscale has 16 characters. */
  kind: DebtorKind;
  /** Denominazione, or "Nome Cognome". */
  name: string;
  firstName?: string;
  lastName?: string;
  vatNumber?: string;
  vatCountry?: string;
  /** CodiceFiscale as written (upper-cased, spaces removed); checked in the mapping. */
  taxCode?: string;
  address?: PostalAddress;
  /** DatiTrasmissione/PECDestinatario: the customer's certified mail box. */
  pec?: string;
  /** XML lines, so intake records and row errors point at the source. */
  lines: {
    element: number;
    vatNumber?: number;
    taxCode?: number;
    address?: number;
    pec?: number;
  };
}

export interface FatturaBody {
  /** 1-based position in the file. */
  index: number;
  line: number;
  /** TipoDocumento: TD01 invoice, TD04 credit note, TD05 debit note, TD06 parcella, ... */
  documentType: string;
  /** TD04 and TD08 (simplified credit note). */
  isCreditNote: boolean;
  number: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  /** Divisa, ISO 4217. */
  currency: string;
  /** ImportoTotaleDocumento when present, otherwise the sum of DatiRiepilogo (taxable + tax) plus Arrotondamento. Sign as written. */
  totalMinor: bigint;
  totalSource: "ImportoTotaleDocumento" | "DatiRiepilogo";
  /** Sum of DatiRitenuta/ImportoRitenuta: tax the customer withholds and pays to the State. */
  withholdingMinor?: bigint;
  /** Sum of Imposta in DatiRiepilogo with EsigibilitaIVA "S" (split payment): VAT the public body pays to the State directly. */
  splitPaymentVatMinor?: bigint;
  /** What the customer owes the supplier: total − withholding − split-payment VAT. Sign as the total. */
  amountDueMinor: bigint;
  /** DatiFattureCollegate: the documents this one refers to (for a credit note, the invoices it credits). */
  relatedInvoices: FatturaRelatedDocument[];
  relatedInvoiceNumbers: string[];
  /** Every DettaglioPagamento of every DatiPagamento, in document order. */
  installments: FatturaInstallment[];
  /** The first PDF in Allegati, when there is one. */
  pdfAttachment?: FatturaPdfAttachment;
}

export interface FatturaRelatedDocument {
  number: string;
  /** ISO date when the reference gives one. */
  date?: string;
}

export interface FatturaInstallment {
  /** CondizioniPagamento of the enclosing DatiPagamento: TP01 instalments, TP02 in full, TP03 advance. */
  condition: string;
  /** ModalitaPagamento: MP01 cash, MP05 bank transfer, MP12 RIBA, MP19 SEPA direct debit, ... */
  method: string;
  /** DataScadenzaPagamento without any time zone suffix; null when not given. */
  dueDate: string | null;
  /** GiorniTerminiPagamento and DataRiferimentoTerminiPagamento: a due date stated as "N days from". */
  termDays?: number;
  termStartDate?: string;
  amountMinor: bigint;
  iban?: string;
  /** Whether the IBAN passes the ISO 13616 mod-97 check; null when no IBAN is given. Informational only. */
  ibanValid: boolean | null;
  bic?: string;
  /** IstitutoFinanziario. */
  bankName?: string;
  line: number;
}
