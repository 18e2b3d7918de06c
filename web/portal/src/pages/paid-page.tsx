import { useEffect, useState } from "react";
import { api, isApiError } from "../api";
import { useApp, useCase } from "../app-context";
import { Alert } from "../components/alert";
import { useMoney } from "../components/amount";
import { Link } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { PATHS } from "../router";
import type { CardCheckout } from "../types";
import { SurveyInvitation } from "./overview-page";

const POLL_EVERY_MS = 2_000;
const GIVE_UP_AFTER_MS = 60_000;

type Outcome = "waiting" | "paid" | "failed" | "expired" | "timeout" | "missing";

/**
 * `/portal/paid?checkout=ID`: where the card provider sends the debtor back. The
 * provider is given `checkout=latest` (the case's newest card payment); without the
 * parameter the newest one is asked for too.
 */
export function PaidPage({ checkout: asked }: { checkout: string | null }) {
  const checkout = asked?.trim() || "latest";
  const { t } = useApp();
  const { portalCase, reloadCase } = useCase();
  const [outcome, setOutcome] = useState<Outcome>("waiting");
  const [paid, setPaid] = useState<{ amountMinor: string; currency: string } | null>(null);
  const money = useMoney(paid?.currency ?? portalCase.case.currency);

  useEffect(() => {
    const started = Date.now();
    let stopped = false;
    let timer = 0;
    const again = () => {
      if (Date.now() - started >= GIVE_UP_AFTER_MS) setOutcome("timeout");
      else timer = window.setTimeout(poll, POLL_EVERY_MS);
    };
    const poll = async () => {
      try {
        const answer = await api.get<CardCheckout>(
          `/card-checkouts/${encodeURIComponent(checkout)}`,
        );
        if (stopped) return;
        if (answer.status === "open") return again();
        setPaid({
          amountMinor: answer.amountMinor,
          currency: answer.currency ?? portalCase.case.currency,
        });
        setOutcome(answer.status);
        if (answer.status === "paid") void reloadCase();
      } catch (error) {
        if (stopped || isApiError(error, "portal_session_required")) return;
        // Not ours or not there (404), or not an id at all (400).
        if (isApiError(error) && (error.status === 404 || error.status === 400)) {
          setOutcome("missing");
        } else again(); // a hiccup of the network: keep trying until the time is up
      }
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [checkout, reloadCase, portalCase.case.currency]);

  const retry = (
    <p>
      <Link to={PATHS.pay} className="button button-primary">
        {t.paid.tryAgain}
      </Link>
    </p>
  );
  const home = (
    <p>
      <Link to={PATHS.overview}>{t.common.backToAccount}</Link>
    </p>
  );

  return (
    <>
      <PageHeading title={t.paid.title} />
      {outcome === "waiting" && (
        <Alert tone="info">
          <p className="waiting">{t.paid.waiting}</p>
        </Alert>
      )}
      {outcome === "paid" && (
        <>
          <Alert tone="success" title={t.paid.paid} focus>
            {paid && <p>{t.paid.paidAmount(money(paid.amountMinor))}</p>}
          </Alert>
          <SurveyInvitation />
          {home}
        </>
      )}
      {(outcome === "failed" || outcome === "expired") && (
        <>
          <Alert tone="error" title={outcome === "failed" ? t.paid.failed : t.paid.expired} focus>
            <p>{t.paid.tryAgainHint}</p>
          </Alert>
          {retry}
        </>
      )}
      {outcome === "timeout" && (
        <>
          <Alert tone="info" focus>
            <p>{t.paid.timeout}</p>
          </Alert>
          {home}
        </>
      )}
      {outcome === "missing" && (
        <>
          <Alert tone="error" focus>
            <p>{t.paid.missing}</p>
          </Alert>
          {retry}
        </>
      )}
    </>
  );
}
