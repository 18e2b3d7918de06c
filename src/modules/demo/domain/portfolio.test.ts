import { describe, expect, it } from "vitest";
import type {
  ContactRecord,
  DebtorRecord,
  IntakeRecord,
  InvoiceRecord,
} from "../../imports/domain/records.js";
import { DEFAULT_DEMO_SIZE, DEMO_TENANTS, generateDemoPortfolio } from "./index.js";

const TODAY = "2026-03-15";
const portfolio = generateDemoPortfolio({ seed: 20_260_315, today: TODAY });

function split(records: IntakeRecord[]) {
  const pick = <T>(type: IntakeRecord["type"]) =>
    records.filter((r) => r.type === type).map((r) => r.record as T);
  return {
    debtors: pick<DebtorRecord>("debtor"),
    contacts: pick<ContactRecord>("contact"),
    invoices: pick<InvoiceRecord>("invoice"),
  };
}

describe("generateDemoPortfolio", () => {
  it("is deterministic: same seed and day, deep-equal output", () => {
    const again = generateDemoPortfolio({ seed: 20_260_315, today: TODAY });
    expect(again).toEqual(portfolio);
    const other = generateDemoPortfolio({
      seed: 7,
      today: TODAY,
      debtorsPerTenant: { utility: 50 },
    });
    const first = split(portfolio[0]!.records).debtors[0];
    expect(split(other[0]!.records).debtors[0]).not.toEqual(first);
  });

  it("gives each tenant the debtors asked for, two tenants by default", () => {
    expect(portfolio.map((p) => p.tenantSlug)).toEqual(DEMO_TENANTS.map((t) => t.slug));
    for (const { tenantSlug, records } of portfolio) {
      expect(split(records).debtors).toHaveLength(DEFAULT_DEMO_SIZE[tenantSlug]);
    }
    const small = generateDemoPortfolio({ seed: 1, today: TODAY, debtorsPerTenant: { b2b: 25 } });
    expect(small.map((p) => p.tenantSlug)).toEqual(["b2b"]);
    expect(split(small[0]!.records).debtors).toHaveLength(25);
  });

  it("rejects bad options instead of guessing", () => {
    expect(() => generateDemoPortfolio({ seed: 1, today: "2026-02-30" })).toThrow(RangeError);
    expect(() => generateDemoPortfolio({ seed: 1.5, today: TODAY })).toThrow(RangeError);
    expect(() =>
      generateDemoPortfolio({ seed: 1, today: TODAY, debtorsPerTenant: { telco: 3 } as never }),
    ).toThrow(/unknown demo tenant/);
  });

  it("lists debtors first, numbers lines 1..n, and every reference has its debtor", () => {
    for (const { records } of portfolio) {
      expect(records.map((r) => r.line)).toEqual(records.map((_, i) => i + 1));
      const firstOther = records.findIndex((r) => r.type !== "debtor");
      expect(records.slice(firstOther).some((r) => r.type === "debtor")).toBe(false);

      const { debtors, contacts, invoices } = split(records);
      const ids = new Set(debtors.map((d) => d.externalId));
      expect(ids.size).toBe(debtors.length);
      for (const id of ids) expect(id).toMatch(/^C\d{6}$/);
      const orphans = [...contacts, ...invoices].filter((r) => !ids.has(r.debtorExternalId));
      expect(orphans).toEqual([]);
      expect(new Set(invoices.map((i) => i.externalId)).size).toBe(invoices.length);
      expect(new Set(invoices.map((i) => i.number)).size).toBe(invoices.length);
    }
  });

  it("makes about 20 people debtors of both tenants: same codice fiscale, other customer code", () => {
    const [utility, b2b] = portfolio.map((p) => split(p.records).debtors);
    const byCode = new Map(utility!.filter((d) => d.kind === "person").map((d) => [d.taxCode, d]));
    const shared = b2b!.filter((d) => d.kind === "person" && byCode.has(d.taxCode));
    expect(shared.length).toBe(20);
    for (const debtor of shared) {
      const twin = byCode.get(debtor.taxCode)!;
      expect(twin.name).toBe(debtor.name);
      expect(twin.externalId).not.toBe(debtor.externalId);
    }
  });

  it("never gives two people of one tenant the same tax code, phone or email", () => {
    for (const { records } of portfolio) {
      const { debtors, contacts } = split(records);
      const codes = debtors.map((d) => d.taxCode);
      expect(new Set(codes).size).toBe(codes.length);
      const values = contacts.filter((c) => c.kind !== "postal").map((c) => c.value);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it("generates the default ~2,000 debtors well within a second once warm", () => {
    generateDemoPortfolio({ seed: 1, today: TODAY });
    const started = performance.now();
    generateDemoPortfolio({ seed: 2, today: TODAY });
    // Loose bound: it takes ~0.1–0.3 s, but test machines are shared.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
