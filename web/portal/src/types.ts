/** The shapes of /api/portal answers, as docs/portal.md describes them. */

export type Language = "it" | "en";
export type Channel = "email" | "sms" | "letter" | "phone";

export interface Creditor {
  name: string;
  legalName?: string;
  colour?: string | null;
  logoUrl?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface Method {
  id: string;
  channel: "sms" | "email";
  destination: string;
}

export interface EntryAnswer {
  language: Language;
  creditor: Creditor;
  methods: Method[];
  knowledge: { kind: "tax_code_last4" | "vat_last4" } | null;
}

export type CaseState =
  | "to_pay"
  | "overdue"
  | "promise"
  | "plan"
  | "plan_review"
  | "under_review"
  | "on_hold"
  | "paid"
  | "closed";

export interface Invoice {
  id: string;
  number: string;
  issueDate: string;
  dueDate: string;
  amountMinor: string;
  openMinor: string;
  pdfUrl: string | null;
  originalUrl: string | null;
}

export interface Payment {
  bookedOn: string;
  amountMinor: string;
  /** transfer, card, direct_debit, manual; new ones are shown as they come. */
  method: string;
}

export interface PortalDocument {
  id: string;
  kind: "letter" | "acknowledgment" | "signed_acknowledgment";
  date: string | null;
  title: string;
  url: string;
}

export interface PromiseToPay {
  dueDate: string;
  amountMinor: string;
  /** pending, kept, broken. */
  status: string;
}

export type Frequency = "weekly" | "biweekly" | "monthly";

export interface Installment {
  seq: number;
  dueDate: string;
  amountMinor: string;
  paidMinor: string;
  status: string;
}

export interface Plan {
  id: string;
  status: string;
  frequency: string;
  installments: Installment[];
  acknowledgmentUrl: string | null;
  signedUrl: string | null;
}

export type SurveyTrigger = "payment" | "plan";

export interface PortalCase {
  csrfToken: string;
  language: Language;
  timeZone: string;
  today: string;
  creditor: Creditor;
  debtor: { name: string };
  case: {
    reference: string;
    /** open, on_hold, closed. */
    status: string;
    stage: string;
    state: CaseState;
    currency: string;
    balanceMinor: string;
    paidMinor: string;
    overdueSince: string | null;
  };
  invoices: Invoice[];
  payments: Payment[];
  documents: PortalDocument[];
  promise: PromiseToPay | null;
  plan: Plan | null;
  limits: { promiseLatest: string };
  methods: Method[];
  surveyDue: SurveyTrigger | null;
  unreadMessages: number;
}

/** With a plan in force, the amount is the next installment (`installment` true). */
export interface PaymentOptions {
  amountMinor: string;
  currency: string;
  installment: boolean;
  rfReference: string;
  rfReferencePrinted: string;
  bankTransfer: {
    beneficiary: string;
    iban: string;
    bic: string | null;
    epcQrUrl: string | null;
  } | null;
  pagopa: { noticeNumber: string; fiscalCode: string; qrUrl: string | null } | null;
  card: boolean;
}

export interface CardCheckout {
  id: string;
  status: "open" | "paid" | "failed" | "expired";
  amountMinor: string;
  currency: string;
}

/** A schedule the creditor approves at once. */
export interface PlanOption {
  installments: number;
  frequency: Frequency;
  installmentMinor: string;
  downPaymentMinor: string;
}

/** Anything else up to `maxInstallments` (in one of `frequencies`) goes to a person. */
export interface PlanOptions {
  balanceMinor: string;
  options: PlanOption[];
  frequencies: Frequency[];
  maxInstallments: number;
  earliestStart: string;
  latestStart: string;
}

/** A refusal reason: a stable code, or `{ code, detail }` / `{ field, reason }` objects. */
export type ReasonItem =
  | string
  | { code?: string; detail?: string; field?: string; reason?: string };

export interface PlanProposalAnswer {
  /** null when rejected: no plan was made. */
  id: string | null;
  status: "awaiting_signature" | "pending_approval" | "rejected";
  reasons: ReasonItem[];
}

export const WHY_REASONS = [
  "invoice_not_received",
  "billing_error",
  "already_paid",
  "temporary_difficulty",
  "job_loss_illness",
  "not_my_debt",
] as const;
export type WhyReason = (typeof WHY_REASONS)[number];

export interface Preferences {
  channel: Channel | null;
  window: { from: string; to: string } | null;
  language: Language;
  optOut: Channel[];
}

export interface Message {
  id: string;
  author: "debtor" | "agency";
  body: string;
  at: string;
}
