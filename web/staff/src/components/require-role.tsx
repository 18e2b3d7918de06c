import { Alert } from "@mantine/core";
import { Navigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { Role } from "../api/types";
import { useI18n } from "../i18n/context";
import { homeOf, useMe } from "../session";
import { PageTitle } from "./page-title";

/** The page, or a plain "not for your role" (the layout has already loaded /me). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  if (!me.data) return null;
  if (roles.includes(me.data.role)) return children;
  return (
    <>
      <PageTitle>{t.common.appName}</PageTitle>
      <Alert color="red" role="alert">
        {t.common.forbidden}
      </Alert>
    </>
  );
}

/** /app/ sends each role to its page. */
export function HomeRedirect() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.data) return null;
  const home = homeOf(me.data.role);
  if (home) return <Navigate to={home} replace />;
  return (
    <>
      <PageTitle>{t.common.appName}</PageTitle>
      <Alert color="red" role="alert">
        {t.common.forbidden}
      </Alert>
    </>
  );
}
