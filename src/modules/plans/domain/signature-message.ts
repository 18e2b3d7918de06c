/**
 * The message carrying the one-time code a debtor signs a plan with, in Italian and
 * English, and how the destination is shown afterwards (never in full).
 */
export function signatureCodeMessage(
  language: "it" | "en",
  input: { creditor: string; caseReference: string; code: string; minutes: number },
): { subject: string; text: string } {
  if (language === "it") {
    return {
      subject: `${input.creditor}: codice per firmare il piano di rientro`,
      text:
        `${input.creditor}: il codice per firmare il piano di rientro della pratica ${input.caseReference} è ` +
        `${input.code}. Vale ${input.minutes} minuti. Non comunicarlo a nessuno.`,
    };
  }
  return {
    subject: `${input.creditor}: code to sign your repayment plan`,
    text:
      `${input.creditor}: the code to sign the repayment plan for case ${input.caseReference} is ` +
      `${input.code}. It is valid for ${input.minutes} minutes. Do not share it with anyone.`,
  };
}

/** "+39 *** *** 4567" or "m***@example.com". */
export function maskDestination(value: string): string {
  const at = value.indexOf("@");
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  const digits = value.replace(/\s/g, "");
  return `${digits.slice(0, 3)} *** *** ${digits.slice(-4)}`;
}
