/**
 * Whether a phrase is negated: the nearest word before it that carries
 * meaning is a negation. Auxiliaries, pronouns, modals and "ancora"/"yet" are
 * looked past, so "non l ho ancora pagato", "non posso pagare" and "I have not
 * yet paid" are negated, while "non vi preoccupate, ho pagato" is not.
 */

const words = (list: string) => new Set(list.trim().split(/\s+/));

/**
 * "pensavo di aver già pagato" / "I thought I had paid" deny the payment;
 * "vi diffido dal contattarmi" is a formal demand not to.
 */
const NEGATIONS = words(`
  non nemmeno neanche neppure senza
  not never dont doesnt didnt cant cannot wont havent hasnt hadnt isnt wasnt arent werent
  shouldnt wouldnt couldnt unable
  pensavo credevo thought
  diffido
`);

/** Words that sit between a negation and its verb without changing the sense. */
const TRANSPARENT = words(`
  ho hai ha abbiamo avete hanno avevo lho lha lhai e sono aver avere
  mi ti vi ci lo la li le ne gli l dal a di
  ancora gia mai piu proprio affatto assolutamente
  posso possiamo potro potrei riesco riusciro voglio vogliamo
  i we have has had do did does will would can could be been am is are was to able
  yet still ever really it this that going gonna want
`);

/** True when the text before a phrase, in the same clause, ends in a negation. */
export function isNegated(textBefore: string): boolean {
  const before = textBefore.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (let i = before.length - 1; i >= 0; i--) {
    const word = before[i] ?? "";
    if (NEGATIONS.has(word)) return true;
    if (!TRANSPARENT.has(word)) return false;
  }
  return false;
}
