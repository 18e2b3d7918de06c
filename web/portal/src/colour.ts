/**
 * The creditor's colour is an accent only, and only when white text on it (and it as
 * text on white) reaches WCAG's 4.5:1; otherwise the portal keeps its own blue.
 */

export const DEFAULT_ACCENT = "#1d4ed8";
const MIN_CONTRAST = 4.5;

function parseHex(colour: string): [number, number, number] | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!match?.[1]) return null;
  const hex =
    match[1].length === 3
      ? match[1]
          .split("")
          .map((digit) => digit + digit)
          .join("")
      : match[1];
  return [0, 2, 4].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as [
    number,
    number,
    number,
  ];
}

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(rgb: readonly [number, number, number]): number {
  const [red, green, blue] = rgb;
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}

/** Contrast ratio of a colour against white, or 0 when the colour is not #rgb / #rrggbb. */
export function contrastWithWhite(colour: string): number {
  const rgb = parseHex(colour);
  if (!rgb) return 0;
  return 1.05 / (luminance(rgb) + 0.05);
}

export function accentColour(colour: string | null | undefined): string {
  if (!colour || contrastWithWhite(colour) < MIN_CONTRAST) return DEFAULT_ACCENT;
  const rgb = parseHex(colour);
  return rgb
    ? `#${rgb.map((value) => value.toString(16).padStart(2, "0")).join("")}`
    : DEFAULT_ACCENT;
}
