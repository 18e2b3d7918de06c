/**
 * The normalised records every intake source (CSV, JSON API, FatturaPA, demo data)
 * produces. They are validated already: the import store only merges them.
 */

export type DebtorKind = "person" | "company";
export type ContactChannel = "email" | "sms" | "call" | "letter" | "pec" | "voice";
export type ConsentStatus = "granted" | "denied" | "unknown";
export type ContactKind = "phone" | "email" | "pec" | "postal";
export type PhoneType = "mobile" | "fixed" | "other";
export type InvoiceStatus = "open" | "paid" | "cancelled";
export type DocumentType = "invoice" | "credit_note";

export interface DebtorRecord {
  externalId: string;
  kind: DebtorKind;
  /** Display name: "Mario Rossi" or "Rossi Impianti S.r.l." */
  name: string;
  firstName?: string;
  lastName?: string;
  /** Codice fiscale: 16 characters for people, 11 digits for companies. Normalised, upper case. */
  taxCode?: string;
  /** Partita IVA, 11 digits, without the IT prefix. */
  vatNumber?: string;
  /** BCP 47 primary language, e.g. "it", "en". */
  language?: string;
  /** IANA time zone, e.g. "Europe/Rome". */
  timeZone?: string;
  segment?: string;
  riskScore?: number;
  riskClass?: string;
}

export interface PostalAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  province?: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
}

export interface ContactRecord {
  debtorExternalId: string;
  kind: ContactKind;
  /** E.164 for phones, lower-case address for email/PEC, a one-line rendering for postal. */
  value: string;
  phoneType?: PhoneType;
  address?: PostalAddress;
  /** Where the contact came from: "import", "fatturapa", "debtor", "agent", ... */
  source?: string;
  verified?: boolean;
  consent?: Partial<Record<ContactChannel, ConsentStatus>>;
  optOut?: ContactChannel[];
}

export interface InstallmentRecord {
  seq: number;
  /** ISO date YYYY-MM-DD */
  dueDate: string;
  amountMinor: bigint;
  paymentMethod?: string;
  iban?: string;
}

export interface InvoiceRecord {
  externalId: string;
  debtorExternalId: string;
  number: string;
  /** ISO date YYYY-MM-DD */
  issueDate: string;
  /** ISO date YYYY-MM-DD; for several installments, the first open one. */
  dueDate: string;
  /** Negative for credit notes. */
  amountMinor: bigint;
  openAmountMinor: bigint;
  currency: string;
  status: InvoiceStatus;
  documentType: DocumentType;
  installments?: InstallmentRecord[];
  /** For credit notes: the invoices they refer to, by external id. */
  relatedExternalIds?: string[];
}

/** A file kept behind the invoices it carries (FatturaPA: the original, its PDF attachment). */
export interface DocumentRecord {
  kind: "einvoice" | "pdf";
  /** The invoices it belongs to, by external id. */
  invoiceExternalIds: string[];
  fileName: string;
  contentType: "application/xml" | "application/pkcs7-mime" | "application/pdf";
  /** Exactly as uploaded (for the original) or as decoded (for an attachment). */
  bytes: Buffer;
}

export type IntakeRecord =
  | { type: "debtor"; line: number; record: DebtorRecord }
  | { type: "contact"; line: number; record: ContactRecord }
  | { type: "invoice"; line: number; record: InvoiceRecord };

/** A rejected row or field: where it was and why, so a person can fix the source. */
export interface RowError {
  /** File name (or "api" for the JSON bulk API). */
  source: string;
  /** 1-based line in the file (the header is line 1), or 1-based item index in a JSON body. */
  line: number;
  field: string;
  value?: string;
  reason: string;
}
