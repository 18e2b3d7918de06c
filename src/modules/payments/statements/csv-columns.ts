/**
 * The columns of a statement CSV (see CSV_LAYOUT.md): English or Italian names,
 * matched case-insensitively, ignoring accents, "_", "-", "." and extra spaces.
 */
export type CsvField =
  | "booking_date"
  | "value_date"
  | "amount"
  | "debit"
  | "credit"
  | "currency"
  | "description"
  | "debtor_name"
  | "debtor_iban"
  | "reference"
  | "end_to_end_id"
  | "bank_reference"
  | "account_iban";

const ALIASES: Record<CsvField, string[]> = {
  booking_date: ["booking date", "data contabile", "data operazione", "data"],
  // Italian exports use "Valuta" for the value date, not for the currency ("Divisa").
  value_date: ["value date", "data valuta", "valuta"],
  amount: ["amount", "importo"],
  debit: ["debit", "dare", "addebiti", "uscite"],
  credit: ["credit", "avere", "accrediti", "entrate"],
  currency: ["currency", "divisa"],
  description: ["description", "causale", "descrizione", "descrizione operazione"],
  debtor_name: ["debtor name", "ordinante", "nome ordinante"],
  debtor_iban: ["debtor iban", "iban ordinante"],
  reference: ["reference", "riferimento"],
  end_to_end_id: ["end to end id", "endtoendid", "id end to end"],
  bank_reference: ["bank reference", "riferimento banca", "cro", "trn"],
  account_iban: ["account iban", "iban conto"],
};

const BY_NAME = new Map<string, CsvField>();
for (const [field, names] of Object.entries(ALIASES) as Array<[CsvField, string[]]>) {
  for (const name of names) BY_NAME.set(name, field);
}

export function normalizeHeader(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[_.\-\s]+/g, " ")
    .trim();
}

export interface ColumnPlan {
  /** Column index of each recognised field. */
  columns: Partial<Record<CsvField, number>>;
  /** Header names as written, by column index. */
  headers: string[];
  /** Columns that name no field; they are ignored. */
  ignored: string[];
}

export type PlanResult = { ok: true; plan: ColumnPlan } | { ok: false; reason: string };

export const EXPECTED_COLUMNS =
  "a date (booking_date/data contabile or value_date/data valuta) and an amount " +
  "(amount/importo signed, or debit/dare and credit/avere); optional: currency/divisa, " +
  "description/causale/descrizione, debtor_name/ordinante, debtor_iban/iban ordinante, " +
  "reference/riferimento, end_to_end_id, bank_reference/riferimento banca, account_iban/iban conto";

export function planColumns(header: string[]): PlanResult {
  const columns: Partial<Record<CsvField, number>> = {};
  const headers = header.map((h) => h.trim());
  const ignored: string[] = [];
  for (const [index, name] of headers.entries()) {
    const field = BY_NAME.get(normalizeHeader(name));
    if (field === undefined) {
      if (name !== "") ignored.push(name);
      continue;
    }
    const earlier = columns[field];
    if (earlier !== undefined) {
      return {
        ok: false,
        reason: `columns "${headers[earlier]}" and "${name}" both mean ${field}`,
      };
    }
    columns[field] = index;
  }
  const hasDate = columns.booking_date !== undefined || columns.value_date !== undefined;
  const hasAmount =
    columns.amount !== undefined || (columns.debit !== undefined && columns.credit !== undefined);
  if (!hasDate || !hasAmount) {
    const found = headers.map((h) => `"${h}"`).join(", ");
    return {
      ok: false,
      reason: `the header row does not name the columns of a bank statement: found ${found}; expected ${EXPECTED_COLUMNS}`,
    };
  }
  return { ok: true, plan: { columns, headers, ignored } };
}
