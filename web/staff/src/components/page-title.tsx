import { Title } from "@mantine/core";
import { useEffect } from "react";
import { useI18n } from "../i18n/context";

/** The page's one h1, which also names the browser tab. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${children} · ${t.common.appName}`;
  }, [children, t]);
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
