import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { personalTaxCode } from "../src/modules/demo/domain/tax-codes";

/**
 * A wide CSV as an Italian export looks: semicolons, decimal commas, dd/mm/yyyy,
 * one row per invoice with its debtor's columns repeated (about 5 per debtor).
 */
export const CSV_HEADER =
  "Codice Cliente;Nome;Cognome;Codice Fiscale;Email;Cellulare;Indirizzo;CAP;Città;Provincia;" +
  "Numero Fattura;Data Emissione;Data Scadenza;Importo;Residuo";

const FIRST = [
  "Mario",
  "Giulia",
  "Luca",
  "Francesca",
  "Marco",
  "Chiara",
  "Andrea",
  "Sara",
  "Paolo",
  "Elena",
];
const LAST = [
  "Rossi",
  "Bianchi",
  "Russo",
  "Ferrari",
  "Esposito",
  "Romano",
  "Colombo",
  "Ricci",
  "Marino",
  "Greco",
];
const CITIES = [
  ["Milano", "MI", "20121", "F205"],
  ["Roma", "RM", "00184", "H501"],
  ["Napoli", "NA", "80133", "F839"],
  ["Torino", "TO", "10121", "L219"],
] as const;

export async function generateInvoicesCsv(
  path: string,
  rows: number,
  invoicesPerDebtor = 5,
): Promise<void> {
  const out = createWriteStream(path);
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  let buffer = `${CSV_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const d = Math.floor(i / invoicesPerDebtor);
    const first = FIRST[d % FIRST.length] as string;
    const last = LAST[Math.floor(d / FIRST.length) % LAST.length] as string;
    const city = CITIES[d % CITIES.length] as (typeof CITIES)[number];
    const year = 1940 + (d % 60);
    const cf = personalTaxCode({
      firstName: first,
      lastName: last,
      gender: d % 2 === 0 ? "M" : "F",
      birthYear: year,
      birthMonth: 1 + (d % 12),
      birthDay: 1 + (d % 28),
      birthplaceCode: city[3],
    });
    const cents = 1000 + Math.floor(rand() * 200_000);
    const open = rand() < 0.8 ? cents : Math.floor(cents / 2);
    const due = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 400) * 86_400_000);
    const issue = new Date(due.getTime() - 30 * 86_400_000);
    const date = (x: Date) =>
      `${pad(x.getUTCDate(), 2)}/${pad(x.getUTCMonth() + 1, 2)}/${x.getUTCFullYear()}`;
    const amount = (c: number) =>
      `${Math.floor(c / 100).toLocaleString("it-IT")},${pad(c % 100, 2)}`;
    buffer +=
      `C${pad(d, 7)};${first};${last};${cf};${first.toLowerCase()}.${last.toLowerCase()}${d}@example.it;` +
      `+39 3${pad(20 + (d % 30), 2)} ${pad(1_000_000 + (d % 8_999_999), 7)};Via Roma ${1 + (d % 200)};${city[2]};${city[0]};${city[1]};` +
      `FT/${pad(i, 8)};${date(issue)};${date(due)};${amount(cents)};${amount(open)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}
