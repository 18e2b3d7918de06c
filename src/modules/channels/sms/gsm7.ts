/**
 * How an SMS text travels: GSM 03.38 7-bit when every character is in the
 * default alphabet or its extension table, UCS-2 otherwise, and where it is cut
 * into concatenated parts. Pure: the SMPP and HTTP transports both use it.
 */

export type SmsEncoding = "gsm7" | "ucs2";

export interface SegmentPlan {
  encoding: SmsEncoding;
  /** The text of each part, in order; empty for an empty text. */
  segments: string[];
  /** Septets (gsm7) or UTF-16 code units (ucs2) of the whole text. */
  units: number;
}

/** GSM 03.38 default alphabet, without 0x1B (the escape to the extension table). */
const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);

/** Extension table: each costs two septets (escape + code), and the pair must stay together. */
const GSM7_EXTENSION = new Set("\f^{}\\[~]|€");

/** Characters per message: a concatenated part loses room to its 6-byte UDH. */
const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
};

export function isGsm7(text: string): boolean {
  for (const char of text) {
    if (!GSM7_BASIC.has(char) && !GSM7_EXTENSION.has(char)) return false;
  }
  return true;
}

/** Septets of one GSM-7 character: 2 for the extension table, 1 otherwise. */
export function gsm7Septets(char: string): number {
  return GSM7_EXTENSION.has(char) ? 2 : 1;
}

/** Code points are never split: a character outside the BMP costs its two UTF-16 units. */
function ucs2Units(char: string): number {
  return char.length;
}

export function planSegments(text: string): SegmentPlan {
  const encoding: SmsEncoding = isGsm7(text) ? "gsm7" : "ucs2";
  const cost = encoding === "gsm7" ? gsm7Septets : ucs2Units;
  const { single, part } = LIMITS[encoding];
  // Iterating a string yields whole code points, so surrogate pairs stay together.
  const chars = Array.from(text);
  const units = chars.reduce((sum, char) => sum + cost(char), 0);
  if (units === 0) return { encoding, segments: [], units };
  if (units <= single) return { encoding, segments: [text], units };

  const segments: string[] = [];
  let current = "";
  let currentUnits = 0;
  for (const char of chars) {
    const charUnits = cost(char);
    if (currentUnits + charUnits > part) {
      segments.push(current);
      current = "";
      currentUnits = 0;
    }
    current += char;
    currentUnits += charUnits;
  }
  segments.push(current);
  return { encoding, segments, units };
}
