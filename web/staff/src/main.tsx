import "@mantine/core/styles.css";
import "./styles.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { setUnauthenticatedHandler } from "./api/client";
import { I18nProvider } from "./i18n/context";
import { queryClient } from "./query-client";
import { router } from "./router";
import { cssVariables, theme } from "./theme";

// Any 401 (the session ended or never was): to the login page, forgetting every answer.
setUnauthenticatedHandler(() => {
  if (router.state.location.pathname.endsWith("/login")) return;
  void router.navigate({ to: "/login" }).then(() => queryClient.clear());
});

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables} defaultColorScheme="light">
        <I18nProvider>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </I18nProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
