import { describe, expect, it } from "vitest";
import { parseCamt } from "./camt-parse.js";
import { camt053, type TestEntry } from "./camt-test-files.js";
import type { ParsedStatement } from "./types.js";

function keysOf(statement: ParsedStatement): string[] {
  return statement.reports.flatMap((r) =>
    r.entries.flatMap((e) => e.transactions.map((t) => t.key)),
  );
}

function statementKeys(entries: TestEntry[], options?: Parameters<typeof camt053>[1]): string[] {
  return keysOf(parseCamt("day.xml", camt053(entries, options)));
}

/** The same entries as a camt.054 notification. */
function notificationKeys(entries: TestEntry[]): string[] {
  const xml = camt053(entries)
    .replace("camt.053.001.04", "camt.054.001.08")
    .replaceAll("BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn")
    .replaceAll("Stmt>", "Ntfctn>");
  const statement = parseCamt("notification.xml", xml);
  expect(statement.format).toBe("camt.054");
  return keysOf(statement);
}

const withTxRef: TestEntry = { txServicerRef: "TX-1", entryServicerRef: "E-1", amount: "50.00" };
const withEntryRef: TestEntry = { entryServicerRef: "E-2", amount: "60.00" };
const bare: TestEntry = { amount: "70.00", rf: "RF18539007547034", debtor: "Anna Bianchi" };

describe("transaction keys", () => {
  it("are the same when a file is imported again", () => {
    const entries = [withTxRef, withEntryRef, bare];
    expect(statementKeys(entries)).toEqual(statementKeys(entries));
  });

  it("are the same for a transaction in a camt.054 notification and in the day's camt.053", () => {
    const day = statementKeys([
      { amount: "5.00", entryServicerRef: "E-0" },
      withTxRef,
      withEntryRef,
      bare,
    ]);
    for (const entry of [withTxRef, withEntryRef, bare]) {
      expect(day).toContain(notificationKeys([entry])[0]);
    }
  });

  it("are the same for the shared day of two overlapping statements, different for the others", () => {
    for (const ref of [(day: number) => ({ entryServicerRef: `A-${day}` }), () => ({})]) {
      const day1 = { ...bare, bookingDate: "2025-03-13", ...ref(13) };
      const day2 = { ...bare, bookingDate: "2025-03-14", ...ref(14) };
      const day3 = { ...bare, bookingDate: "2025-03-15", ...ref(15) };
      const first = statementKeys([day1, day2], { statementId: "S-1" });
      const second = statementKeys([day2, day3], { statementId: "S-2" });
      expect(second[0]).toBe(first[1]);
      expect(new Set([...first, ...second]).size).toBe(3);
    }
  });

  it("differ for a reversal that reuses the original's bank references", () => {
    const reversal = { ...withTxRef, direction: "DBIT", reversal: true };
    const [original, reversed] = statementKeys([withTxRef, reversal]);
    expect(reversed).not.toBe(original);
    const [bareOriginal, bareReversed] = statementKeys([bare, { ...bare, reversal: true }]);
    expect(bareReversed).not.toBe(bareOriginal);
  });

  it("tell identical transfers apart by their ordinal, the same way in every file", () => {
    const twice = statementKeys([bare, bare]);
    expect(twice[0]).not.toBe(twice[1]);
    expect(statementKeys([bare, bare])).toEqual(twice);
    expect(statementKeys([bare])[0]).toBe(twice[0]);
  });

  it("differ between accounts, and for a reference repeated on every transaction of a batch", () => {
    const other = statementKeys([withTxRef], { iban: "DE89370400440532013000" });
    expect(other[0]).not.toBe(statementKeys([withTxRef])[0]);
    // Two transactions sharing one TxDtls AcctSvcrRef (the batch id), as a Swiss sample does.
    const xml = camt053([withTxRef]).replace(
      /<NtryDtls><TxDtls>(.*?)<\/TxDtls>/s,
      (_, tx: string) =>
        `<NtryDtls><TxDtls>${tx.replace("<RmtInf>", '<Amt Ccy="EUR">20.00</Amt><RmtInf>')}</TxDtls><TxDtls>${tx.replace("<RmtInf>", '<Amt Ccy="EUR">30.00</Amt><RmtInf>')}</TxDtls>`,
    );
    const batch = keysOf(parseCamt("batch.xml", xml));
    expect(batch).toHaveLength(2);
    expect(batch[0]).not.toBe(batch[1]);
  });

  it("include the booking date with NtryRef, which banks restart in every statement", () => {
    const xml = (date: string) =>
      camt053([{ ...bare, bookingDate: date }]).replace("<Ntry>", "<Ntry>\n<NtryRef>1</NtryRef>");
    const monday = keysOf(parseCamt("a.xml", xml("2025-03-17")));
    const tuesday = keysOf(parseCamt("b.xml", xml("2025-03-18")));
    expect(monday[0]).not.toBe(tuesday[0]);
  });
});
