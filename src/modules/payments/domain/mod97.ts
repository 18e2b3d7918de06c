/**
 * ISO 7064 MOD 97-10 over an alphanumeric string, as used by IBAN (ISO 13616) and
 * the RF creditor reference (ISO 11649): letters count as two digits (A=10 … Z=35).
 * Computed digit by digit so no big integers are needed.
 */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const value = Number.parseInt(char, 36);
    if (Number.isNaN(value)) throw new RangeError(`not alphanumeric: ${char}`);
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder;
}
