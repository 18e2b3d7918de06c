/** Which page answers which portal route, and its title while the case is loading. */
import type { ReactNode } from "react";
import type { Messages } from "../i18n/it";
import type { PortalRouteName, Route } from "../router";
import { MessagesPage } from "./messages-page";
import { OverviewPage } from "./overview-page";
import { PaidPage } from "./paid-page";
import { PayPage } from "./pay-page";
import { PlanPage } from "./plan-page";
import { PreferencesPage } from "./preferences-page";
import { PromisePage } from "./promise-page";
import { SurveyPage } from "./survey-page";
import { WhyPage } from "./why-page";

export function portalTitle(name: PortalRouteName, t: Messages): string {
  return t[name].title;
}

export function portalPage(route: Exclude<Route, { name: "entry" | "notFound" }>): ReactNode {
  switch (route.name) {
    case "overview":
      return <OverviewPage />;
    case "pay":
      return <PayPage />;
    case "paid":
      return <PaidPage checkout={route.checkout} />;
    case "promise":
      return <PromisePage />;
    case "plan":
      return <PlanPage />;
    case "why":
      return <WhyPage />;
    case "preferences":
      return <PreferencesPage />;
    case "messages":
      return <MessagesPage />;
    case "survey":
      return <SurveyPage />;
  }
}
