import { useState } from "react";
import { api } from "../api";
import { useApp, useCase } from "../app-context";
import { Alert, ErrorAlert, Loading } from "../components/alert";
import { Amount, useMoney } from "../components/amount";
import { Button } from "../components/button";
import { CopyButton } from "../components/copy-button";
import { BackLink } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { Detail, Details, Section } from "../components/section";
import { compareMinor, groupBy4, minorToInput } from "../format";
import type { PaymentOptions } from "../types";
import { useLoad } from "../use-load";

/** A value the debtor types into their bank's form: shown, and copied with one press. */
function CopyDetail({
  label,
  shown,
  copied,
  code = false,
}: {
  label: string;
  shown: string;
  copied?: string;
  /** Codes (IBAN, references) are easier to read in a monospaced font. */
  code?: boolean;
}) {
  return (
    <Detail label={label}>
      <span className="copy-row">
        <span className={code ? "copy-value mono" : "copy-value"}>{shown}</span>
        <CopyButton value={copied ?? shown} what={label} />
      </span>
    </Detail>
  );
}

function BankTransfer({ options }: { options: PaymentOptions }) {
  const { t, language } = useApp();
  const money = useMoney(options.currency);
  const transfer = options.bankTransfer;
  if (!transfer) return null;
  const amount = money(options.amountMinor);
  const compact = (text: string) => text.replace(/\s+/g, "");
  return (
    <Section id="transfer" title={t.pay.transfer}>
      <Details>
        <CopyDetail label={t.pay.beneficiary} shown={transfer.beneficiary} />
        <CopyDetail
          label={t.pay.iban}
          shown={groupBy4(transfer.iban)}
          copied={compact(transfer.iban)}
          code
        />
        {transfer.bic && <CopyDetail label={t.pay.bic} shown={transfer.bic} code />}
        <CopyDetail
          label={t.pay.amount}
          shown={amount}
          copied={minorToInput(options.amountMinor, options.currency, language)}
        />
        <CopyDetail
          label={t.pay.reference}
          shown={options.rfReferencePrinted || groupBy4(options.rfReference)}
          copied={compact(options.rfReference)}
          code
        />
      </Details>
      <p className="hint">{t.pay.referenceHint}</p>
      {transfer.epcQrUrl && (
        <figure className="qr">
          <figcaption>{t.pay.qrIntro}</figcaption>
          <img
            src={transfer.epcQrUrl}
            alt={t.pay.qrAlt(amount, transfer.beneficiary)}
            width={200}
            height={200}
          />
        </figure>
      )}
    </Section>
  );
}

function PagoPa({ options }: { options: PaymentOptions }) {
  const { t } = useApp();
  const { pagopa } = options;
  if (!pagopa) return null;
  return (
    <Section id="pagopa" title={t.pay.pagopa}>
      <p>{t.pay.pagopaIntro}</p>
      <Details>
        <CopyDetail
          label={t.pay.noticeNumber}
          shown={groupBy4(pagopa.noticeNumber)}
          copied={pagopa.noticeNumber}
          code
        />
        <CopyDetail label={t.pay.fiscalCode} shown={pagopa.fiscalCode} code />
      </Details>
      {pagopa.qrUrl && (
        <figure className="qr">
          <img
            src={pagopa.qrUrl}
            alt={t.pay.pagopaQrAlt(pagopa.noticeNumber)}
            width={200}
            height={200}
          />
        </figure>
      )}
    </Section>
  );
}

function Card() {
  const { t } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const checkout = await api.post<{ id: string; url: string }>("/card-checkouts", {});
      window.location.assign(checkout.url);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <Section id="card" title={t.pay.card}>
      <p>{t.pay.cardIntro}</p>
      {error !== null && <ErrorAlert error={error} />}
      <Button id="pay-card" busy={busy} onClick={start}>
        {t.pay.payByCard}
      </Button>
      {busy && (
        <p className="hint" role="status">
          {t.pay.redirecting}
        </p>
      )}
    </Section>
  );
}

/** `/portal/pay`: bank transfer with RF reference and EPC QR, pagoPA notice, card. */
export function PayPage() {
  const { t } = useApp();
  const { portalCase } = useCase();
  const { data, error, reload } = useLoad<PaymentOptions>("/payment-options");
  const nothingDue =
    compareMinor(portalCase.case.balanceMinor, "0") <= 0 ||
    (data !== null && compareMinor(data.amountMinor, "0") <= 0);
  return (
    <>
      <BackLink />
      <PageHeading title={t.pay.title} />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {!error && !data && <Loading />}
      {data && nothingDue && (
        <Alert tone="success">
          <p>{t.pay.nothingToPay}</p>
        </Alert>
      )}
      {data && !nothingDue && (
        <>
          <section className="card balance-card" aria-labelledby="pay-amount-label">
            <p id="pay-amount-label" className="balance-label">
              {data.installment ? t.pay.installmentLabel : t.pay.amountLabel}
            </p>
            <p className="balance">
              <Amount minor={data.amountMinor} currency={data.currency} />
            </p>
            <p>{t.pay.intro}</p>
          </section>
          <BankTransfer options={data} />
          <PagoPa options={data} />
          {data.card && <Card />}
        </>
      )}
    </>
  );
}
