/**
 * The statement for bench/reconcile: N credit entries paying N distinct cases
 * picked with a seeded generator, in the mix a collection agency sees on its
 * account: the RF reference it printed (70%), the pagoPA IUV (10%), the case
 * reference typed into the free text (10%), no reference but the exact amount
 * and the debtor's name (5%), and money nobody can place (5%). Entries naming a
 * case pay it in full (75%), in part (20%) or a little more (5%).
 */
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { caseIuvBase, pagoPaNoticeNumber } from "../../src/modules/payments/domain/pagopa";
import { caseCreditorReference } from "../../src/modules/payments/domain/rf-reference";
import { type GeneratedEntry, writeCamt053 } from "./camt053-generator";
import type { ChosenCase } from "./reconcile-portfolio";

export type EntryKind = "rf" | "iuv" | "text" | "amount_name" | "unknown";
export type PaymentShape = "full" | "partial" | "over";

export interface PlannedEntry extends GeneratedEntry {
  kind: EntryKind;
  shape: PaymentShape;
  /** The case the money is for (null for unknown money). */
  caseNumber: number | null;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct case numbers from 1..cases, in random order. */
export function pickCaseNumbers(count: number, cases: number, random: () => number): number[] {
  if (count > cases) throw new Error(`cannot pay ${count} distinct cases out of ${cases}`);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(1 + Math.floor(random() * cases));
  return [...chosen];
}

const SEGREGATION_CODE = "02";
const UNKNOWN_PAYERS = ["Zhang Wei Trading Ltd", "Kowalski Jan", "Nguyen Thi Lan", "Okafor Chidi"];

/** One planned entry per chosen case number, in the order given (5% of them pay nobody known). */
export function planEntries(
  caseNumbers: readonly number[],
  cases: ReadonlyMap<number, ChosenCase>,
  random: () => number,
): PlannedEntry[] {
  return caseNumbers.map((n, index) => {
    const i = index + 1;
    const endToEndId = `BENCH-${i}`;
    const r = random();
    if (r >= 0.95) {
      // Unknown money: a random amount from a payer who is not a debtor.
      return {
        kind: "unknown",
        shape: "full",
        caseNumber: null,
        amountMinor: BigInt(500 + Math.floor(random() * 300_000)),
        debtorName: `${UNKNOWN_PAYERS[i % UNKNOWN_PAYERS.length]} ${i}`,
        unstructured: `Bonifico ${i}`,
        endToEndId,
      };
    }
    const target = cases.get(n);
    if (!target) throw new Error(`case ${n} was not found in the database`);
    if (r >= 0.9) {
      // No reference: exactly what is open, from the debtor by name.
      return {
        kind: "amount_name",
        shape: "full",
        caseNumber: n,
        amountMinor: target.openAmountMinor,
        debtorName: target.debtorName,
        unstructured: "Saldo fattura",
        endToEndId,
      };
    }
    const s = random();
    const shape: PaymentShape = s < 0.75 ? "full" : s < 0.95 ? "partial" : "over";
    const open = target.openAmountMinor;
    const amountMinor =
      shape === "full"
        ? open
        : shape === "partial"
          ? BigInt(Math.max(1, Math.round(Number(open) * (0.2 + 0.6 * random()))))
          : open + BigInt(1 + Math.floor(random() * 5_000));
    const base = { shape, caseNumber: n, amountMinor, debtorName: target.debtorName, endToEndId };
    if (r < 0.7) {
      return { ...base, kind: "rf", rfReference: caseCreditorReference(target.reference) };
    }
    if (r < 0.8) {
      // The structured reference of a pagoPA payment is the IUV: the notice number without its "3".
      const notice = pagoPaNoticeNumber({
        segregationCode: SEGREGATION_CODE,
        iuvBase: caseIuvBase(n),
      });
      return { ...base, kind: "iuv", rfReference: notice.slice(1) };
    }
    return { ...base, kind: "text", unstructured: `Pagamento pratica ${target.reference}` };
  });
}

/** Writes the planned entries as one camt.053 day statement; resolves when the file is closed. */
export async function writeStatementFile(
  file: string,
  entries: readonly PlannedEntry[],
  options: { accountIban: string; bookingDate: string },
): Promise<void> {
  const stream = createWriteStream(file);
  await writeCamt053(stream, {
    entries: entries.length,
    accountIban: options.accountIban,
    bookingDate: options.bookingDate,
    entryFor: (i) => {
      const { kind: _kind, shape: _shape, caseNumber: _case, ...entry } = entries[i - 1]!;
      return entry;
    },
  });
  stream.end();
  await finished(stream);
}
