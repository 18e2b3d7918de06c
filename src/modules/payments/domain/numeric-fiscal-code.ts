/**
 * The 11-digit numeric codice fiscale that Italian public bodies and companies carry
 * (the same number as their partita IVA when they have one). The last digit is a Luhn
 * check over the first ten.
 */
export function numericFiscalCodeProblem(code: string): string | null {
  if (!/^\d{11}$/.test(code)) return "must be 11 digits";
  // All zeros passes the Luhn check but is the placeholder of the pagoPA spec example.
  if (/^0+$/.test(code)) return "is all zeros (a placeholder, not a fiscal code)";
  let total = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(code[i]);
    // Even positions (counted from 1) are doubled, subtracting 9 when above 9.
    const value = i % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
    total += value;
  }
  const check = (10 - (total % 10)) % 10;
  return check === Number(code[10]) ? null : "has a wrong check digit";
}

export function isValidNumericFiscalCode(code: string): boolean {
  return numericFiscalCodeProblem(code) === null;
}
