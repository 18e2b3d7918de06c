/**
 * Mantine's theme for the staff app. Mantine's defaults put white text on blue.6 and
 * grey.6 "dimmed" text on white, both under WCAG's 4.5:1; shade 8 and a darker dimmed
 * grey pass. The focus ring shows for keyboard focus (:focus-visible) only.
 */
import { type CSSVariablesResolver, createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  autoContrast: true,
  focusRing: "auto",
  defaultRadius: "sm",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
});

export const cssVariables: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": t.colors.gray[7] ?? "#495057",
    "--mantine-color-placeholder": t.colors.gray[7] ?? "#495057",
  },
  dark: {},
});
