import { isRealIsoDate } from "../../../platform/iso-date.js";
import { creditorReferenceProblem, validateIban } from "../../payments/domain/index.js";
import type { PlanFrequency } from "../domain/plan-calendar.js";
import { type FieldProblem, throwIfProblems } from "../domain/plan-problems.js";
import type { BreakRule } from "../domain/plan-progress.js";
import type { PlannedInstallment } from "../domain/split-installments.js";
import type { DocumentLanguage } from "./acknowledgment-strings.js";

/** What the acknowledgment of debt says. Raw values: the renderer formats them per language. */
export interface AcknowledgmentInput {
  language: DocumentLanguage;
  /** Fixes the PDF's dates and the date printed on it: same input, same bytes, same SHA-256. */
  generatedAt: Date;
  /** Whose calendar and clock the printed dates and times follow; default Europe/Rome. */
  timeZone?: string;
  currency: string;
  caseReference: string;
  creditor: {
    /** Trading name, shown at the top. */
    name: string;
    /** Registered name, the party that is owed. */
    legalName: string;
    vatNumber: string;
    addressLines: string[];
    email?: string;
    phone?: string;
    /** Where data-protection requests go; defaults to `email`. */
    privacyContact?: string;
    /** Accent colour as hex. */
    colour?: string;
  };
  debtor: {
    name: string;
    /** Codice fiscale. */
    taxCode?: string;
    vatNumber?: string;
    addressLines?: string[];
  };
  invoices: Array<{ number: string; issueDate: string; dueDate?: string; openMinor: bigint }>;
  plan: {
    frequency: PlanFrequency;
    /** As splitInstallments makes them: they must add up to the invoices' total. */
    installments: PlannedInstallment[];
    breakRule: BreakRule;
  };
  payment: { beneficiary: string; iban: string; bic?: string; rfReference: string };
}

/** Who signed, when, and how; recorded by the signing use case. */
export interface SignatureRecord {
  signedAt: Date;
  channel: "sms" | "email";
  /** e.g. "+39 *** *** 4567" or "m***@example.com"; never the full address. */
  destinationMasked: string;
  ip: string;
  /** SHA-256 hex of the unsigned document the debtor saw and signed. */
  documentSha256: string;
  codeId: string;
}

export const sumMinor = (amounts: bigint[]): bigint =>
  amounts.reduce((total, amount) => total + amount, 0n);

/** A document that does not add up must never reach a debtor to be signed. */
export function checkAcknowledgmentInput(input: AcknowledgmentInput): void {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  if (Number.isNaN(input.generatedAt.getTime())) add("generatedAt", "is not a valid instant");
  if (!input.caseReference.trim()) add("caseReference", "is empty");
  if (!input.creditor.legalName.trim()) add("creditor.legalName", "is empty");
  if (!input.debtor.name.trim()) add("debtor.name", "is empty");
  if (!(input.creditor.privacyContact ?? input.creditor.email)) {
    add("creditor.privacyContact", "the privacy notice needs an address for requests");
  }
  if (input.invoices.length === 0) add("invoices", "list at least one document");
  input.invoices.forEach((invoice, index) => {
    if (!isRealIsoDate(invoice.issueDate))
      add(`invoices[${index}].issueDate`, "is not a real date");
    if (invoice.dueDate !== undefined && !isRealIsoDate(invoice.dueDate)) {
      add(`invoices[${index}].dueDate`, "is not a real date");
    }
    if (invoice.openMinor <= 0n) add(`invoices[${index}].openMinor`, "must be more than zero");
  });
  const { installments } = input.plan;
  if (installments.filter((row) => row.kind === "installment").length === 0) {
    add("plan.installments", "list at least one installment");
  }
  installments.forEach((row, index) => {
    if (!isRealIsoDate(row.dueDate))
      add(`plan.installments[${index}].dueDate`, "is not a real date");
    if (row.amountMinor <= 0n)
      add(`plan.installments[${index}].amountMinor`, "must be more than zero");
  });
  const debt = sumMinor(input.invoices.map((invoice) => invoice.openMinor));
  const planned = sumMinor(installments.map((row) => row.amountMinor));
  if (debt !== planned) {
    add("plan.installments", `add up to ${planned}, the documents to ${debt} (minor units)`);
  }
  const iban = validateIban(input.payment.iban);
  if (!iban.valid) add("payment.iban", iban.reason);
  const rf = creditorReferenceProblem(input.payment.rfReference);
  if (rf) add("payment.rfReference", rf);
  throwIfProblems(problems);
}
