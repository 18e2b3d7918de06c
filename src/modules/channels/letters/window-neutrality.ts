/**
 * What shows through the envelope window is seen by postal workers and housemates.
 * The Garante's rules for debt collection forbid anything there that reveals a debt.
 */
const DEBT_WORDS =
  /\b(sollecit\w*|debit\w*|debt\w*|recuper\w*|credit\w*|insolut\w*|moros\w*|diffid\w*|mora|pagament\w*|payments?|overdue|arrears?|collections?|scadut\w*|ingiunzion\w*)\b/i;
const MONEY = /€|\bEUR\b|\d[.,]\d{2}\b/i;

export function revealsDebt(text: string): boolean {
  return DEBT_WORDS.test(text) || MONEY.test(text);
}

/** A return line that gives the debt away is a configuration bug: refuse to print it. */
export function assertNeutralReturnAddress(returnAddress: string): void {
  if (revealsDebt(returnAddress)) {
    throw new Error(
      `The return address shows through the envelope window and must not reveal a debt: "${returnAddress}"`,
    );
  }
}
