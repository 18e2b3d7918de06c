import { type ReactNode, useState } from "react";
import { useApp, useCase } from "../app-context";
import { Alert, ErrorAlert, Loading } from "../components/alert";
import { useMoney } from "../components/amount";
import { BackLink, Link } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { formatDay } from "../format";
import { word } from "../i18n/lookup";
import { reasonText } from "../reasons";
import { PATHS } from "../router";
import type { PlanOptions, PortalCase } from "../types";
import { useLoad } from "../use-load";
import { SurveyInvitation } from "./overview-page";
import { PlanForm } from "./plan-form";
import { PlanSignature } from "./plan-signature";

type Phase =
  | { kind: "choose"; rejected: string[] | null }
  | { kind: "sign"; id: string; summary: string; startDate: string }
  | { kind: "active" }
  | { kind: "pending" }
  | { kind: "inForce" };

/** Where the page starts: a plan waiting for its signature is signed, not proposed again. */
function startingPhase(
  portalCase: PortalCase,
  summary: (count: number, frequency: string, minor: string) => string,
): Phase {
  const { plan } = portalCase;
  if (plan?.status === "awaiting_signature") {
    const first = plan.installments[0];
    return {
      kind: "sign",
      id: plan.id,
      summary: first ? summary(plan.installments.length, plan.frequency, first.amountMinor) : "",
      startDate: first?.dueDate ?? portalCase.today,
    };
  }
  if (plan?.status === "pending_approval") return { kind: "pending" };
  if (plan?.status === "active" || plan?.status === "at_risk") return { kind: "inForce" };
  return { kind: "choose", rejected: null };
}

/** `/portal/plan`: choose installments and a start date, then sign with a one-time code. */
export function PlanPage() {
  const { t, language } = useApp();
  const { portalCase, reloadCase } = useCase();
  const money = useMoney(portalCase.case.currency);
  const summary = (count: number, frequency: string, minor: string) =>
    t.plan.option(count, word(t.frequency, frequency), money(minor));
  const [phase, setPhase] = useState<Phase>(() => startingPhase(portalCase, summary));
  const choosing = phase.kind === "choose";
  const { data, error, reload } = useLoad<PlanOptions>(choosing ? "/plan-options" : null);

  const home = (
    <p>
      <Link to={PATHS.overview}>{t.common.backToAccount}</Link>
    </p>
  );
  let body: ReactNode;
  if (phase.kind === "active") {
    body = (
      <>
        <Alert tone="success" title={t.plan.active} focus>
          <p>{t.plan.activeBody}</p>
        </Alert>
        <SurveyInvitation />
        {home}
      </>
    );
  } else if (phase.kind === "pending" || phase.kind === "inForce") {
    body = (
      <>
        <Alert tone="info" focus>
          <p>{phase.kind === "pending" ? t.plan.pending : t.plan.alreadyActive}</p>
        </Alert>
        {home}
      </>
    );
  } else if (phase.kind === "sign") {
    body = (
      <PlanSignature
        planId={phase.id}
        summary={phase.summary}
        start={formatDay(phase.startDate, language)}
        onSigned={() => {
          setPhase({ kind: "active" });
          void reloadCase();
        }}
      />
    );
  } else if (error) {
    body = <ErrorAlert error={error} onRetry={reload} />;
  } else if (!data) {
    body = <Loading />;
  } else if (
    data.options.length === 0 &&
    (data.maxInstallments < 2 || data.frequencies.length === 0)
  ) {
    body = (
      <>
        <p>{t.plan.none}</p>
        <p>
          <Link to={PATHS.messages} className="button button-primary">
            {t.plan.writeToUs}
          </Link>
        </p>
      </>
    );
  } else {
    body = (
      <>
        <p>{t.plan.intro}</p>
        {phase.rejected && (
          <Alert tone="error" title={t.plan.rejectedTitle} focus>
            {phase.rejected.length > 0 && (
              <ul>
                {phase.rejected.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
            <p>{t.plan.rejectedHint}</p>
          </Alert>
        )}
        <PlanForm
          key={phase.rejected ? phase.rejected.join("|") : "first"}
          choices={data}
          onAnswer={(answer, proposal) => {
            if (answer.status === "awaiting_signature" && answer.id) {
              setPhase({
                kind: "sign",
                id: answer.id,
                summary: proposal.installmentMinor
                  ? summary(proposal.installments, proposal.frequency, proposal.installmentMinor)
                  : "",
                startDate: proposal.startDate,
              });
            } else if (answer.status === "pending_approval") {
              setPhase({ kind: "pending" });
            } else {
              const reasons = (answer.reasons ?? []).map((item) =>
                reasonText(item, t.plan.reasons),
              );
              setPhase({ kind: "choose", rejected: reasons });
            }
            void reloadCase();
          }}
        />
      </>
    );
  }

  return (
    <>
      <BackLink />
      <PageHeading title={t.plan.title} />
      {body}
    </>
  );
}
