/** The debtor's overview of their case, in the shape the portal shows it. */
import type { Clock } from "../../../platform/clock.js";
import { localDate } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { AppError } from "../../../platform/errors.js";
import { loadTenantMoney } from "../../payments/store/payment-settings.js";
import { addDays } from "../../plans/domain/index.js";
import { portalCaseState } from "../domain/case-state.js";
import { loadCaseView } from "../store/case-view.js";
import { codeMethods } from "../store/entry-case.js";
import { publicBrand } from "./open-portal-link.js";

const DOCUMENT_TITLES = {
  it: {
    letter: "Lettera",
    acknowledgment: "Riconoscimento di debito",
    signed_acknowledgment: "Riconoscimento di debito firmato",
  },
  en: {
    letter: "Letter",
    acknowledgment: "Acknowledgment of debt",
    signed_acknowledgment: "Signed acknowledgment of debt",
  },
} as const;

const PAYMENT_METHODS: Record<string, string> = {
  bank_transfer: "transfer",
  pagopa: "pagopa",
  card: "card",
  direct_debit: "direct_debit",
  manual: "manual",
};

export async function viewCase(
  deps: { database: Database; clock: Clock },
  session: { tenantId: string; caseId: string },
) {
  const pool = deps.database.pool;
  const view = await loadCaseView(pool, session.tenantId, session.caseId);
  const tenant = await loadTenantMoney(pool, session.tenantId);
  if (!view || !tenant) throw new AppError("portal_session_required", "the session has ended");
  const today = localDate(deps.clock.now(), view.debtor.timeZone);
  const plan = view.plan;
  const planLive = plan && !["rejected", "broken", "completed"].includes(plan.status);
  const state = portalCaseState({
    status: view.case.status,
    closeReason: view.case.closeReason,
    holdReasons: view.case.holdReasons,
    balanceMinor: view.case.balanceMinor,
    planStatus: planLive ? plan.status : null,
    promisePending: view.promise?.status === "pending",
    oldestDue: view.case.oldestDue,
    today,
  });
  const titles = DOCUMENT_TITLES[view.debtor.language];
  const documents = [
    ...view.letters.map((letter) => ({
      id: letter.id,
      kind: "letter" as const,
      date: letter.date.toISOString(),
      title: titles.letter,
      url: `/api/portal/documents/${letter.id}`,
    })),
    ...(plan?.documents ?? []).map((kind) => ({
      id: `${plan?.id}-${kind}`,
      kind: kind as "acknowledgment" | "signed_acknowledgment",
      date: null,
      title: titles[kind as "acknowledgment" | "signed_acknowledgment"],
      url: `/api/portal/plans/${plan?.id}/${kind === "acknowledgment" ? "acknowledgment" : "signed"}.pdf`,
    })),
  ];
  const surveyDue =
    state === "paid" && !view.surveys.includes("payment")
      ? ("payment" as const)
      : state === "plan" && !view.surveys.includes("plan")
        ? ("plan" as const)
        : null;
  return {
    language: view.debtor.language,
    timeZone: view.debtor.timeZone,
    today,
    creditor: publicBrand(view.brand),
    debtor: { name: view.debtor.name },
    case: {
      reference: view.case.reference,
      status: view.case.status,
      stage: view.case.stage,
      state,
      currency: view.case.currency,
      balanceMinor: view.case.balanceMinor,
      paidMinor: view.case.paidMinor,
      overdueSince:
        view.case.oldestDue !== null && view.case.oldestDue < today ? view.case.oldestDue : null,
    },
    invoices: view.invoices.map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      amountMinor: invoice.amountMinor,
      openMinor: invoice.openMinor,
      pdfUrl: invoice.documents.includes("pdf") ? `/api/portal/invoices/${invoice.id}/pdf` : null,
      originalUrl: invoice.documents.includes("einvoice")
        ? `/api/portal/invoices/${invoice.id}/original`
        : null,
    })),
    payments: view.payments.map((payment) => ({
      bookedOn: payment.bookedOn,
      amountMinor: payment.amountMinor,
      method: PAYMENT_METHODS[payment.source] ?? "transfer",
    })),
    documents,
    promise: view.promise,
    plan: plan
      ? {
          id: plan.id,
          status: plan.status,
          frequency: plan.frequency,
          installments: plan.installments,
          acknowledgmentUrl: plan.documents.includes("acknowledgment")
            ? `/api/portal/plans/${plan.id}/acknowledgment.pdf`
            : null,
          signedUrl: plan.documents.includes("signed_acknowledgment")
            ? `/api/portal/plans/${plan.id}/signed.pdf`
            : null,
        }
      : null,
    limits: { promiseLatest: addDays(today, tenant.settings.promises.maxDaysAhead) },
    methods: (await codeMethods(pool, session.tenantId, view.debtor.id)).map(
      ({ id, channel, destination }) => ({ id, channel, destination }),
    ),
    surveyDue,
    unreadMessages: view.unreadMessages,
  };
}

export type CaseView = Awaited<ReturnType<typeof viewCase>>;
