/**
 * Mantine's theme for the staff app, tuned for WCAG's 4.5:1 text contrast:
 * - filled components pick black or white text by the background's luminance, with the
 *   threshold where both give the same contrast (0.179) instead of Mantine's 0.3;
 * - light and outline variants keep their tinted background and border but write in
 *   black (Mantine's shade-6 text on a tint is under 4.5:1 for green, yellow, orange);
 * - "dimmed" text is grey.7 instead of grey.6.
 * The focus ring shows for keyboard focus (:focus-visible) only.
 */
import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  type VariantColorsResolver,
} from "@mantine/core";

const variantColors: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant === "light" || input.variant === "outline")
    return {
      ...colors,
      color: "var(--mantine-color-black)",
      hoverColor: "var(--mantine-color-black)",
    };
  return colors;
};

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.179,
  variantColorResolver: variantColors,
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
