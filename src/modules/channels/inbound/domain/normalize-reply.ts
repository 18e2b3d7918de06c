/**
 * Turns a debtor's reply into the plain form the phrase rules are written for:
 * lower case, no accents, no apostrophes, SMS shorthand spelled out and the
 * commonest typos in key words repaired. Rules then need one spelling per phrase.
 */
import { correctTypos } from "./typo-tolerance.js";

/** SMS and chat shorthand, Italian and English, spelled out word by word. */
const SHORTHAND: Record<string, string> = {
  nn: "non",
  cmq: "comunque",
  xke: "perche",
  xche: "perche",
  xk: "perche",
  perke: "perche",
  ke: "che",
  xo: "pero",
  sn: "sono",
  tt: "tutto",
  qnd: "quando",
  qndo: "quando",
  nnt: "niente",
  dmn: "domani",
  sett: "settimana",
  prox: "prossima",
  pross: "prossima",
  gg: "giorni",
  msg: "messaggi",
  bonif: "bonifico",
  pagam: "pagamento",
  cn: "con",
  dp: "dopo",
  pls: "please",
  plz: "please",
  plez: "please",
  thx: "thanks",
  u: "you",
  ur: "your",
  im: "i am",
  tmr: "tomorrow",
  tmrw: "tomorrow",
  tmrrw: "tomorrow",
  "2moro": "tomorrow",
  "2morrow": "tomorrow",
  nxt: "next",
  wk: "week",
};

/** "x" means "per" in Italian SMS ("x fine mese", "x favore"), but not in English. */
const ITALIAN_ONLY_SHORTHAND: Record<string, string> = { x: "per" };

export function normalizeReply(text: string, language?: "it" | "en"): string {
  const folded = text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "") // accents: "già" and "gia" read the same
    .toLowerCase()
    .replace(/[’‘`´']/g, "") // "gia'" → "gia", "l'ho" → "lho", "can't" → "cant"
    .replace(/\+(?!\s*\d)/g, " piu ") // "non scrivetemi +"
    .replace(/(\p{L})\1{2,}/gu, "$1") // "stoooop", "pagatooo"
    // Keep what dates, amounts and clause boundaries need; everything else separates words.
    .replace(/[^\p{L}\p{N}€/.,;:!?\n-]+/gu, " ");
  const shorthand = language === "en" ? SHORTHAND : { ...SHORTHAND, ...ITALIAN_ONLY_SHORTHAND };
  const words = folded.replace(/[\p{L}\p{N}]+/gu, (word) => shorthand[word] ?? word);
  return correctTypos(words)
    .replace(/[ \t]+/g, " ")
    .trim();
}

export interface Clause {
  text: string;
}

/**
 * Splits normalised text where one statement ends and the next begins, so a
 * "non" in one clause does not negate the next and a date attaches to the verb
 * beside it: sentence punctuation, commas not inside numbers, and "ma"/"but".
 */
export function splitClauses(normalized: string): Clause[] {
  return normalized
    .split(/[.!?;:\n]+(?!\d)|(?<!\d),|,(?!\d)|\b(?:ma|pero|but|however|anyway|comunque)\b/)
    .map((part) => (part ?? "").replace(/\s+/g, " ").trim())
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part }));
}
