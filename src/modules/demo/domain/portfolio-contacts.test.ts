import { isValidPhoneNumber, parsePhoneNumber } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { isValidPersonalTaxCode, isValidVatNumber } from "../../debtors/domain/tax-ids.js";
import type {
  ContactRecord,
  DebtorRecord,
  IntakeRecord,
  InvoiceRecord,
} from "../../imports/domain/records.js";
import { generateDemoPortfolio } from "./index.js";

const portfolio = generateDemoPortfolio({ seed: 99, today: "2026-03-15" });

function split(records: IntakeRecord[]) {
  const pick = <T>(type: IntakeRecord["type"]) =>
    records.filter((r) => r.type === type).map((r) => r.record as T);
  return {
    debtors: pick<DebtorRecord>("debtor"),
    contacts: pick<ContactRecord>("contact"),
    invoices: pick<InvoiceRecord>("invoice"),
  };
}

const all = portfolio.map((p) => split(p.records));
const debtors = all.flatMap((t) => t.debtors);
const contacts = all.flatMap((t) => t.contacts);
// Contacts by tenant and debtor: customer codes repeat across tenants.
const contactIndex = all.map((tenant) => {
  const byDebtor = new Map<string, ContactRecord[]>();
  for (const c of tenant.contacts) {
    byDebtor.set(c.debtorExternalId, [...(byDebtor.get(c.debtorExternalId) ?? []), c]);
  }
  return byDebtor;
});
const contactsOf = (tenant: (typeof all)[number], id: string) =>
  contactIndex[all.indexOf(tenant)]!.get(id) ?? [];

const EXAMPLE_DOMAIN = /@(?:[a-z0-9-]+\.)*example\.(?:it|com|org)$/;
const EMAIL_SYNTAX = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/;
const share = (n: number) => n / debtors.length;

describe("demo debtors", () => {
  it("give every person a valid codice fiscale and every company a valid partita IVA as tax code", () => {
    const bad = debtors.filter((d) =>
      d.kind === "person"
        ? !isValidPersonalTaxCode(d.taxCode!) || !d.firstName || !d.lastName
        : !isValidVatNumber(d.taxCode!) || d.vatNumber !== d.taxCode,
    );
    expect(bad).toEqual([]);
    const vats = debtors.filter((d) => d.vatNumber).map((d) => d.vatNumber!);
    expect(vats.filter((v) => !isValidVatNumber(v))).toEqual([]);
    // Digits 8–10: a province office (001–100) or one of the special offices 120/121.
    expect(vats.filter((v) => !/^\d{7}(0\d\d|100|12[01])\d$/.test(v))).toEqual([]);
    expect(debtors.some((d) => d.kind === "person" && d.vatNumber)).toBe(true); // sole traders
    // A few omocodia codes (digits replaced by letters), as the Agenzia issues for namesakes.
    const omocodic = debtors.filter(
      (d) =>
        d.kind === "person" &&
        /[A-Z]/.test(d.taxCode!.slice(6, 8) + d.taxCode!.slice(9, 11) + d.taxCode!.slice(12, 15)),
    );
    expect(omocodic.length).toBeGreaterThan(0);
    // People born abroad carry the country's "Z" code.
    expect(debtors.some((d) => d.kind === "person" && d.taxCode!.slice(11, 12) === "Z")).toBe(true);
  });

  it("includes a few English speakers and a few people living abroad", () => {
    const english = debtors.filter((d) => d.language === "en").length;
    expect(share(english)).toBeGreaterThan(0.015);
    expect(share(english)).toBeLessThan(0.05);
    const abroad = debtors.filter((d) => d.timeZone !== "Europe/Rome");
    expect(share(abroad.length)).toBeGreaterThan(0.004);
    expect(share(abroad.length)).toBeLessThan(0.02);
    const utility = all[0]!;
    for (const d of abroad) {
      expect(d.timeZone).toBe("Europe/London");
      const theirs = contactsOf(utility, d.externalId);
      expect(theirs.find((c) => c.kind === "postal")?.address?.country).toBe("GB");
      for (const phone of theirs.filter((c) => c.kind === "phone"))
        expect(phone.value).toMatch(/^\+44/);
    }
  });

  it("segments and scores every debtor", () => {
    expect(new Set(all[0]!.debtors.map((d) => d.segment))).toEqual(
      new Set(["residential", "small_business"]),
    );
    expect(new Set(all[1]!.debtors.map((d) => d.segment))).toEqual(
      new Set(["key_account", "sme", "sole_trader"]),
    );
    expect(share(all[1]!.debtors.filter((d) => d.kind === "company").length * 2)).toBeGreaterThan(
      0.2,
    );
    for (const d of debtors) {
      expect(d.riskScore).toBeGreaterThanOrEqual(0);
      expect(d.riskScore).toBeLessThanOrEqual(1000);
      expect(d.riskClass).toMatch(/^[A-E]$/);
    }
  });
});

