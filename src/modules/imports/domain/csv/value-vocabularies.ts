/**
 * The words Italian and English files use in coded columns (tipo soggetto,
 * stato, tipo documento, ...). Matching uses the same folding as headers, so
 * "Nota di credito", "NOTA_CREDITO" and "nota-credito" all match.
 */
import type { ContactChannel, DebtorKind, DocumentType, InvoiceStatus } from "../records.js";
import type { CanonicalField } from "./fields.js";
import { normalizeKey } from "./normalize-key.js";

type Vocabulary = Record<string, string[]>;

const DEBTOR_TYPES: Vocabulary = {
  person: [
    "persona",
    "persona fisica",
    "PF",
    "privato",
    "consumatore",
    "person",
    "individual",
    "B2C",
  ],
  company: [
    "azienda",
    "società",
    "PG",
    "persona giuridica",
    "impresa",
    "ditta",
    "ente",
    "company",
    "business",
    "B2B",
  ],
};

const STATUSES: Vocabulary = {
  open: [
    "aperta",
    "aperto",
    "da pagare",
    "insoluta",
    "insoluto",
    "scaduta",
    "scaduto",
    "parzialmente pagata",
    "open",
    "unpaid",
    "overdue",
    "partially paid",
  ],
  paid: [
    "pagata",
    "pagato",
    "saldata",
    "saldato",
    "incassata",
    "incassato",
    "chiusa",
    "paid",
    "settled",
  ],
  cancelled: ["annullata", "annullato", "stornata", "stornato", "cancelled", "canceled", "void"],
};

/** TD codes are the FatturaPA document types; TD04 is the credit note, TD05 the debit note. */
const DOCUMENT_TYPES: Vocabulary = {
  invoice: [
    "fattura",
    "fattura differita",
    "parcella",
    "nota di debito",
    "invoice",
    "debit note",
    "TD01",
    "TD02",
    "TD03",
    "TD05",
    "TD06",
    "TD24",
    "TD25",
    "TD26",
  ],
  credit_note: ["nota_credito", "nota di credito", "NC", "credit_note", "credit note", "TD04"],
};

const CONTACT_TYPES: Vocabulary = {
  phone: ["telefono", "tel", "fisso", "phone", "landline"],
  mobile: ["cellulare", "cell", "mobile", "sms"],
  email: ["email", "e-mail", "mail"],
  pec: ["pec", "posta certificata"],
  postal: ["indirizzo", "posta", "postale", "lettera", "postal", "address", "letter"],
};

const OPT_OUTS: Vocabulary = {
  email: ["email", "e-mail", "mail"],
  sms: ["sms"],
  call: ["chiamata", "chiamate", "telefono", "telefonate", "call", "calls", "phone"],
  letter: ["lettera", "lettere", "posta", "letter"],
  pec: ["pec"],
  voice: ["vocale", "messaggio vocale", "voice", "ivr"],
  all: ["tutti", "tutto", "all", "sì", "yes", "true", "x", "1"],
  none: ["nessuno", "none", "no", "false", "0"],
};

const COUNTRIES: Vocabulary = {
  IT: ["Italia", "Italy"],
  SM: ["San Marino"],
  VA: ["Città del Vaticano", "Vatican City"],
  CH: ["Svizzera", "Switzerland"],
  FR: ["Francia", "France"],
  DE: ["Germania", "Germany"],
  AT: ["Austria"],
  ES: ["Spagna", "Spain"],
  GB: ["Regno Unito", "United Kingdom", "UK"],
  US: ["Stati Uniti", "United States", "USA"],
};

const LANGUAGES: Vocabulary = {
  it: ["italiano", "italian", "ita"],
  en: ["inglese", "english", "eng"],
  de: ["tedesco", "german", "deutsch"],
  fr: ["francese", "french"],
  es: ["spagnolo", "spanish"],
};

/** Canonical value → accepted words, per coded field (printed by describeDefaultMapping). */
export const VALUE_VOCABULARIES: Partial<Record<CanonicalField, Vocabulary>> = {
  debtor_type: DEBTOR_TYPES,
  status: STATUSES,
  document_type: DOCUMENT_TYPES,
  contact_type: CONTACT_TYPES,
  contact_opt_out: OPT_OUTS,
  country: COUNTRIES,
  language: LANGUAGES,
};

function lookupOf(vocabulary: Vocabulary): Map<string, string> {
  const map = new Map<string, string>();
  for (const [value, words] of Object.entries(vocabulary)) {
    map.set(normalizeKey(value), value);
    for (const word of words) map.set(normalizeKey(word), value);
  }
  return map;
}

const DEBTOR_TYPE_LOOKUP = lookupOf(DEBTOR_TYPES);
const STATUS_LOOKUP = lookupOf(STATUSES);
const DOCUMENT_TYPE_LOOKUP = lookupOf(DOCUMENT_TYPES);
const CONTACT_TYPE_LOOKUP = lookupOf(CONTACT_TYPES);
const OPT_OUT_LOOKUP = lookupOf(OPT_OUTS);
const COUNTRY_LOOKUP = lookupOf(COUNTRIES);
const LANGUAGE_LOOKUP = lookupOf(LANGUAGES);

export function parseDebtorKind(text: string): DebtorKind | undefined {
  return DEBTOR_TYPE_LOOKUP.get(normalizeKey(text)) as DebtorKind | undefined;
}

export function parseInvoiceStatus(text: string): InvoiceStatus | undefined {
  return STATUS_LOOKUP.get(normalizeKey(text)) as InvoiceStatus | undefined;
}

export function parseDocumentType(text: string): DocumentType | undefined {
  return DOCUMENT_TYPE_LOOKUP.get(normalizeKey(text)) as DocumentType | undefined;
}

export type ContactTypeWord = "phone" | "mobile" | "email" | "pec" | "postal";

export function parseContactType(text: string): ContactTypeWord | undefined {
  return CONTACT_TYPE_LOOKUP.get(normalizeKey(text)) as ContactTypeWord | undefined;
}

const ALL_CHANNELS: readonly ContactChannel[] = ["email", "sms", "call", "letter", "pec", "voice"];

/** "sms;email" → ["sms","email"], "tutti" → every channel, "no" → []; undefined if a word is unknown. */
export function parseOptOut(text: string): ContactChannel[] | undefined {
  const channels = new Set<ContactChannel>();
  for (const word of text.split(/[;,|/+]+|\s+e\s+|\s+and\s+/i)) {
    if (word.trim() === "") continue;
    const value = OPT_OUT_LOOKUP.get(normalizeKey(word));
    if (value === undefined) return undefined;
    if (value === "all") for (const c of ALL_CHANNELS) channels.add(c);
    else if (value !== "none") channels.add(value as ContactChannel);
  }
  return [...channels];
}

/** ISO 3166-1 alpha-2 from a code or a common name ("Italia" → "IT"); undefined if unknown. */
export function parseCountry(text: string): string | undefined {
  const named = COUNTRY_LOOKUP.get(normalizeKey(text));
  if (named) return named;
  const code = text.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** BCP 47 primary language from "it", "it-IT", "it_IT" or a name ("Italiano"); undefined if unknown. */
export function parseLanguage(text: string): string | undefined {
  const named = LANGUAGE_LOOKUP.get(normalizeKey(text));
  if (named) return named;
  const primary = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(text.trim());
  return primary?.[1]?.toLowerCase();
}
