/**
 * Default header recognition: the Italian and English names spreadsheets and
 * accounting exports give each column. Matching ignores case, accents, spaces,
 * underscores and punctuation, so "Città", "CITTA'" and "citta" are one header.
 */
import { CANONICAL_FIELDS, type CanonicalField, type FieldOwner, ownerOf } from "./fields.js";
import { normalizeKey } from "./normalize-key.js";
import { VALUE_VOCABULARIES } from "./value-vocabularies.js";

/** "N° Documento" → "ndocumento", "Partita I.V.A." → "partitaiva", "Città" → "citta". */
export const normalizeHeader: (text: string) => string = normalizeKey;

/** Written the way people write them; the canonical name itself is always an alias too. */
const ALIASES: Record<CanonicalField, readonly string[]> = {
  debtor_id: [
    "codice_cliente",
    "cod_cliente",
    "id_cliente",
    "customer_id",
    "customer_code",
    "client_id",
    "codice_debitore",
    "id_debitore",
  ],
  debtor_type: ["tipo_soggetto", "tipo", "tipo_cliente", "tipologia_cliente", "customer_type"],
  name: [
    "ragione_sociale",
    "nominativo",
    "denominazione",
    "intestatario",
    "nome_cliente",
    "customer_name",
    "company_name",
    "full_name",
  ],
  first_name: ["nome", "firstname", "given_name"],
  last_name: ["cognome", "lastname", "surname", "family_name"],
  tax_code: ["codice_fiscale", "cod_fiscale", "cf", "fiscal_code", "tax_id"],
  vat_number: ["partita_iva", "p_iva", "piva", "part_iva", "vat", "vat_id"],
  language: ["lingua", "lang", "locale"],
  time_zone: ["fuso_orario", "timezone", "tz"],
  segment: ["segmento", "categoria_cliente"],
  risk_score: ["punteggio_rischio", "score"],
  risk_class: ["rischio", "classe_rischio", "fascia_rischio", "risk"],
  email: ["e_mail", "mail", "indirizzo_email", "posta_elettronica"],
  pec: ["email_pec", "indirizzo_pec", "posta_certificata"],
  phone: [
    "telefono",
    "tel",
    "telefono_fisso",
    "fisso",
    "numero_telefono",
    "telephone",
    "phone_number",
  ],
  mobile: ["cellulare", "cell", "telefono_cellulare", "tel_cellulare", "cellphone", "mobile_phone"],
  address: ["indirizzo", "via", "address1", "address_line1", "street"],
  address2: ["indirizzo2", "address_line2", "complemento_indirizzo", "presso"],
  postal_code: ["cap", "codice_postale", "zip", "zip_code", "postcode"],
  city: ["citta", "comune", "localita", "town"],
  province: ["provincia", "prov", "sigla_provincia"],
  country: ["nazione", "paese", "country_code"],
  contact_type: ["tipo_contatto", "tipo_recapito"],
  contact_value: ["contatto", "valore_contatto", "recapito", "contact"],
  contact_opt_out: ["opt_out", "revoca_consenso", "non_contattare", "do_not_contact"],
  invoice_id: ["id_fattura", "id_documento", "id_doc", "document_id"],
  invoice_number: [
    "numero_fattura",
    "numero_documento",
    "num_documento",
    "n_documento",
    "n_fattura",
    "nr_documento",
    "n_doc",
    "invoice_no",
  ],
  issue_date: [
    "data_emissione",
    "data_documento",
    "data_fattura",
    "data_doc",
    "invoice_date",
    "document_date",
  ],
  due_date: ["data_scadenza", "scadenza", "data_scad", "due"],
  amount: [
    "importo",
    "importo_totale",
    "totale",
    "totale_documento",
    "importo_documento",
    "importo_fattura",
    "total",
    "total_amount",
  ],
  open_amount: [
    "residuo",
    "importo_residuo",
    "saldo",
    "da_pagare",
    "importo_aperto",
    "scoperto",
    "outstanding",
    "balance",
    "amount_due",
  ],
  currency: ["valuta", "divisa"],
  status: ["stato", "stato_pagamento", "stato_fattura", "payment_status"],
  document_type: ["tipo_documento", "tipo_doc", "tipologia_documento", "doc_type"],
};

const LOOKUP: ReadonlyMap<string, CanonicalField> = buildLookup();

function buildLookup(): Map<string, CanonicalField> {
  const lookup = new Map<string, CanonicalField>();
  for (const field of CANONICAL_FIELDS) {
    for (const alias of [field, ...ALIASES[field]]) {
      const key = normalizeHeader(alias);
      const taken = lookup.get(key);
      // A clash would make recognition depend on table order: fail loudly at load time.
      if (taken && taken !== field)
        throw new Error(`alias "${alias}" is used by ${taken} and ${field}`);
      lookup.set(key, field);
    }
  }
  return lookup;
}

/** The canonical field a header means by default, or undefined when it is not recognised. */
export function resolveHeaderAlias(header: string): CanonicalField | undefined {
  return LOOKUP.get(normalizeHeader(header));
}

export interface FieldDescription {
  field: CanonicalField;
  /** Which record the field feeds ("key" is debtor_id, which every record needs). */
  record: FieldOwner;
  /** Headers recognised by default, the canonical name first. */
  aliases: string[];
  /** For coded fields: canonical value → the words accepted for it. */
  values?: Record<string, string[]>;
}

/** The default alias table, for the docs and the import screen. */
export function describeDefaultMapping(): FieldDescription[] {
  return CANONICAL_FIELDS.map((field) => {
    const values = VALUE_VOCABULARIES[field];
    return {
      field,
      record: ownerOf(field),
      aliases: [field, ...ALIASES[field]],
      ...(values ? { values: structuredClone(values) } : {}),
    };
  });
}
