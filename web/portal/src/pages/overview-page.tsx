import { useApp, useCase } from "../app-context";
import { Alert } from "../components/alert";
import { Amount } from "../components/amount";
import { Link } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { compareMinor, formatDay } from "../format";
import type { Messages } from "../i18n/it";
import { word } from "../i18n/lookup";
import { PATHS } from "../router";
import type { Language, PortalCase } from "../types";
import {
  DocumentsSection,
  InvoicesSection,
  PaymentsSection,
  PlanSection,
  PromiseSection,
} from "./overview-sections";

function stateText(portalCase: PortalCase, t: Messages, language: Language): string {
  const { state, overdueSince } = portalCase.case;
  if (state === "overdue" && overdueSince) {
    return t.overview.overdueSince(formatDay(overdueSince, language));
  }
  if (state === "promise" && portalCase.promise) {
    return t.overview.promiseUntil(formatDay(portalCase.promise.dueDate, language));
  }
  return word(t.overview.state, state);
}

export function SurveyInvitation() {
  const { t } = useApp();
  const { portalCase } = useCase();
  if (!portalCase.surveyDue) return null;
  return (
    <section className="card invite" aria-labelledby="survey-invite-title">
      <h2 id="survey-invite-title">{t.overview.surveyTitle}</h2>
      <p>{t.overview.surveyBody}</p>
      <p>
        <Link to={PATHS.survey} className="button button-secondary">
          {t.overview.surveyLink}
        </Link>
      </p>
    </section>
  );
}

/** `/portal`: who, how much, what state, what can be done, and the details below. */
export function OverviewPage() {
  const { t, language } = useApp();
  const { portalCase } = useCase();
  const { case: current } = portalCase;
  const nothingDue = compareMinor(current.balanceMinor, "0") <= 0;
  const settled = current.state === "paid" || (current.state === "closed" && nothingDue);
  const closed = current.state === "closed" && !settled;
  const canAct = !settled && !closed;
  // A plan in force or being decided: no second plan or promise beside it.
  const inPlan = current.state === "plan" || current.state === "plan_review";

  return (
    <>
      <PageHeading title={t.overview.title}>
        {t.overview.greeting(portalCase.debtor.name)}
      </PageHeading>
      <p>{t.overview.intro(portalCase.creditor.name, current.reference)}</p>

      <section className="card balance-card" aria-labelledby="balance-label">
        <p id="balance-label" className="balance-label">
          {t.overview.balanceLabel}
        </p>
        <p className="balance">
          <Amount id="balance" minor={current.balanceMinor} currency={current.currency} />
        </p>
        <p className={`state state-${current.state}`}>
          <span className="state-label">{t.overview.statusLabel}: </span>
          {stateText(portalCase, t, language)}
        </p>
      </section>

      {settled && (
        <Alert tone="success" title={t.overview.paidTitle}>
          <p>{t.overview.paidBody}</p>
        </Alert>
      )}
      {closed && (
        <Alert tone="info">
          <p>{t.overview.closedBody}</p>
        </Alert>
      )}

      <SurveyInvitation />

      <nav className="actions" aria-labelledby="actions-title">
        <h2 id="actions-title">{t.overview.actions}</h2>
        <ul>
          {canAct && (
            <li>
              <Link to={PATHS.pay} className="button button-primary">
                {t.overview.pay}
              </Link>
            </li>
          )}
          {canAct && !inPlan && (
            <li>
              <Link to={PATHS.promise} className="button button-secondary">
                {t.overview.promise}
              </Link>
            </li>
          )}
          {canAct && !inPlan && (
            <li>
              <Link to={PATHS.plan} className="button button-secondary">
                {t.overview.plan}
              </Link>
            </li>
          )}
          {canAct && (
            <li>
              <Link to={PATHS.why} className="button button-secondary">
                {t.overview.why}
              </Link>
            </li>
          )}
          <li>
            <Link to={PATHS.messages} className="button button-secondary">
              {t.overview.messages(portalCase.unreadMessages)}
            </Link>
          </li>
          <li>
            <Link to={PATHS.preferences} className="button button-secondary">
              {t.overview.preferences}
            </Link>
          </li>
        </ul>
      </nav>

      <PromiseSection portalCase={portalCase} />
      <PlanSection portalCase={portalCase} />
      <InvoicesSection portalCase={portalCase} />
      <PaymentsSection portalCase={portalCase} />
      <DocumentsSection portalCase={portalCase} />
    </>
  );
}
