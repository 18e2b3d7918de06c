import * as mupdf from "mupdf";
import type { LetterInput } from "../letter.js";
import { epcQrPayload, validPagopaPayload } from "./qr-vectors.js";

/** A small two-tone logo, so the letterhead's image path is exercised. */
export function sampleLogoPng(): Buffer {
  const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, 240, 90], false);
  pixmap.clear(255);
  const pixels = pixmap.getPixels();
  const stride = pixmap.getStride();
  for (let y = 10; y < 80; y++) {
    for (let x = 10; x < 80; x++) {
      const at = y * stride + x * 3;
      pixels[at] = 0x10;
      pixels[at + 1] = 0x7a;
      pixels[at + 2] = 0x55;
    }
  }
  return Buffer.from(pixmap.asPNG());
}

export const EPC_PAYLOAD = epcQrPayload("jepc-umlauts-utf8");
export const PAGOPA_PAYLOAD = validPagopaPayload();

const FORMAL_NOTICE_BODY = `Gentile Signora Bianchi,

Le scriviamo in nome e per conto della nostra mandante Luce & Gas Italia S.p.A. perché risultano tuttora non pagate le fatture indicate di seguito, nonostante i precedenti avvisi.

La invitiamo pertanto a provvedere al pagamento dell'importo complessivo entro 15 giorni dal ricevimento della presente, con una delle modalità indicate qui sotto. Qualora il pagamento fosse già stato effettuato, La preghiamo di considerare nulla la presente e di inviarci copia della ricevuta.

Comprendiamo che possano esserci difficoltà: se desidera concordare un piano di rientro o ha bisogno di chiarimenti, può chiamarci dal lunedì al venerdì, dalle 9:00 alle 18:00, al numero 02 1234 5678, oppure scriverci a assistenza@esempio-servizi.it. Un nostro operatore Le risponderà personalmente.

Distinti saluti.

Esempio Servizi S.r.l.
Ufficio Gestione Clienti`;

export function formalNoticeIt(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    language: "it",
    letterhead: {
      name: "Esempio Servizi S.r.l.",
      addressLines: ["Via Giuseppe Verdi 12", "20121 Milano (MI)"],
      vatNumber: "01234567890",
      email: "assistenza@esempio-servizi.it",
      phone: "02 1234 5678",
      website: "www.esempio-servizi.it",
      logoPng: sampleLogoPng(),
      colour: "#107a55",
    },
    returnAddress: "Esempio Servizi S.r.l. · Casella Postale 123 · 20100 Milano",
    recipient: {
      name: "Sig.ra Maria Bianchi",
      lines: ["Via dei Fiori 7, int. 3", "00184 ROMA RM"],
    },
    place: "Milano",
    date: "12 marzo 2026",
    reference: "PR-2026-000417",
    subject: "Diffida ad adempiere e costituzione in mora – fatture n. 2025/1187 e 2025/1342",
    body: FORMAL_NOTICE_BODY,
    amounts: {
      rows: [
        { label: "Capitale (fatture n. 2025/1187 e 2025/1342)", amount: "€ 1.120,00" },
        { label: "Interessi di mora (D.Lgs. 231/2002) al 12/03/2026", amount: "€ 74,56" },
        { label: "Spese di sollecito", amount: "€ 40,00" },
      ],
      total: { label: "Totale da pagare", amount: "€ 1.234,56" },
    },
    payment: {
      lines: [
        "Bonifico SEPA a Esempio Servizi S.r.l.",
        "IBAN IT60 X054 2811 1010 0000 0123 456",
        "Causale: PR-2026-000417",
        "Oppure con l'avviso pagoPA presso banche, uffici postali e app.",
      ],
      qrCodes: [
        { label: "Bonifico (EPC QR)", payload: EPC_PAYLOAD },
        { label: "pagoPA", payload: PAGOPA_PAYLOAD },
      ],
    },
    registered: { trackingNumber: "RR 1234 5678 9012" },
    ...overrides,
  };
}
