/**
 * Repairs one-key typos in the words the rules depend on ("cancelatemi",
 * "disocupato", "pagto", "tomorow"). Only a missing, doubled or swapped letter
 * is repaired, never a replaced one: replacing letters would turn real words
 * into keywords ("contento" → "contesto", "lotto" → "lutto").
 */

const KEYWORDS = `
pagato pagata pagati pagate pagare paghero pagheremo pagamento saldato saldata saldero
bonifico bonificato versato versero ricevuta contabile quietanza provveduto effettuato
cancellatemi cancellami cancellare contattatemi contattarmi scrivetemi scrivermi
chiamatemi chiamarmi richiamatemi richiamarmi telefonatemi disiscrivetemi rimuovetemi
toglietemi messaggi contesto contestare contestazione riconosco sbagliato sbagliata
errore truffa prescritto disoccupato disoccupata licenziato licenziata lavoro
integrazione malattia malato malata ospedale ricoverato ricoverata difficolta
economiche riesco domani dopodomani lunedi martedi mercoledi giovedi venerdi sabato
domenica settimana prossima prossimo gennaio febbraio aprile maggio giugno luglio
agosto settembre ottobre novembre dicembre operatore unsubscribe contact contacting
remove already payment transfer dispute received invoice unemployed illness hospital
afford tomorrow monday tuesday wednesday thursday friday saturday sunday please
calling number wrong
`
  .trim()
  .split(/\s+/);

const KNOWN = new Set(KEYWORDS);

/** Real words one letter away from a keyword, which must stay as written. */
const NOT_TYPOS = new Set(["malta", "malto", "lease", "domain", "removed", "caller"]);

/** Keywords by length, so a word is compared only with those one letter longer or shorter. */
const BY_LENGTH = new Map<number, string[]>();
for (const word of KEYWORDS) {
  const list = BY_LENGTH.get(word.length) ?? [];
  list.push(word);
  BY_LENGTH.set(word.length, list);
}

/** True when `shorter` is `longer` with one letter deleted. */
function oneDeletionApart(longer: string, shorter: string): boolean {
  for (let i = 0; i < longer.length; i++) {
    if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

function oneSwapApart(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

function repair(word: string): string {
  if (word.length < 5 || KNOWN.has(word) || NOT_TYPOS.has(word) || /\d/.test(word)) return word;
  for (const candidate of BY_LENGTH.get(word.length + 1) ?? []) {
    if (oneDeletionApart(candidate, word)) return candidate;
  }
  for (const candidate of BY_LENGTH.get(word.length - 1) ?? []) {
    if (oneDeletionApart(word, candidate)) return candidate;
  }
  for (const candidate of BY_LENGTH.get(word.length) ?? []) {
    if (oneSwapApart(word, candidate)) return candidate;
  }
  return word;
}

export function correctTypos(text: string): string {
  return text.replace(/\p{L}+/gu, repair);
}
