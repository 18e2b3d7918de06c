/** The message carrying a portal entry code, in Italian and English. */
export function entryCodeMessage(
  language: "it" | "en",
  input: { creditor: string; code: string; minutes: number },
): { subject: string; text: string } {
  if (language === "it") {
    return {
      subject: `${input.creditor}: il Suo codice di accesso`,
      text:
        `${input.creditor}: il codice per accedere alla Sua area personale è ${input.code}. ` +
        `Vale ${input.minutes} minuti. Non lo comunichi a nessuno: non Glielo chiederemo mai.`,
    };
  }
  return {
    subject: `${input.creditor}: your access code`,
    text:
      `${input.creditor}: the code to open your personal page is ${input.code}. ` +
      `It is valid for ${input.minutes} minutes. Do not share it: we will never ask you for it.`,
  };
}