describe("demo contacts", () => {
  it("has only valid E.164 phones, typed as libphonenumber types them", () => {
    const phones = contacts.filter((c) => c.kind === "phone");
    const wrong = phones.filter((c) => {
      if (!/^\+\d{8,15}$/.test(c.value) || !isValidPhoneNumber(c.value)) return true;
      const type = parsePhoneNumber(c.value).getType();
      return c.phoneType === "mobile" ? type !== "MOBILE" : type !== "FIXED_LINE";
    });
    expect(wrong).toEqual([]);
    expect(phones.some((c) => c.phoneType === "fixed")).toBe(true);
    const mobilePrefixes = phones
      .filter((c) => c.phoneType === "mobile" && c.value.startsWith("+39"))
      .map((c) => Number(c.value.slice(3, 6)));
    expect(mobilePrefixes.every((p) => p >= 320 && p <= 351)).toBe(true);
  });

  it("has only syntactically valid emails on example domains, PEC on pec.example.it", () => {
    const mails = contacts.filter((c) => c.kind === "email" || c.kind === "pec");
    expect(
      mails.filter((c) => !EMAIL_SYNTAX.test(c.value) || !EXAMPLE_DOMAIN.test(c.value)),
    ).toEqual([]);
    expect(mails.filter((c) => c.value.includes(".."))).toEqual([]);
    expect(
      contacts.filter((c) => c.kind === "pec" && !c.value.endsWith("@pec.example.it")),
    ).toEqual([]);
    const companies = all[1]!.debtors.filter((d) => d.kind === "company");
    const withPec = companies.filter((d) =>
      contactsOf(all[1]!, d.externalId).some((c) => c.kind === "pec"),
    );
    expect(withPec.length / companies.length).toBeGreaterThan(0.8);
  });

  it("renders Italian postal addresses with a CAP and province", () => {
    const postal = contacts.filter((c) => c.kind === "postal" && c.address?.country === "IT");
    expect(postal.length).toBeGreaterThan(1900);
    for (const c of postal) {
      expect(c.address!.postalCode).toMatch(/^\d{5}$/);
      expect(c.address!.province).toMatch(/^[A-Z]{2}$/);
      expect(c.value).toContain(
        `${c.address!.postalCode} ${c.address!.city} (${c.address!.province})`,
      );
    }
  });

  it("leaves realistic gaps and opt-outs for the fallback rules", () => {
    const utility = all[0]!;
    const reach = utility.debtors.map((d) => ({
      email: contactsOf(utility, d.externalId).some((c) => c.kind === "email"),
      phone: contactsOf(utility, d.externalId).some((c) => c.kind === "phone"),
    }));
    const noEmail = reach.filter((r) => !r.email).length / reach.length;
    const noPhone = reach.filter((r) => !r.phone).length / reach.length;
    expect(noEmail).toBeGreaterThan(0.15);
    expect(noPhone).toBeGreaterThan(0.01);
    expect(noPhone).toBeLessThan(0.1);
    const noPostal = utility.debtors.filter(
      (d) => !contactsOf(utility, d.externalId).some((c) => c.kind === "postal"),
    );
    expect(noPostal.length).toBeGreaterThan(0);

    const mobiles = contacts.filter((c) => c.phoneType === "mobile");
    const smsOut = mobiles.filter((c) => c.optOut?.includes("sms"));
    expect(smsOut.length / mobiles.length).toBeGreaterThan(0.005);
    expect(smsOut.length / mobiles.length).toBeLessThan(0.05);
    for (const c of smsOut) expect(c.consent?.sms).toBe("denied");
    expect(contacts.some((c) => c.consent?.email === "granted")).toBe(true);
  });
});
