import type { LetterLanguage } from "./letter.js";

/** The few fixed words a letter prints besides the template's own text. */
export interface LetterStrings {
  registered: string;
  trackingNumber: string;
  reference: string;
  subject: string;
  paymentTitle: string;
  vatNumber: string;
  pageOf: (page: number, total: number) => string;
}

export const LETTER_STRINGS: Record<LetterLanguage, LetterStrings> = {
  it: {
    registered: "Raccomandata A/R",
    trackingNumber: "N.",
    reference: "Rif.",
    subject: "Oggetto",
    paymentTitle: "Modalità di pagamento",
    vatNumber: "P.IVA",
    pageOf: (page, total) => `Pagina ${page} di ${total}`,
  },
  en: {
    registered: "Registered letter",
    trackingNumber: "No.",
    reference: "Ref.",
    subject: "Subject",
    paymentTitle: "How to pay",
    vatNumber: "VAT No.",
    pageOf: (page, total) => `Page ${page} of ${total}`,
  },
};
