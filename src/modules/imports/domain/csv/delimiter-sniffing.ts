import type { CsvDelimiter } from "./fields.js";

const CANDIDATES: readonly CsvDelimiter[] = [";", ",", "\t"];

/**
 * Picks the delimiter from the header line: the candidate used most often
 * outside quotes. Italian Excel writes ";" (the comma is the decimal mark), so
 * it wins ties; a one-column file falls back to ",".
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: CsvDelimiter = ",";
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate)!;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
