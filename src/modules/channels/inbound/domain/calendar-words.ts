/** Month, weekday and number words, Italian and English, as normalised text spells them. */

/** Groups of synonyms, the n-th group (from 1) naming the value n. */
function numbered(groups: string): Record<string, number> {
  const entries = groups
    .trim()
    .split("\n")
    .flatMap((line, index) =>
      line
        .trim()
        .split(/\s+/)
        .map((word) => [word, index + 1] as const),
    );
  return Object.fromEntries(entries);
}

export const MONTHS = numbered(`
  gennaio gen january jan
  febbraio feb february
  marzo mar march
  aprile apr april
  maggio mag may
  giugno giu june jun
  luglio lug july jul
  agosto ago august aug
  settembre set september sep sept
  ottobre ott october oct
  novembre nov november
  dicembre dic december dec
`);

/**
 * ISO weekday (Monday = 1). Ambiguous abbreviations are left out: "mar" is
 * also March, "dom" could be domani, "sat"/"sun" are English words.
 */
export const WEEKDAYS = numbered(`
  lunedi lun monday mon
  martedi tuesday tue tues
  mercoledi mer wednesday wed
  giovedi gio thursday thu thur thurs
  venerdi ven friday fri
  sabato sab saturday
  domenica sunday
`);

const SMALL_NUMBERS = numbered(`
  un uno una a an one
  due two paio couple
  tre three
  quattro four
  cinque five
  sei six
  sette seven
  otto eight
  nove nine
  dieci ten
`);

export const NUMBER_WORDS: Record<string, number> = {
  ...SMALL_NUMBERS,
  quindici: 15,
  fifteen: 15,
  venti: 20,
  twenty: 20,
  trenta: 30,
  thirty: 30,
};

/** An alternation of the keys, longest first so "settembre" wins over "set". */
export function alternation(words: Record<string, number>): string {
  return Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join("|");
}

export function amountOfWord(word: string): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}
