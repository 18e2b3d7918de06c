import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { writeCamt053 } from "../../../../bench/support/camt053-generator.js";
import { creditorReference } from "../domain/rf-reference.js";
import { parseCamt } from "./camt-parse.js";

const IBAN = "IT60X0542811101000000123456";
const entryFor = (i: number) => ({
  amountMinor: BigInt(i * 101),
  rfReference: i % 3 === 0 ? undefined : creditorReference(`SAL${i}`),
  unstructured: i % 2 === 0 ? `Fattura ${i} <saldo> & "interessi"` : undefined,
  debtorName: `Debitore ${i}`,
  endToEndId: i % 5 === 0 ? undefined : `E2E-${i}`,
});

describe("generated camt.053 (bench/support/camt053-generator)", () => {
  it("writes 1,000 entries that parse back exactly", async () => {
    const chunks: string[] = [];
    await writeCamt053((chunk) => void chunks.push(chunk), {
      entries: 1000,
      accountIban: IBAN,
      bookingDate: "2025-03-14",
      entryFor,
    });
    const statement = parseCamt("generated.xml", chunks.join(""));
    expect(statement).toMatchObject({ format: "camt.053", version: "001.08" });
    const [report] = statement.reports;
    expect(report).toMatchObject({
      accountIban: IBAN,
      accountCurrency: "EUR",
      openingBalanceMinor: 0n,
    });
    expect(report!.entries).toHaveLength(1000);
    const total = report!.entries.reduce((sum, e) => sum + e.amountMinor, 0n);
    expect(report!.closingBalanceMinor).toBe(total);

    const lines = chunks.join("").split("\n");
    for (const [n, entry] of report!.entries.entries()) {
      const i = n + 1;
      const expected = entryFor(i);
      expect(lines[entry.line - 1]).toContain("<Ntry>");
      expect(entry).toMatchObject({
        amountMinor: expected.amountMinor,
        direction: "credit",
        status: "booked",
      });
      const [tx] = entry.transactions;
      expect(tx!.structuredReferences).toEqual(expected.rfReference ? [expected.rfReference] : []);
      expect(tx!.unstructured).toEqual(expected.unstructured ? [expected.unstructured] : []);
      expect(tx!.endToEndId).toBe(expected.endToEndId);
      expect(tx!.debtorName).toBe(expected.debtorName);
    }
    const keys = new Set(report!.entries.map((e) => e.transactions[0]!.key));
    expect(keys.size).toBe(1000);
  });

  it("honours a stream's back-pressure", async () => {
    let size = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        setImmediate(done);
      },
    });
    await writeCamt053(slow, {
      entries: 2000,
      accountIban: IBAN,
      bookingDate: "2025-03-14",
      entryFor,
    });
    expect(size).toBeGreaterThan(1_000_000);
  });
});
