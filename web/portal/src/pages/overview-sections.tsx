/** The overview's detail sections: invoices, payments, documents, promise, plan. */
import { useApp } from "../app-context";
import { Amount, useMoney } from "../components/amount";
import { Detail, Details, Section } from "../components/section";
import { compareMinor, formatDay } from "../format";
import { word } from "../i18n/lookup";
import type { Payment, PortalCase } from "../types";

export function InvoicesSection({ portalCase }: { portalCase: PortalCase }) {
  const { t, language } = useApp();
  const currency = portalCase.case.currency;
  return (
    <Section id="invoices" title={t.overview.invoices}>
      {portalCase.invoices.length === 0 ? (
        <p>{t.overview.noInvoices}</p>
      ) : (
        <ul className="items">
          {portalCase.invoices.map((invoice) => (
            <li key={invoice.id} className="item">
              <h3>{t.overview.invoice(invoice.number)}</h3>
              <Details>
                <Detail label={t.overview.issueDate}>
                  {formatDay(invoice.issueDate, language)}
                </Detail>
                <Detail label={t.overview.dueDate}>{formatDay(invoice.dueDate, language)}</Detail>
                <Detail label={t.overview.amount}>
                  <Amount minor={invoice.amountMinor} currency={currency} />
                </Detail>
                <Detail label={t.overview.open}>
                  <Amount minor={invoice.openMinor} currency={currency} />
                </Detail>
              </Details>
              {(invoice.pdfUrl || invoice.originalUrl) && (
                <ul className="inline-links">
                  {invoice.pdfUrl && (
                    <li>
                      <a href={invoice.pdfUrl}>
                        {t.overview.invoicePdf}
                        <span className="sr-only"> {t.overview.ofInvoice(invoice.number)}</span>
                      </a>
                    </li>
                  )}
                  {invoice.originalUrl && (
                    <li>
                      <a href={invoice.originalUrl}>
                        {t.overview.invoiceOriginal}
                        <span className="sr-only"> {t.overview.ofInvoice(invoice.number)}</span>
                      </a>
                    </li>
                  )}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Payments have no id: key them by their content, numbering identical ones. */
function withKeys(payments: readonly Payment[]): { key: string; item: Payment }[] {
  const seen = new Map<string, number>();
  return payments.map((item) => {
    const base = `${item.bookedOn}-${item.amountMinor}-${item.method}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: `${base}-${count}`, item };
  });
}

export function PaymentsSection({ portalCase }: { portalCase: PortalCase }) {
  const { t, language } = useApp();
  return (
    <Section id="payments" title={t.overview.payments}>
      {portalCase.payments.length === 0 ? (
        <p>{t.overview.noPayments}</p>
      ) : (
        <ul className="items">
          {withKeys(portalCase.payments).map(({ key, item: payment }) => (
            <li key={key} className="item row">
              <span>{formatDay(payment.bookedOn, language)}</span>
              <Amount minor={payment.amountMinor} currency={portalCase.case.currency} />
              <span className="meta">{word(t.overview.paymentMethod, payment.method)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function DocumentsSection({ portalCase }: { portalCase: PortalCase }) {
  const { t, language } = useApp();
  if (portalCase.documents.length === 0) return null;
  return (
    <Section id="documents" title={t.overview.documents}>
      <ul className="items">
        {portalCase.documents.map((document) => (
          <li key={document.id} className="item">
            <a href={document.url}>{document.title}</a>
            <span className="meta">
              {word(t.overview.documentKind, document.kind)}
              {document.date && ` · ${formatDay(document.date, language)}`}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function PromiseSection({ portalCase }: { portalCase: PortalCase }) {
  const { t, language } = useApp();
  const { promise } = portalCase;
  if (!promise) return null;
  return (
    <Section id="promise" title={t.overview.promiseTitle}>
      <Details>
        <Detail label={t.overview.dueDate}>{formatDay(promise.dueDate, language)}</Detail>
        <Detail label={t.overview.amount}>
          <Amount minor={promise.amountMinor} currency={portalCase.case.currency} />
        </Detail>
        <Detail label={t.overview.statusLabel}>
          {word(t.overview.promiseStatus, promise.status)}
        </Detail>
      </Details>
    </Section>
  );
}

export function PlanSection({ portalCase }: { portalCase: PortalCase }) {
  const { t, language } = useApp();
  const { plan } = portalCase;
  const currency = portalCase.case.currency;
  const money = useMoney(currency);
  if (!plan) return null;
  const installmentStatus = (amountMinor: string, paidMinor: string, status: string) => {
    const text = word(t.overview.installmentStatus, status);
    const partly = compareMinor(paidMinor, "0") > 0 && compareMinor(paidMinor, amountMinor) < 0;
    return partly ? `${text} (${t.overview.paidPart(money(paidMinor))})` : text;
  };
  return (
    <Section id="plan" title={t.overview.planTitle}>
      <Details>
        <Detail label={t.overview.statusLabel}>{word(t.overview.planStatus, plan.status)}</Detail>
        <Detail label={t.overview.frequencyLabel}>{word(t.frequencyNoun, plan.frequency)}</Detail>
      </Details>
      <table className="table">
        <caption>{t.overview.installments}</caption>
        <thead>
          <tr>
            <th scope="col">{t.overview.installmentNo}</th>
            <th scope="col">{t.overview.dueDate}</th>
            <th scope="col">{t.overview.amount}</th>
            <th scope="col">{t.overview.statusLabel}</th>
          </tr>
        </thead>
        <tbody>
          {plan.installments.map((installment) => (
            <tr key={installment.seq}>
              <td>{installment.seq}</td>
              <td>{formatDay(installment.dueDate, language, "medium")}</td>
              <td>
                <Amount minor={installment.amountMinor} currency={currency} />
              </td>
              <td>
                {installmentStatus(
                  installment.amountMinor,
                  installment.paidMinor,
                  installment.status,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(plan.acknowledgmentUrl || plan.signedUrl) && (
        <ul className="inline-links">
          {plan.acknowledgmentUrl && (
            <li>
              <a href={plan.acknowledgmentUrl}>{t.overview.acknowledgmentPdf}</a>
            </li>
          )}
          {plan.signedUrl && (
            <li>
              <a href={plan.signedUrl}>{t.overview.signedPdf}</a>
            </li>
          )}
        </ul>
      )}
    </Section>
  );
}
