/** What a letter says. Every value arrives already formatted: the renderer only lays it out. */
export type LetterLanguage = "it" | "en";

export interface Letterhead {
  name: string;
  addressLines: string[];
  vatNumber?: string;
  email?: string;
  phone?: string;
  website?: string;
  logoPng?: Buffer;
  /** Accent colour as hex, e.g. "#0a5"; never drawn inside the envelope window. */
  colour?: string;
}

export interface LetterRecipient {
  name: string;
  /** Street, "00100 ROMA RM", country if abroad. */
  lines: string[];
}

export interface AmountRow {
  label: string;
  amount: string;
}

export interface LetterAmounts {
  rows: AmountRow[];
  total: AmountRow;
}

export interface PaymentQrCode {
  label: string;
  /** E.g. an EPC QR ("BCD…") or pagoPA ("PAGOPA|002|…") payload. */
  payload: string;
}

export interface LetterPayment {
  lines: string[];
  qrCodes: PaymentQrCode[];
}

export type EnvelopeWindow = "left" | "right";

export interface LetterInput {
  language: LetterLanguage;
  letterhead: Letterhead;
  /**
   * The sender line seen through the envelope window: a neutral name and PO box only,
   * never anything that reveals a debt.
   */
  returnAddress: string;
  recipient: LetterRecipient;
  place: string;
  /** Already formatted, e.g. "12 marzo 2026". */
  date: string;
  reference: string;
  subject: string;
  /** Plain text from the template engine: paragraphs separated by blank lines. */
  body: string;
  amounts?: LetterAmounts;
  payment?: LetterPayment;
  /** Raccomandata A/R: marked in the header, with its tracking number if known. */
  registered?: { trackingNumber?: string };
  /** Envelope window side; default "right". */
  window?: EnvelopeWindow;
}

export interface PdfRenderOptions {
  /** Fixes the PDF's CreationDate (and so its file id): same input, same bytes. */
  creationDate?: Date;
}

/** Where one letter landed in a document; page indexes are 0-based. */
export interface LetterPlacement {
  firstPageIndex: number;
  pageCount: number;
}
