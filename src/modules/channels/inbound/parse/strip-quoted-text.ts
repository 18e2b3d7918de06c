/**
 * The debtor's own words in a reply, without the message they are answering:
 * our reminder quoted back would otherwise be classified as their intent
 * ("ha già pagato?" in our text is not their "ho già pagato").
 */

/** "Il giorno … ha scritto:", "On … wrote:", also wrapped over two or three lines. */
const ATTRIBUTION_START = /^\s*(?:il|on|el|le|am|in data)\b/i;
const ATTRIBUTION_END =
  /(?:ha scritto|hanno scritto|wrote|a écrit|escribió|escreveu|schrieb)\s*:?\s*$/i;
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(?:original message|messaggio originale|forwarded message|messaggio inoltrato|ursprüngliche nachricht|message d'origine)\s*-{2,}\s*$/i;
const SEPARATOR_LINE = /^\s*_{10,}\s*$/;
/** Outlook's header block: "Da: … / Inviato: …", "From: … / Sent: …", bold or not. */
const HEADER_FROM = /^\s*\*?(?:da|from|de|von)\s*:/i;
const HEADER_SENT = /(?:^|\s|\*)(?:inviato|sent|data|date|enviado|gesendet|envoyé)\s*:/i;
const QUOTED_LINE = /^\s*>/;

export function stripQuotedText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const cut = lines.findIndex((_, index) => startsQuotedOriginal(lines, index));
  return (cut >= 0 ? lines.slice(0, cut) : lines)
    .filter((line) => !QUOTED_LINE.test(line))
    .join("\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function startsQuotedOriginal(lines: string[], index: number): boolean {
  const line = lines[index] ?? "";
  if (ORIGINAL_MESSAGE.test(line)) return true;
  if (isAttribution(lines, index)) return true;
  if (HEADER_FROM.test(line)) {
    const rest = line.replace(HEADER_FROM, "");
    const following = lines.slice(index + 1, index + 3);
    return HEADER_SENT.test(rest) || following.some((next) => HEADER_SENT.test(next));
  }
  if (SEPARATOR_LINE.test(line)) {
    return lines.slice(index + 1, index + 4).some((next) => HEADER_FROM.test(next));
  }
  return false;
}

/**
 * An attribution names a date or an address; that keeps a debtor's own
 * sentence ending in "wrote:" from cutting the reply.
 */
function isAttribution(lines: string[], index: number): boolean {
  const first = lines[index] ?? "";
  const longest = ATTRIBUTION_START.test(first) ? 3 : 1;
  for (let count = 1; count <= longest; count++) {
    const joined = lines.slice(index, index + count).join(" ");
    if (ATTRIBUTION_END.test(joined)) return /\d|@/.test(joined);
  }
  return false;
}
