/**
 * RF creditor references (ISO 11649) written inside free text: compact
 * ("RF18539007547034") or printed in groups of four ("RF18 5390 0754 7034").
 */
import { isValidCreditorReference } from "../domain/rf-reference.js";

const COMPACT = /\bRF\d{2}[A-Z0-9]{1,21}\b/gi;
const GROUPED = /\bRF\d{2}(?: [A-Z0-9]{1,4}){1,6}\b/gi;

/**
 * Compact ones are taken as written ("looks like" is enough: matching checks them).
 * A grouped one is taken only when its check digits hold, dropping trailing groups
 * until they do, so the word after it is not swallowed ("RF18 5390 0754 7034 SALDO").
 */
export function rfReferencesIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(COMPACT)) found.add(match[0].toUpperCase());
  for (const match of text.matchAll(GROUPED)) {
    const groups = match[0].toUpperCase().split(" ");
    for (let n = groups.length; n >= 2; n--) {
      const candidate = groups.slice(0, n).join("");
      if (isValidCreditorReference(candidate)) {
        found.add(candidate);
        break;
      }
    }
  }
  return [...found];
}
