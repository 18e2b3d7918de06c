import type { AcknowledgmentStrings } from "./acknowledgment-strings.js";

const NUMBER_WORDS = ["zero", "una", "due", "tre", "quattro", "cinque", "sei"];
const count = (n: number) => NUMBER_WORDS[n] ?? String(n);
const days = (n: number) => (n === 1 ? "1 giorno" : `${n} giorni`);

/** Italian: the contract speaks of «il Debitore» and «il Creditore»; notes to the reader use "Lei". */
export const ACKNOWLEDGMENT_IT: AcknowledgmentStrings = {
  title: "Riconoscimento di debito e piano di rientro",
  subtitle: "ai sensi dell’art. 1988 del Codice civile",
  caseLine: (reference, date) => `Pratica ${reference} · Documento del ${date}`,
  creditor: "Creditore",
  debtor: "Debitore",
  vatNumber: "P.IVA",
  taxCode: "C.F.",
  acknowledgmentTitle: "1. Riconoscimento del debito",
  acknowledgment: (debtor, creditor, total) =>
    `${debtor} (di seguito «il Debitore») riconosce di essere debitore di ${creditor} ` +
    `(di seguito «il Creditore») per la somma complessiva di ${total}, dovuta in base ai ` +
    "documenti elencati di seguito, ai sensi e per gli effetti dell’art. 1988 del Codice civile.",
  debtColumns: ["Documento", "Data", "Scadenza", "Importo aperto"],
  invoice: (number) => `Fattura n. ${number}`,
  debtTotal: "Totale riconosciuto",
  planTitle: "2. Piano di rientro",
  planIntro: (installments, frequency, downPayment) => {
    const rate = installments === 1 ? "in un’unica rata" : `in ${installments} rate`;
    const cadence =
      installments === 1
        ? ""
        : frequency === "monthly"
          ? " mensili"
          : frequency === "weekly"
            ? " settimanali"
            : ", una ogni due settimane,";
    const down = downPayment ? `, dopo un acconto di ${downPayment},` : "";
    const dates =
      installments === 1 && !downPayment ? "alla scadenza seguente" : "alle scadenze seguenti";
    return `Il Creditore accetta che la somma riconosciuta sia pagata${down} ${rate}${cadence} ${dates}:`;
  },
  planColumns: ["Rata", "Scadenza", "Importo"],
  downPayment: "Acconto",
  planTotal: "Totale del piano",
  paymentTitle: "3. Modalità di pagamento",
  paymentIntro:
    "I pagamenti si effettuano con bonifico SEPA alle coordinate indicate qui sotto, riportando " +
    "sempre nella causale il riferimento RF: così ogni pagamento viene attribuito subito al piano.",
  paymentBox: "Coordinate per il bonifico",
  beneficiary: "Beneficiario",
  paymentReference: "Causale",
  contact: (ways) =>
    `Per qualsiasi domanda, o se prevede difficoltà con una rata, ci contatti prima della ` +
    `scadenza (${ways}): insieme troveremo una soluzione.`,
  termsTitle: "4. Condizioni",
  allocationTitle: "Imputazione dei pagamenti",
  allocation:
    "Ogni pagamento è imputato alle rate del piano: prima alla rata indicata nella causale, se " +
    "presente, poi alle rate non ancora pagate, a partire da quella con la scadenza più vecchia. " +
    "Il Debitore può pagare in anticipo, in tutto o in parte, in qualsiasi momento.",
  forfeitureTitle: "Decadenza dal beneficio del termine (art. 1186 c.c.)",
  forfeiture: ({ missedInstallments, graceDays, brokenAfterDays }) => {
    const within = graceDays > 0 ? `entro ${days(graceDays)} dalla` : "alla";
    const missed =
      missedInstallments === 1
        ? `non paga una rata ${within} sua scadenza`
        : `non paga ${count(missedInstallments)} rate, anche non consecutive, ${within} ` +
          "rispettiva scadenza";
    const longLate =
      missedInstallments > 1 && brokenAfterDays > graceDays
        ? `, oppure lascia una rata non pagata per oltre ${days(brokenAfterDays)} dalla sua scadenza`
        : "";
    return (
      `Se il Debitore ${missed}${longLate}, decade dal beneficio del termine: il Creditore potrà ` +
      "chiedere per iscritto il pagamento in un’unica soluzione dell’intero importo ancora dovuto."
    );
  },
  noNovationTitle: "Nessuna novazione",
  noNovation:
    "Il piano modifica soltanto i tempi di pagamento: non estingue né sostituisce l’obbligazione " +
    "originaria, che resta regolata dai documenti sopra elencati, con le relative garanzie.",
  settlementTitle: "Estinzione del debito",
  settlement:
    "Con il pagamento di tutte le rate del piano, il debito riconosciuto è interamente estinto.",
  privacyTitle: "Informativa sulla privacy",
  privacy: (controller, contact) =>
    `${controller}, titolare del trattamento, tratta i dati personali contenuti in questo ` +
    "documento e quelli registrati al momento della firma (data e ora, canale e recapito a cui è " +
    "stato inviato il codice, indirizzo IP) solo per gestire il piano di rientro, dimostrare la " +
    "firma e tutelare il proprio credito, nel rispetto del Regolamento (UE) 2016/679 (GDPR). I dati " +
    "sono conservati per il tempo richiesto da questi scopi e dalla legge. Il Debitore può " +
    "esercitare i diritti di accesso, rettifica, cancellazione, limitazione e opposizione " +
    `scrivendo a ${contact} e può proporre reclamo al Garante per la protezione dei dati personali.`,
  signatureTitle: "5. Firma elettronica",
  signature:
    "Il Debitore sottoscrive questo documento con firma elettronica, inserendo il codice monouso " +
    "di sei cifre che riceve via SMS o email. Al momento della firma vengono registrati la data e " +
    "l’ora, il canale e il recapito a cui è stato inviato il codice e l’impronta SHA-256 di questo " +
    "documento, che permette di verificare che il testo firmato non sia stato modificato.",
  signatureBoxLabel: "Il Debitore",
  signatureBoxNote: "Firma elettronica con codice monouso (OTP)",
  footer: (reference) => `Riconoscimento di debito · Pratica ${reference}`,
  pageOf: (page, total) => `Pagina ${page} di ${total}`,
  recordTitle: "Registro della firma elettronica",
  recordIntro: (pages) =>
    `Questa pagina è stata aggiunta dopo la firma. Attesta che il documento che precede ` +
    `(${pages === 1 ? "pagina 1" : `pagine 1–${pages}`}) è stato sottoscritto dal Debitore con ` +
    "un codice monouso.",
  recordDocument: "Documento",
  recordFingerprint: "Impronta SHA-256 del documento",
  recordSigner: "Firmatario",
  recordSignedAt: "Data e ora della firma",
  signedAt: (date, time, zone) =>
    `${date} alle ${time} (${zone === "Europe/Rome" ? "ora italiana" : `fuso orario ${zone}`})`,
  recordSentBy: "Codice inviato",
  sentBy: (channel, destination) =>
    channel === "sms"
      ? `via SMS al numero ${destination}`
      : `via email all’indirizzo ${destination}`,
  recordIp: "Indirizzo IP",
  recordCodeId: "Identificativo del codice",
  recordFooter: (reference) => `Registro della firma · Pratica ${reference}`,
};
